#include "features/events/services/event_documents.hpp"

#include <algorithm>
#include <map>

#include "features/events/services/ticket_token.hpp"
#include "features/events/store/event_checkins.hpp"
#include "platform/auth/server_secrets.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

using ItemIndex = std::map<long long, store::ItemRow>;

ItemIndex items_of(soci::session& sql, long long event_id) {
    ItemIndex out;
    for (auto& i : store::event_items(sql, event_id)) out[i.id] = std::move(i);
    return out;
}

BadgeWorkshop workshop_of(const store::ItemRow& i) { return {i.title, i.room, i.starts_at}; }

void by_start(std::vector<BadgeWorkshop>& w) {
    std::stable_sort(w.begin(), w.end(), [](const auto& a, const auto& b) { return a.starts_at < b.starts_at; });
}

EventBadge badge_of(soci::session& sql, const std::string& secret, const ItemIndex& items, store::EventRegistrationRow r) {
    EventBadge b{std::move(r), {}, {}};
    b.token = events::sign_ticket(secret, b.registration.id);
    for (const auto& c : store::registration_choices(sql, b.registration.id)) {
        const auto item = items.find(c.item_id);
        if (c.status == "held" && item != items.end()) b.workshops.push_back(workshop_of(item->second));
    }
    by_start(b.workshops);
    return b;
}

// slug -> event, then `pick` chooses the registrations; one read-only session.
template <typename Pick>
Result<EventBadges> badges(store::Database& db, const std::string& slug, Pick pick) {
    auto secret = server_secret(db, "event-tickets");
    if (!secret) return secret.failure();
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<EventBadges> {
            const auto event = store::find_event(sql, db.dialect(), slug, false);
            if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
            auto chosen = pick(sql, *event);
            if (!chosen) return chosen.failure();
            const auto items = items_of(sql, event->id);
            EventBadges out{*event, {}};
            for (auto& r : chosen.value()) out.badges.push_back(badge_of(sql, secret.value(), items, std::move(r)));
            std::stable_sort(out.badges.begin(), out.badges.end(), [](const auto& a, const auto& b) {
                return text::fold_for_search(a.registration.full_name) < text::fold_for_search(b.registration.full_name);
            });
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

using Rows = std::vector<store::EventRegistrationRow>;

Result<Rows> confirmed_one(const std::optional<store::EventRegistrationRow>& r, const store::EventRow& event,
                           const char* missing, FailureKind kind) {
    if (!r || r->event_id != event.id || r->status != "confirmed") return fail(missing, {}, kind);
    return Rows{*r};
}

template <typename Find>
Result<EventCertificate> certificate(store::Database& db, const std::string& slug, Find find) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<EventCertificate> {
            const auto event = store::find_event(sql, db.dialect(), slug, false);
            if (!event) return fail("Événement introuvable.", {}, FailureKind::not_found);
            auto r = find(sql, *event);
            if (!r) return r.failure();
            const auto at = store::event_checkin_time(sql, r->id);
            if (!at)
                return fail("L’attestation de présence est délivrée aux personnes accueillies à l’événement : " +
                                r->full_name + " n’a pas été pointé·e à l’accueil.",
                            {}, FailureKind::conflict);
            EventCertificate out{*event, r.value(), *at, {}};
            const auto items = items_of(sql, event->id);
            for (const auto& [registration, item] : store::workshop_attendance(sql, event->id)) {
                const auto i = items.find(item);
                if (registration == out.registration.id && i != items.end()) out.workshops.push_back(workshop_of(i->second));
            }
            by_start(out.workshops);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace

Result<EventBadges> event_badge_sheet(store::Database& db, const std::string& slug) {
    return badges(db, slug, [](soci::session& sql, const store::EventRow& event) -> Result<Rows> {
        Rows out;
        for (auto& r : store::event_registrations(sql, event.id, false))
            if (r.status == "confirmed") out.push_back(std::move(r));
        // Alphabetical, accents aside: the badges are laid out on the welcome table in this order.
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            return text::fold_for_search(a.full_name) < text::fold_for_search(b.full_name);
        });
        return out;
    });
}

Result<EventBadges> event_badge_of(store::Database& db, const std::string& slug, long long registration_id) {
    return badges(db, slug, [&](soci::session& sql, const store::EventRow& event) {
        return confirmed_one(store::find_event_registration(sql, registration_id), event,
                             "Cette personne n’a pas de place confirmée à cet événement.", FailureKind::not_found);
    });
}

Result<EventBadges> my_event_badge(store::Database& db, const std::string& slug, long long user_id) {
    return badges(db, slug, [&](soci::session& sql, const store::EventRow& event) {
        return confirmed_one(store::active_event_registration(sql, event.id, user_id), event,
                             "Le badge est réservé aux personnes dont l’inscription à cet événement est confirmée.",
                             FailureKind::forbidden);
    });
}

Result<EventCertificate> event_certificate_of(store::Database& db, const std::string& slug, long long registration_id) {
    return certificate(db, slug, [&](soci::session& sql, const store::EventRow& event) -> Result<store::EventRegistrationRow> {
        const auto r = store::find_event_registration(sql, registration_id);
        if (!r || r->event_id != event.id) return fail("Inscription introuvable pour cet événement.", {}, FailureKind::not_found);
        return *r;
    });
}

Result<EventCertificate> my_event_certificate(store::Database& db, const std::string& slug, long long user_id) {
    return certificate(db, slug, [&](soci::session& sql, const store::EventRow& event) -> Result<store::EventRegistrationRow> {
        const auto r = store::active_event_registration(sql, event.id, user_id);
        if (!r)
            return fail("L’attestation de présence est réservée aux personnes inscrites à cet événement.", {},
                        FailureKind::forbidden);
        return *r;
    });
}

}  // namespace ateliers::services
