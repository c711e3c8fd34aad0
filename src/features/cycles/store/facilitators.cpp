#include "features/cycles/store/facilitators.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

std::optional<std::string> account_email(soci::session& sql, long long user_id) {
    std::string email;
    sql << "SELECT email FROM users WHERE id = :u", soci::use(user_id), soci::into(email);
    if (!sql.got_data()) return std::nullopt;
    return email;
}

std::optional<AccountRow> account_by_email(soci::session& sql, const std::string& email) {
    soci::row u;
    sql << "SELECT id, full_name FROM users WHERE email = :e", soci::use(email), soci::into(u);
    if (!sql.got_data()) return std::nullopt;
    return AccountRow{as_int(u, "id"), as_text(u, "full_name")};
}

std::optional<long long> facilitator_account(soci::session& sql, long long facilitator_id) {
    soci::row r;
    sql << "SELECT COALESCE(user_id, 0) AS user_id FROM facilitators WHERE id = :f", soci::use(facilitator_id),
        soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return as_int(r, "user_id");
}

void set_facilitator_account(soci::session& sql, long long facilitator_id, long long user_id) {
    soci::indicator to_ind = user_id > 0 ? soci::i_ok : soci::i_null;
    sql << "UPDATE facilitators SET user_id = :u WHERE id = :f", soci::use(user_id, to_ind), soci::use(facilitator_id);
}

std::vector<long long> facilitator_cycle_ids(soci::session& sql, long long facilitator_id) {
    std::vector<long long> ids;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id FROM cycles WHERE facilitator_id = :f", soci::use(facilitator_id));
    for (const auto& r : rows) ids.push_back(as_int(r, "id"));
    return ids;
}

namespace {
std::string role_scope(long long cycle_id) { return std::to_string(cycle_id); }
}  // namespace

bool has_facilitator_role(soci::session& sql, long long user_id, long long cycle_id) {
    long long exists = 0;
    const auto scope = role_scope(cycle_id);
    sql << "SELECT COUNT(*) FROM user_roles WHERE user_id = :u AND role = 'facilitator' AND scope = :s",
        soci::use(user_id), soci::use(scope), soci::into(exists);
    return exists > 0;
}

void add_facilitator_role(soci::session& sql, long long user_id, long long cycle_id) {
    const auto scope = role_scope(cycle_id);
    sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, 'facilitator', :s)", soci::use(user_id),
        soci::use(scope);
}

void remove_facilitator_role(soci::session& sql, long long user_id, long long cycle_id) {
    const auto scope = role_scope(cycle_id);
    sql << "DELETE FROM user_roles WHERE user_id = :u AND role = 'facilitator' AND scope = :s", soci::use(user_id),
        soci::use(scope);
}

}  // namespace ateliers::store
