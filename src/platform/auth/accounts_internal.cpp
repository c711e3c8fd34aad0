#include "platform/auth/accounts_internal.hpp"

#include <cctype>

#include "platform/auth/crypto.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services::account_detail {

namespace {

using store::now_utc_seconds;

std::string url_component(const std::string& s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') out += static_cast<char>(c);
        else out += std::string{'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

void retire_tokens(soci::session& sql, long long user_id, const std::string& purpose, long long now) {
    sql << "UPDATE account_tokens SET used_at = :now WHERE user_id = :u AND purpose = :p AND used_at IS NULL",
        soci::use(now), soci::use(user_id), soci::use(purpose);
}

}  // namespace

std::string issue_token(soci::session& sql, long long user_id, const std::string& purpose, long long lifetime) {
    const long long now = now_utc_seconds();
    retire_tokens(sql, user_id, purpose, now);
    auto token = crypto::random_token();
    // soci::use binds by reference: every bound value here is a named variable.
    const auto hash = crypto::token_hash(token);
    const long long expires_at = now + lifetime;
    sql << "INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at) VALUES (:h, :u, :p, :e)",
        soci::use(hash), soci::use(user_id), soci::use(purpose), soci::use(expires_at);
    return token;
}

std::optional<long long> peek_token(soci::session& sql, const std::string& token, const std::string& purpose) {
    if (token.empty()) return std::nullopt;
    long long user_id = 0;
    soci::indicator ind = soci::i_null;
    const auto hash = crypto::token_hash(token);
    const long long now = now_utc_seconds();
    sql << "SELECT user_id FROM account_tokens WHERE token_hash = :h AND purpose = :p AND used_at IS NULL "
           "AND expires_at > :now",
        soci::use(hash), soci::use(purpose), soci::use(now), soci::into(user_id, ind);
    if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
    return user_id;
}

std::optional<long long> consume_token(soci::session& sql, const std::string& token, const std::string& purpose) {
    const auto user = peek_token(sql, token, purpose);
    if (!user) return std::nullopt;
    retire_tokens(sql, *user, purpose, now_utc_seconds());
    return user;
}

std::string open_session(soci::session& sql, long long user_id) {
    auto token = crypto::random_token();
    const auto hash = crypto::token_hash(token);
    const long long now = now_utc_seconds();
    const long long expires_at = now + accounts::session_lifetime_seconds;
    sql << "INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at) VALUES (:h, :u, :c, :e)",
        soci::use(hash), soci::use(user_id), soci::use(now), soci::use(expires_at);
    // Signing in is the activity the retention of idle accounts counts from.
    sql << "UPDATE users SET last_active_at = :t WHERE id = :u", soci::use(now), soci::use(user_id);
    return token;
}

void lock_for_counting(soci::session& sql, const char* table) {
    // PostgreSQL's READ COMMITTED lets two transactions count the same rows and both
    // insert; this mode conflicts with itself only, so readers are never held up.
    if (sql.get_backend_name() == "postgresql")
        sql << "LOCK TABLE " + std::string(table) + " IN SHARE ROW EXCLUSIVE MODE";
}

bool take_request(soci::session& sql, accounts::LimitedAction action, const std::string& email,
                  const std::string& address) {
    lock_for_counting(sql, "account_limits");
    const auto limit = accounts::limit_for(action);
    const std::string code = accounts::action_code(action);
    const std::string by_email = "email:" + email;
    const std::string by_address = "ip:" + address;
    const long long now = now_utc_seconds();
    const long long since = now - limit.window_seconds;
    // Rows past the window count for nothing: dropped as we go.
    sql << "DELETE FROM account_limits WHERE action = :a AND subject IN (:e, :i) AND at <= :s", soci::use(code),
        soci::use(by_email), soci::use(by_address), soci::use(since);
    long long for_email = 0, for_address = 0;
    sql << "SELECT COUNT(*) FROM account_limits WHERE action = :a AND subject = :e", soci::use(code),
        soci::use(by_email), soci::into(for_email);
    sql << "SELECT COUNT(*) FROM account_limits WHERE action = :a AND subject = :i", soci::use(code),
        soci::use(by_address), soci::into(for_address);
    if (!accounts::request_allowed(limit, for_email, for_address)) return false;
    for (const auto* subject : {&by_email, &by_address})
        sql << "INSERT INTO account_limits (action, subject, at) VALUES (:a, :s, :t)", soci::use(code),
            soci::use(*subject), soci::use(now);
    return true;
}

void queue_confirmation_mail(soci::session& sql, const std::string& email, const std::string& name,
                             const std::string& token, const MailContext& mail, const std::string& next_path,
                             bool again) {
    enqueue_mail(sql, compose_mail(email, "Confirmez votre adresse e-mail – Ateliers des territoires",
                                   "Bonjour " + name + ",",
                                   {again ? "Voici un nouveau lien pour confirmer l'adresse e-mail de votre compte "
                                            "sur les Ateliers des territoires de l'ANCT ; les liens envoyés avant "
                                            "celui-ci ne fonctionnent plus."
                                          : "Vous venez de créer votre compte sur les Ateliers des territoires de "
                                            "l'ANCT.",
                                    "Pour l'activer, confirmez votre adresse e-mail en suivant le lien "
                                    "ci-dessous (valable 7 jours) : vous serez connecté·e aussitôt.",
                                    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."},
                                   "Confirmer mon adresse e-mail",
                                   mail.base_url + "/compte/confirmer?jeton=" + token +
                                       (next_path.empty() ? "" : "&suivant=" + url_component(next_path))));
}

Failure with_field(Failure f) {
    if (!f.field.empty()) f.fields[f.field] = f.message;
    return f;
}

}  // namespace ateliers::services::account_detail
