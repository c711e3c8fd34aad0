#include "features/identity/store/collectivite_reviews.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {

const std::string select_rows =
    "SELECT r.id AS registration_id, cy.slug AS cycle_slug, cy.title AS cycle_title, r.status AS status, "
    "u.id AS user_id, u.full_name AS full_name, u.email AS email, r.collectivite_id AS collectivite_id, "
    "c.name AS collectivite_name, COALESCE(p.collectivite_id, '') AS proconnect_collectivite_id, "
    "COALESCE(v.decision, '') AS review, COALESCE(w.full_name, '') AS reviewer_name, "
    "COALESCE(v.decided_at, 0) AS reviewed_at "
    "FROM registrations r JOIN cycles cy ON cy.id = r.cycle_id JOIN users u ON u.id = r.user_id "
    "JOIN collectivites c ON c.id = r.collectivite_id "
    "LEFT JOIN proconnect_identities p ON p.user_id = r.user_id "
    "LEFT JOIN collectivite_reviews v ON v.user_id = r.user_id AND v.collectivite_id = r.collectivite_id "
    "LEFT JOIN users w ON w.id = v.decided_by ";

RegistrationCollectiviteRow read(const soci::row& r) {
    return {as_int(r, "registration_id"),
            as_text(r, "cycle_slug"),
            as_text(r, "cycle_title"),
            as_text(r, "status"),
            as_int(r, "user_id"),
            as_text(r, "full_name"),
            as_text(r, "email"),
            as_text(r, "collectivite_id"),
            as_text(r, "collectivite_name"),
            as_text(r, "proconnect_collectivite_id"),
            as_text(r, "review"),
            as_text(r, "reviewer_name"),
            as_int(r, "reviewed_at")};
}

}  // namespace

std::vector<RegistrationCollectiviteRow> registration_collectivites(soci::session& sql, int limit) {
    std::vector<RegistrationCollectiviteRow> out;
    soci::rowset<soci::row> rows = (sql.prepare << select_rows +
                                                       "WHERE r.status IN ('applied', 'confirmed', 'waiting') "
                                                       "ORDER BY cy.id DESC, r.id LIMIT :n",
                                    soci::use(limit));
    for (const auto& r : rows) out.push_back(read(r));
    return out;
}

std::optional<RegistrationCollectiviteRow> registration_collectivite(soci::session& sql, long long registration_id) {
    soci::row r;
    sql << select_rows + "WHERE r.id = :i", soci::use(registration_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return read(r);
}

void save_collectivite_review(soci::session& sql, long long user_id, const std::string& collectivite_id,
                              const std::string& decision, long long decided_by, std::int64_t now) {
    const long long at = now;
    sql << "DELETE FROM collectivite_reviews WHERE user_id = :u AND collectivite_id = :c", soci::use(user_id),
        soci::use(collectivite_id);
    sql << "INSERT INTO collectivite_reviews (user_id, collectivite_id, decision, decided_by, decided_at) "
           "VALUES (:u, :c, :d, :b, :t)",
        soci::use(user_id), soci::use(collectivite_id), soci::use(decision), soci::use(decided_by), soci::use(at);
}

}  // namespace ateliers::store
