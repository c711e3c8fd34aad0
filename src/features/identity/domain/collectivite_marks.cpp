#include "features/identity/domain/collectivite_marks.hpp"

namespace ateliers::identity {

CollectiviteMark collectivite_mark(const CollectiviteEvidence& e) {
    if (e.review) return *e.review == CollectiviteReview::confirmed ? CollectiviteMark::confirmed : CollectiviteMark::contested;
    // Exact match only: an agent of an EPCI registering for one of its communes (or the
    // reverse) is declared, for an organiser to confirm.
    if (!e.proconnect_id.empty() && e.proconnect_id == e.declared_id) return CollectiviteMark::verified;
    return CollectiviteMark::declared;
}

std::string collectivite_mark_label(CollectiviteMark mark) {
    switch (mark) {
        case CollectiviteMark::verified: return "vérifiée";
        case CollectiviteMark::declared: return "déclarée";
        case CollectiviteMark::confirmed: return "confirmée";
        case CollectiviteMark::contested: return "contestée";
    }
    return "déclarée";
}

std::string collectivite_mark_code(CollectiviteMark mark) {
    switch (mark) {
        case CollectiviteMark::verified: return "verified";
        case CollectiviteMark::declared: return "declared";
        case CollectiviteMark::confirmed: return "confirmed";
        case CollectiviteMark::contested: return "contested";
    }
    return "declared";
}

std::optional<CollectiviteReview> parse_collectivite_review(const std::string& code) {
    if (code == "confirmed") return CollectiviteReview::confirmed;
    if (code == "contested") return CollectiviteReview::contested;
    return std::nullopt;
}

std::string collectivite_review_code(CollectiviteReview review) {
    return review == CollectiviteReview::confirmed ? "confirmed" : "contested";
}

}  // namespace ateliers::identity
