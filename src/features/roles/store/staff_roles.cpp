#include "features/roles/store/staff_roles.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

namespace {
StaffAccountRow account_of(const soci::row& r) {
    return {as_int(r, "id"), as_text(r, "email"), as_text(r, "full_name")};
}
}  // namespace

std::vector<StaffRoleRow> staff_roles(soci::session& sql) {
    // A facilitator's scope is the cycle's id as text (migration 019).
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT ur.user_id, u.email, u.full_name, ur.role, ur.scope, "
                        "COALESCE(c.slug, '') AS cycle_slug, COALESCE(c.title, '') AS cycle_title "
                        "FROM user_roles ur JOIN users u ON u.id = ur.user_id "
                        "LEFT JOIN cycles c ON ur.role = 'facilitator' AND CAST(c.id AS TEXT) = ur.scope "
                        "WHERE ur.role <> 'participant' AND u.erased_at IS NULL "
                        "ORDER BY ur.role, u.full_name, u.email, ur.scope");
    std::vector<StaffRoleRow> out;
    for (const auto& r : rows)
        out.push_back({as_int(r, "user_id"), as_text(r, "email"), as_text(r, "full_name"), as_text(r, "role"),
                       as_text(r, "scope"), as_text(r, "cycle_slug"), as_text(r, "cycle_title")});
    return out;
}

std::vector<StaffAccountRow> staff_account_search(soci::session& sql, const std::string& query, int limit) {
    const std::string pattern = "%" + query + "%";
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, email, full_name FROM users WHERE erased_at IS NULL AND confirmed_at IS NOT NULL "
                        "AND (email LIKE :p OR LOWER(full_name) LIKE :p2) ORDER BY email LIMIT :l",
         soci::use(pattern), soci::use(pattern), soci::use(limit));
    std::vector<StaffAccountRow> out;
    for (const auto& r : rows) out.push_back(account_of(r));
    return out;
}

std::optional<StaffAccountRow> staff_account_by_email(soci::session& sql, const std::string& email) {
    soci::row r;
    sql << "SELECT id, email, full_name FROM users WHERE email = :e AND erased_at IS NULL", soci::use(email),
        soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return account_of(r);
}

std::optional<StaffAccountRow> staff_account_by_id(soci::session& sql, long long id) {
    soci::row r;
    sql << "SELECT id, email, full_name FROM users WHERE id = :i AND erased_at IS NULL", soci::use(id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return account_of(r);
}

bool staff_role_exists(soci::session& sql, long long user_id, const std::string& role, const std::string& scope) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM user_roles WHERE user_id = :u AND role = :r AND scope = :s", soci::use(user_id),
        soci::use(role), soci::use(scope), soci::into(n);
    return n > 0;
}

void insert_staff_role(soci::session& sql, long long user_id, const std::string& role, const std::string& scope) {
    sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, :r, :s)", soci::use(user_id), soci::use(role),
        soci::use(scope);
}

bool delete_staff_role(soci::session& sql, long long user_id, const std::string& role, const std::string& scope) {
    soci::statement st = (sql.prepare << "DELETE FROM user_roles WHERE user_id = :u AND role = :r AND scope = :s",
                          soci::use(user_id), soci::use(role), soci::use(scope));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

long long count_other_admins(soci::session& sql, long long user_id) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id "
           "WHERE ur.role = 'admin' AND ur.user_id <> :u AND u.erased_at IS NULL",
        soci::use(user_id), soci::into(n);
    return n;
}

std::vector<StaffCycleRow> staff_cycles(soci::session& sql) {
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, slug, title FROM cycles ORDER BY title, id");
    std::vector<StaffCycleRow> out;
    for (const auto& r : rows) out.push_back({as_int(r, "id"), as_text(r, "slug"), as_text(r, "title")});
    return out;
}

std::optional<StaffCycleRow> staff_cycle(soci::session& sql, long long id) {
    soci::row r;
    sql << "SELECT id, slug, title FROM cycles WHERE id = :i", soci::use(id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return StaffCycleRow{as_int(r, "id"), as_text(r, "slug"), as_text(r, "title")};
}

}  // namespace ateliers::store
