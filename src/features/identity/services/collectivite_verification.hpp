#pragma once
// Organisers' view of who registered for which collectivité, and how sure that is
// (docs/identity.md, "Collectivités vérifiées").
#include <string>
#include <vector>

#include "features/identity/domain/collectivite_marks.hpp"
#include "platform/core/result.hpp"
#include "platform/store/database.hpp"

namespace ateliers::identity {

struct RegistrationCollectivite {
    long long registration_id = 0;
    std::string cycle_slug;
    std::string cycle_title;
    std::string full_name;
    std::string email;
    std::string collectivite_id;
    std::string collectivite_name;
    CollectiviteMark mark = CollectiviteMark::declared;
    std::string reviewer_name;  // who confirmed or contested, if someone did
};

// Active registrations, the declared ones first (they need an organiser's eye).
Result<std::vector<RegistrationCollectivite>> registration_collectivites(store::Database& db, int limit = 500);

// An organiser confirms or contests the collectivité of a registration's person; written
// to the audit journal in the same transaction.
Status review_registration_collectivite(store::Database& db, long long organiser_id, long long registration_id,
                                        CollectiviteReview decision);

}  // namespace ateliers::identity
