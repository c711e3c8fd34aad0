#pragma once
// What the public pages show of the cycles: the upcoming ones with their sessions.
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

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
    std::string facilitator_name;
    int capacity = 0;
    int seats_taken = 0;
    std::string mode;
    std::int64_t registration_opens_at = 0;
    std::int64_t registration_closes_at = 0;
    std::vector<SessionSlot> sessions;
};

// Published cycles whose last session has not ended, soonest first.
Result<std::vector<CycleSummary>> upcoming_cycles(store::Database& db, std::int64_t now_utc, int limit);

struct Testimonial {
    std::string author, role_text, place, quote;
};
Result<std::vector<Testimonial>> published_testimonials(store::Database& db);

}  // namespace ateliers::services
