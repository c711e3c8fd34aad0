// Accounts opened or reached through an identity provider (ProConnect).
#include "platform/auth/accounts.hpp"
#include "platform/auth/accounts_internal.hpp"
#include "platform/auth/invited_accounts.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {
// Not an argon2id string, so no password ever matches it (crypto::verify_password);
// the person signs in through the provider or sets a password by "Mot de passe oublié".
constexpr const char* no_password = "!vouched";
}  // namespace

VouchedSignIn sign_in_vouched(soci::session& sql, const std::string& email_given, const std::string& full_name,
                              const std::string& collectivite_id) {
    const auto email = accounts::normalise_email(email_given);
    const long long now = store::now_utc_seconds();
    VouchedSignIn out;
    soci::row r;
    sql << "SELECT id, confirmed_at FROM users WHERE email = :e", soci::use(email), soci::into(r);
    if (sql.got_data()) {
        out.user_id = store::as_int(r, "id");
        if (!store::as_optional_int(r, "confirmed_at")) {
            const std::string hash = no_password;
            sql << "UPDATE users SET confirmed_at = :t, password_hash = :h WHERE id = :i", soci::use(now),
                soci::use(hash), soci::use(out.user_id);
            sql << "UPDATE account_tokens SET used_at = :t WHERE user_id = :i AND used_at IS NULL", soci::use(now),
                soci::use(out.user_id);
        }
    } else {
        const std::string hash = no_password;
        soci::indicator collectivite = collectivite_id.empty() ? soci::i_null : soci::i_ok;
        sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, confirmed_at, created_at) "
               "VALUES (:e, :h, :n, :k, :c, :t) RETURNING id",
            soci::use(email), soci::use(hash), soci::use(full_name), soci::use(collectivite_id, collectivite),
            soci::use(now), soci::use(now), soci::into(out.user_id);
        const std::string role = "participant";
        sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, :r, '')", soci::use(out.user_id),
            soci::use(role);
        out.created = true;
    }
    out.session_token = account_detail::open_session(sql, out.user_id);
    return out;
}

std::optional<VouchedSignIn> open_invited_account(soci::session& sql, const std::string& email_given,
                                                  const std::string& full_name, const std::string& password_hash) {
    const auto email = accounts::normalise_email(email_given);
    const long long now = store::now_utc_seconds();
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM users WHERE email = :e", soci::use(email), soci::into(existing);
    if (existing > 0) return std::nullopt;
    VouchedSignIn out;
    sql << "INSERT INTO users (email, password_hash, full_name, confirmed_at, created_at) "
           "VALUES (:e, :h, :n, :c, :t) RETURNING id",
        soci::use(email), soci::use(password_hash), soci::use(full_name), soci::use(now), soci::use(now),
        soci::into(out.user_id);
    const std::string role = "participant";
    sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, :r, '')", soci::use(out.user_id), soci::use(role);
    out.created = true;
    out.session_token = account_detail::open_session(sql, out.user_id);
    return out;
}

}  // namespace ateliers::services
