#pragma once
// What the printed documents of an event say: a badge per confirmed person (name,
// organisation, the workshops where they hold a seat, the ticket's signed token for the QR
// code), the sheet of every badge, and the certificate of attendance, which exists only for
// a person checked in at the welcome desk. The web layer lays them out and has them printed
// to PDF (platform/export/document_conversion).
#include <optional>
#include <string>
#include <vector>

#include "features/events/store/event_registrations.hpp"
#include "features/events/store/events.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct BadgeWorkshop {
    std::string title;
    std::string room;
    long long starts_at = 0;
};

struct EventBadge {
    store::EventRegistrationRow registration;
    std::string token;                     // the ticket's, for the QR code
    std::vector<BadgeWorkshop> workshops;  // seats held, by start
};

struct EventBadges {
    store::EventRow event;
    std::vector<EventBadge> badges;  // by name, accents aside
};

// Every confirmed registration of the event.
// Every confirmed person, in alphabetical order of name.
Result<EventBadges> event_badge_sheet(store::Database& db, const std::string& slug);
// One registration of the event (organisers), confirmed.
Result<EventBadges> event_badge_of(store::Database& db, const std::string& slug, long long registration_id);
// The person's own badge: refused (forbidden, in French) without a confirmed registration.
Result<EventBadges> my_event_badge(store::Database& db, const std::string& slug, long long user_id);

struct EventCertificate {
    store::EventRow event;
    store::EventRegistrationRow registration;
    long long checked_in_at = 0;
    std::vector<BadgeWorkshop> workshops;  // where they were marked present
};

// Refused (conflict, in French) for a registration not checked in.
Result<EventCertificate> event_certificate_of(store::Database& db, const std::string& slug, long long registration_id);
// The person's own certificate; forbidden without a registration to the event.
Result<EventCertificate> my_event_certificate(store::Database& db, const std::string& slug, long long user_id);

}  // namespace ateliers::services
