#pragma once
// What the public pages show of the cycles: the catalogue with its filters, one
// cycle's page, and the testimonials.
#include "features/cycles/domain/cycle_status.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "features/registration/domain/registration_rules.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct SessionSlot {
    int number = 0;
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
};

struct CycleSummary {
    long long id = 0;
    std::string slug;
    std::string title;
    std::string theme;
    std::string summary;
    std::vector<std::string> territory_types;
    std::string region_code;
    std::string facilitator_name;
    int capacity = 0;
    int seats_taken = 0;
    registration::Mode mode = registration::Mode::first_come;
    std::int64_t registration_opens_at = 0;
    std::int64_t registration_closes_at = 0;
    std::vector<SessionSlot> sessions;  // by start
    CycleStatus status = CycleStatus::draft;

    std::int64_t first_session_at() const;  // 0 when none is planned
    registration::Availability availability(std::int64_t now) const;
};

// Published cycles whose first session has not started yet, soonest first (the home
// page's "Prochains cycles").
Result<std::vector<CycleSummary>> upcoming_cycles(store::Database& db, std::int64_t now_utc, int limit);

struct CatalogueFilters {
    std::string territory_type;  // code, empty for all
    std::string theme;
    std::string region_code;     // cycles open to this région (national ones included)
    std::string month;           // "2027-01": cycles whose first session is that month
    bool seats_available = false;
};

struct CataloguePage {
    std::vector<CycleSummary> cycles;
    int total = 0;
    int page = 1;
    int pages = 1;
    std::vector<std::string> themes;  // every theme of the upcoming cycles, for the filter
    std::vector<std::string> months;  // every month key of the upcoming cycles
};

Result<CataloguePage> search_catalogue(store::Database& db, const CatalogueFilters& filters, int page, int per_page,
                                       std::int64_t now_utc);

struct CycleDetail {
    CycleSummary summary;
    std::string description;
    std::string facilitator_bio;
    struct Contact {
        std::string full_name, email;
    };
    std::vector<Contact> contacts;
};

// A published or closed cycle; `include_drafts` also finds a draft, for the organisers' preview.
Result<std::optional<CycleDetail>> cycle_detail(store::Database& db, const std::string& slug,
                                               bool include_drafts = false);

struct Testimonial {
    std::string author, role_text, place, quote;
};
Result<std::vector<Testimonial>> published_testimonials(store::Database& db);

// Every région (code, name), by name, for the catalogue's filter. A database error throws.
std::vector<std::pair<std::string, std::string>> catalogue_regions(store::Database& db);

}  // namespace ateliers::services
