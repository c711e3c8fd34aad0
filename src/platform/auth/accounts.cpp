#include "platform/auth/accounts.hpp"
#include "platform/auth/role_grants.hpp"

#include <algorithm>

#include "platform/core/text.hpp"
#include "platform/auth/accounts_internal.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

using namespace account_detail;

namespace {

using store::now_utc_seconds;

Failure unknown_collectivite() {
    Failure f = fail("La collectivité choisie est introuvable dans le référentiel. Tapez son nom, son code INSEE "
                     "ou son SIREN, puis choisissez-la dans la liste.",
                     "collectivite", FailureKind::invalid);
    f.fields["collectivite"] = f.message;
    return f;
}

Failure email_taken() {
    return with_field(fail("Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou utilisez "
                           "« Mot de passe oublié » si besoin.",
                           "email", FailureKind::invalid));
}

// The database checks that need no password hash; nothing when the sign-up may go on.
std::optional<Failure> sign_up_refusal(soci::session& sql, const std::string& email, const std::string& collectivite) {
    if (!store::find_collectivite(sql, collectivite)) return unknown_collectivite();
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM users WHERE email = :e", soci::use(email), soci::into(existing);
    if (existing > 0) return email_taken();
    return std::nullopt;
}

}  // namespace

bool CurrentUser::has_role(const std::string& role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Status sign_up(store::Database& db, const accounts::SignUpInput& input, const MailContext& mail,
               const std::string& next_path, const std::string& remote_address) {
    auto errors = accounts::validate_sign_up(input);
    if (!errors.empty()) {
        Failure f = fail("Le formulaire contient " + std::to_string(errors.size()) +
                             (errors.size() > 1 ? " erreurs" : " erreur") + " : corrigez les champs signalés.",
                         {}, FailureKind::invalid);
        f.fields = std::move(errors);
        return f;
    }
    const auto email = accounts::normalise_email(input.email);
    const auto collectivite = text::trim(input.collectivite_id);
    // Cheap checks and the rate limit first: argon2id is slow and memory-hungry by design,
    // so only a sign-up that can succeed pays for it.
    auto allowed = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (auto refused = sign_up_refusal(sql, email, collectivite)) return *refused;
        if (!take_request(sql, accounts::LimitedAction::sign_up, email, remote_address))
            return fail(accounts::limit_message(accounts::LimitedAction::sign_up), {}, FailureKind::too_many);
        return Done{};
    });
    if (!allowed) return allowed.failure();
    const auto password_hash = crypto::hash_password(input.password);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (auto refused = sign_up_refusal(sql, email, collectivite)) return *refused;
        long long user_id = 0;
        const long long created_at = now_utc_seconds();
        const auto name = text::trim(input.full_name);
        const auto function = text::trim(input.function_title);
        try {
            sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
                   "created_at) VALUES (:e, :p, :n, :c, :f, :m, :t) RETURNING id",
                soci::use(email), soci::use(password_hash), soci::use(name), soci::use(collectivite),
                soci::use(function), soci::use(input.mandate), soci::use(created_at), soci::into(user_id);
        } catch (const std::exception& e) {
            if (!store::is_unique_violation(e)) throw;
            return email_taken();
        }
        sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, 'participant', '')", soci::use(user_id);
        const auto token = issue_token(sql, user_id, "confirm", accounts::confirm_token_lifetime_seconds);
        queue_confirmation_mail(sql, email, name, token, mail, next_path, false);
        return Done{};
    });
}

Result<LoginOutcome> confirm_email(store::Database& db, const std::string& token) {
    return store::in_transaction<LoginOutcome>(db, [&](soci::session& sql) -> Result<LoginOutcome> {
        const auto user = consume_token(sql, token, "confirm");
        if (!user)
            return fail("Ce lien de confirmation n'est plus valable : il a déjà servi, ou ses 7 jours sont passés. "
                        "Si votre adresse est déjà confirmée, connectez-vous ; sinon, demandez un nouveau lien "
                        "ci-dessous.",
                        {}, FailureKind::gone);
        const long long confirmed_at = now_utc_seconds();
        sql << "UPDATE users SET confirmed_at = :t WHERE id = :u AND confirmed_at IS NULL", soci::use(confirmed_at),
            soci::use(*user);
        return LoginOutcome{open_session(sql, *user), *user};
    });
}

Status resend_confirmation(store::Database& db, const std::string& email_typed, const MailContext& mail,
                           const std::string& remote_address, const std::string& next_path) {
    const auto email = accounts::normalise_email(email_typed);
    if (!text::is_plausible_email(email))
        return with_field(fail("Indiquez une adresse e-mail valide, par exemple prenom.nom@mairie-exemple.fr.",
                               "email", FailureKind::invalid));
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (!take_request(sql, accounts::LimitedAction::confirmation_resend, email, remote_address))
            return fail(accounts::limit_message(accounts::LimitedAction::confirmation_resend), {}, FailureKind::too_many);
        soci::row r;
        sql << "SELECT id, full_name FROM users WHERE email = :e AND confirmed_at IS NULL", soci::use(email),
            soci::into(r);
        if (!sql.got_data()) return Done{};
        const auto token = issue_token(sql, store::as_int(r, "id"), "confirm", accounts::confirm_token_lifetime_seconds);
        queue_confirmation_mail(sql, email, store::as_text(r, "full_name"), token, mail, next_path, true);
        return Done{};
    });
}

Status update_profile(store::Database& db, long long user_id, const ProfileInput& input) {
    accounts::SignUpInput check{input.full_name, "personne@exemple.fr", "placeholder-ok-123", "placeholder-ok-123",
                                input.collectivite_id, input.mandate, input.function_title};
    auto errors = accounts::validate_sign_up(check);
    if (!errors.empty()) {
        Failure f = fail("Le formulaire contient des erreurs : corrigez les champs signalés.", {}, FailureKind::invalid);
        f.fields = std::move(errors);
        return f;
    }
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto collectivite = text::trim(input.collectivite_id);
        if (!store::find_collectivite(sql, collectivite)) return unknown_collectivite();
        const auto name = text::trim(input.full_name);
        const auto function = text::trim(input.function_title);
        sql << "UPDATE users SET full_name = :n, collectivite_id = :c, mandate = :m, function_title = :f WHERE id = :u",
            soci::use(name), soci::use(collectivite), soci::use(input.mandate), soci::use(function),
            soci::use(user_id);
        return Done{};
    });
}

Status grant_role(store::Database& db, const std::string& email_typed, const std::string& role,
                  const std::string& scope) {
    // The command line may give every role; the rule is role_grants' (the web page asks it too).
    if (!role_grants::may_grant(role_grants::Granter::command_line, role))
        return fail("Rôle inconnu : « " + role + " ». Rôles possibles : participant, facilitator, organiser, admin.");
    const auto email = accounts::normalise_email(email_typed);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        long long user_id = 0;
        sql << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(user_id);
        if (!sql.got_data()) return fail("Aucun compte avec l'adresse " + email + ".", {}, FailureKind::not_found);
        // People name a cycle by its slug; the role keeps its id, which never changes.
        std::string stored_scope = scope;
        if (role == "facilitator" && !scope.empty()) {
            long long cycle_id = 0;
            sql << "SELECT id FROM cycles WHERE slug = :s", soci::use(scope), soci::into(cycle_id);
            if (!sql.got_data()) return fail("Aucun cycle avec l'identifiant « " + scope + " ».", {}, FailureKind::not_found);
            stored_scope = std::to_string(cycle_id);
        }
        long long exists = 0;
        sql << "SELECT COUNT(*) FROM user_roles WHERE user_id = :u AND role = :r AND scope = :s", soci::use(user_id),
            soci::use(role), soci::use(stored_scope), soci::into(exists);
        if (exists == 0)
            sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, :r, :s)", soci::use(user_id),
                soci::use(role), soci::use(stored_scope);
        return Done{};
    });
}

}  // namespace ateliers::services
