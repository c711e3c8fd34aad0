// Forgotten passwords: a link by e-mail, then a new password.
#include "platform/core/text.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/accounts_internal.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

using namespace account_detail;

namespace {

using store::now_utc_seconds;

Failure dead_link() {
    return fail("Ce lien de réinitialisation n'est plus valable : il a déjà servi, un lien plus récent a été "
                "envoyé, ou ses 2 heures sont passées. Demandez-en un nouveau.",
                {}, FailureKind::gone);
}

}  // namespace

Status request_password_reset(store::Database& db, const std::string& email_typed, const MailContext& mail,
                              const std::string& remote_address) {
    const auto email = accounts::normalise_email(email_typed);
    if (!text::is_plausible_email(email))
        return with_field(fail("Indiquez une adresse e-mail valide.", "email", FailureKind::invalid));
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        // Counted whether or not the account exists: the limit reveals nothing.
        if (!take_request(sql, accounts::LimitedAction::password_reset, email, remote_address))
            return fail(accounts::limit_message(accounts::LimitedAction::password_reset), {}, FailureKind::too_many);
        soci::row r;
        sql << "SELECT id, full_name FROM users WHERE email = :e", soci::use(email), soci::into(r);
        if (!sql.got_data()) return Done{};
        const auto token =
            issue_token(sql, store::as_int(r, "id"), "reset", accounts::reset_token_lifetime_seconds);
        enqueue_mail(sql, compose_mail(email, "Réinitialisez votre mot de passe – Ateliers des territoires",
                                       "Bonjour " + store::as_text(r, "full_name") + ",",
                                       {"Une réinitialisation du mot de passe de votre compte a été demandée.",
                                        "Le lien ci-dessous est valable 2 heures et ne peut servir qu'une fois ; "
                                        "les liens envoyés avant celui-ci ne fonctionnent plus.",
                                        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : "
                                        "votre mot de passe reste inchangé."},
                                       "Choisir un nouveau mot de passe",
                                       mail.base_url + "/compte/nouveau-mot-de-passe?jeton=" + token));
        return Done{};
    });
}

Status reset_password(store::Database& db, const std::string& token, const std::string& password,
                      const std::string& confirm) {
    if (auto p = accounts::password_problem(password, confirm, {}); !p.empty())
        return with_field(fail(p, "password", FailureKind::invalid));
    // A dead or made-up link is refused before the slow hash: a flood of them costs
    // one indexed read each.
    std::optional<long long> valid;
    try {
        valid = store::with_session(db, [&](soci::session& sql) { return peek_token(sql, token, "reset"); });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
    if (!valid) return dead_link();
    const auto hash = crypto::hash_password(password);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto user = consume_token(sql, token, "reset");
        if (!user) return dead_link();
        // A reset proves control of the mailbox: it also confirms the address, ends the
        // other sessions and lifts the login lock, so the person can log in at once.
        const long long now = now_utc_seconds();
        sql << "UPDATE users SET password_hash = :p, confirmed_at = COALESCE(confirmed_at, :t) WHERE id = :u",
            soci::use(hash), soci::use(now), soci::use(*user);
        sql << "DELETE FROM web_sessions WHERE user_id = :u", soci::use(*user);
        sql << "DELETE FROM login_attempts WHERE succeeded = 0 AND email = (SELECT email FROM users WHERE id = :u)",
            soci::use(*user);
        return Done{};
    });
}

}  // namespace ateliers::services
