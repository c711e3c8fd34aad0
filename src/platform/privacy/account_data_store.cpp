#include "platform/privacy/account_data_store.hpp"

#include "platform/audit/audit.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/privacy/data_table.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::store {

std::optional<AccountIdentity> account_identity(soci::session& sql, long long user_id) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT email, full_name, erased_at FROM users WHERE id = :id", soci::use(user_id, "id"));
    for (const auto& r : rows)
        return AccountIdentity{as_text(r, "email"), as_text(r, "full_name"), as_optional_int(r, "erased_at").has_value()};
    return std::nullopt;
}

std::optional<long long> account_id_by_email(soci::session& sql, const std::string& email) {
    long long id = 0;
    sql << "SELECT id FROM users WHERE email = :e AND erased_at IS NULL", soci::use(email), soci::into(id);
    if (!sql.got_data()) return std::nullopt;
    return id;
}

privacy::DataTable account_profile_table(soci::session& sql, long long user_id) {
    return privacy::query_table(
        sql, "compte", "Compte",
        "SELECT u.email AS email, u.full_name AS full_name, COALESCE(c.name, '') AS collectivite, "
        "u.mandate AS mandate, u.function_title AS function_title, u.created_at AS created_at, "
        "u.confirmed_at AS confirmed_at FROM users u LEFT JOIN collectivites c ON c.id = u.collectivite_id "
        "WHERE u.id = :id",
        user_id,
        {{"email", "Adresse e-mail"},
         {"full_name", "Nom"},
         {"collectivite", "Collectivité"},
         {"mandate", "Élu ou agent"},
         {"function_title", "Fonction"},
         {"created_at", "Compte créé le", true},
         {"confirmed_at", "Adresse confirmée le", true}});
}

privacy::DataTable account_roles_table(soci::session& sql, long long user_id) {
    return privacy::query_table(
        sql, "roles", "Rôles",
        "SELECT r.role AS role, COALESCE(c.title, r.scope) AS scope FROM user_roles r "
        "LEFT JOIN cycles c ON r.role = 'facilitator' AND CAST(c.id AS TEXT) = r.scope "
        "WHERE r.user_id = :id ORDER BY r.role, r.scope",
        user_id, {{"role", "Rôle"}, {"scope", "Portée"}});
}

privacy::DataTable mails_sent_table(soci::session& sql, const std::string& email) {
    privacy::DataTable table{"e_mails", "E-mails envoyés", {"Objet", "Écrit le", "Envoyé le"}, {}};
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT subject, created_at, sent_at FROM outbox WHERE recipient = :r ORDER BY id",
         soci::use(email, "r"));
    for (const auto& r : rows) {
        const auto sent = as_optional_int(r, "sent_at");
        table.rows.push_back({as_text(r, "subject"), paris_time::iso8601(as_int(r, "created_at")),
                              sent ? paris_time::iso8601(*sent) : "pas encore envoyé"});
    }
    return table;
}

void erase_account_row(soci::session& sql, long long user_id, const AccountIdentity& who, std::int64_t now) {
    sql << "DELETE FROM web_sessions WHERE user_id = :u", soci::use(user_id);
    sql << "DELETE FROM account_tokens WHERE user_id = :u", soci::use(user_id);
    sql << "DELETE FROM api_tokens WHERE user_id = :u", soci::use(user_id);
    sql << "DELETE FROM user_roles WHERE user_id = :u AND role <> 'participant'", soci::use(user_id);
    sql << "UPDATE facilitators SET user_id = NULL WHERE user_id = :u", soci::use(user_id);
    // The journal keeps what was done, not to whom by name.
    for (const auto& said : {who.email, who.full_name})
        services::redact_audit_mentions(sql, said, "Compte effacé", "compte-efface");
    const std::string limit_subject = "email:" + who.email;
    sql << "DELETE FROM account_limits WHERE subject = :s", soci::use(limit_subject);
    // An address nobody can own (.invalid, RFC 2606) keeps the column unique; an empty
    // hash matches no password.
    const std::string email = "compte-efface-" + std::to_string(user_id) + "@ateliers.invalid";
    sql << "UPDATE users SET email = :e, full_name = 'Compte effacé', password_hash = '', function_title = '', "
           "erased_at = :t WHERE id = :u",
        soci::use(email), soci::use(now), soci::use(user_id);
}

void forget_mails_to(soci::session& sql, const std::string& email) {
    sql << "DELETE FROM outbox WHERE recipient = :r", soci::use(email);
    sql << "DELETE FROM login_attempts WHERE email = :r", soci::use(email);
}

std::vector<long long> idle_account_ids(soci::session& sql, std::int64_t idle_before, std::int64_t now) {
    std::vector<long long> ids;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT u.id AS id FROM users u WHERE u.erased_at IS NULL "
                        "AND COALESCE(u.last_active_at, u.created_at) < :before "
                        "AND NOT EXISTS (SELECT 1 FROM web_sessions s WHERE s.user_id = u.id AND s.expires_at > :now) "
                        "AND NOT EXISTS (SELECT 1 FROM api_tokens t WHERE t.user_id = u.id) "
                        "ORDER BY COALESCE(u.last_active_at, u.created_at), u.id",
         soci::use(idle_before, "before"), soci::use(now, "now"));
    for (const auto& r : rows) ids.push_back(as_int(r, "id"));
    return ids;
}

int delete_mails_sent_before(soci::session& sql, std::int64_t before) {
    long long due = 0;
    // Read first: most passes find nothing, and a read takes no write lock.
    sql << "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL AND sent_at < :b", soci::use(before), soci::into(due);
    if (due == 0) return 0;
    sql << "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < :b", soci::use(before);
    return static_cast<int>(due);
}

}  // namespace ateliers::store
