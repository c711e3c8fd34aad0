#pragma once
// How sure we are that a person belongs to the collectivité they registered for: verified
// by ProConnect (their employer's SIREN is that collectivité's), merely declared, or
// confirmed or contested by an organiser, whose word comes last and wins.
#include <optional>
#include <string>

namespace ateliers::identity {

enum class CollectiviteMark { verified, declared, confirmed, contested };

enum class CollectiviteReview { confirmed, contested };

struct CollectiviteEvidence {
    std::string declared_id;    // the registration's collectivité
    std::string proconnect_id;  // the collectivité of the SIRET ProConnect gave, empty if none
    std::optional<CollectiviteReview> review;  // an organiser's decision on (person, declared_id)
};

CollectiviteMark collectivite_mark(const CollectiviteEvidence& evidence);

// "vérifiée", "déclarée", "confirmée", "contestée": the mark's word in the UI.
std::string collectivite_mark_label(CollectiviteMark mark);
// "verified"…: stable codes for CSS classes and tests.
std::string collectivite_mark_code(CollectiviteMark mark);

std::optional<CollectiviteReview> parse_collectivite_review(const std::string& code);
std::string collectivite_review_code(CollectiviteReview review);

}  // namespace ateliers::identity
