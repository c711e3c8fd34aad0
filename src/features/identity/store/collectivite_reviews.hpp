#pragma once
// Registrations seen from the collectivité they claim: who, which collectivité, what
// ProConnect said of the person's employer, what an organiser decided.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct RegistrationCollectiviteRow {
    long long registration_id = 0;
    std::string cycle_slug;
    std::string cycle_title;
    std::string status;
    long long user_id = 0;
    std::string full_name;
    std::string email;
    std::string collectivite_id;
    std::string collectivite_name;
    std::string proconnect_collectivite_id;  // empty: no ProConnect, or a SIRET outside the referential
    std::string review;                      // "confirmed", "contested" or empty
    std::string reviewer_name;
    std::int64_t reviewed_at = 0;
};

// Active registrations (applied, confirmed, waiting), newest cycles first, at most `limit`.
std::vector<RegistrationCollectiviteRow> registration_collectivites(soci::session& sql, int limit);
std::optional<RegistrationCollectiviteRow> registration_collectivite(soci::session& sql, long long registration_id);

void save_collectivite_review(soci::session& sql, long long user_id, const std::string& collectivite_id,
                              const std::string& decision, long long decided_by, std::int64_t now);

}  // namespace ateliers::store
