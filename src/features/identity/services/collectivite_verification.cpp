#include "features/identity/services/collectivite_verification.hpp"

#include <algorithm>

#include "features/identity/store/collectivite_reviews.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::identity {

namespace {

RegistrationCollectivite from_row(const store::RegistrationCollectiviteRow& row) {
    CollectiviteEvidence evidence{row.collectivite_id, row.proconnect_collectivite_id, parse_collectivite_review(row.review)};
    return {row.registration_id,  row.cycle_slug,        row.cycle_title,
            row.full_name,        row.email,             row.collectivite_id,
            row.collectivite_name, collectivite_mark(evidence), row.reviewer_name};
}

}  // namespace

Result<std::vector<RegistrationCollectivite>> registration_collectivites(store::Database& db, int limit) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<RegistrationCollectivite> out;
            for (const auto& row : store::registration_collectivites(sql, limit)) out.push_back(from_row(row));
            std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
                return (a.mark == CollectiviteMark::declared) > (b.mark == CollectiviteMark::declared);
            });
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Status review_registration_collectivite(store::Database& db, long long organiser_id, long long registration_id,
                                        CollectiviteReview decision) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto row = store::registration_collectivite(sql, registration_id);
        if (!row) return fail("Cette inscription n'existe pas.", {}, FailureKind::not_found);
        const auto code = collectivite_review_code(decision);
        store::save_collectivite_review(sql, row->user_id, row->collectivite_id, code, organiser_id,
                                        store::now_utc_seconds());
        const bool confirmed = decision == CollectiviteReview::confirmed;
        services::record_audit(sql, organiser_id, confirmed ? "collectivite.confirm" : "collectivite.contest",
                               "registration:" + std::to_string(registration_id),
                               std::string(confirmed ? "Collectivité confirmée" : "Collectivité contestée") + " : " +
                                   row->full_name + " pour " + row->collectivite_name + " (" + row->cycle_title + ")");
        return Done{};
    });
}

}  // namespace ateliers::identity
