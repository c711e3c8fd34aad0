#include "services/accounts.hpp"

#include <algorithm>
#include <cctype>

#include "domain/text.hpp"
#include "services/crypto.hpp"
#include "store/collectivites.hpp"
#include "store/rows.hpp"

namespace ateliers::services {

namespace {

using store::now_utc_seconds;

Failure unknown_collectivite() {
    Failure f = fail("La collectivité choisie est introuvable dans le référentiel. Tapez son nom, son code INSEE "
                     "ou son SIREN, puis choisissez-la dans la liste.",
                     "collectivite", 422);
    f.fields["collectivite"] = f.message;
    return f;
}

void issue_token(soci::session& sql, long long user_id, const std::string& purpose, long long lifetime,
                 std::string& token_out) {
    token_out = crypto::random_token();
    // soci::use binds by reference: every bound value in this file is a named variable.
    const auto hash = crypto::token_hash(token_out);
    const long long expires_at = now_utc_seconds() + lifetime;
    sql << "INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at) VALUES (:h, :u, :p, :e)",
        soci::use(hash), soci::use(user_id), soci::use(purpose), soci::use(expires_at);
}

// Consumes a valid token of the purpose and returns its user, or nothing.
std::optional<long long> consume_token(soci::session& sql, const std::string& token, const std::string& purpose) {
    long long user_id = 0;
    soci::indicator ind = soci::i_null;
    const auto hash = crypto::token_hash(token);
    const long long now = now_utc_seconds();
    sql << "SELECT user_id FROM account_tokens WHERE token_hash = :h AND purpose = :p AND used_at IS NULL "
           "AND expires_at > :now",
        soci::use(hash), soci::use(purpose), soci::use(now), soci::into(user_id, ind);
    if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
    sql << "UPDATE account_tokens SET used_at = :now WHERE token_hash = :h", soci::use(now), soci::use(hash);
    return user_id;
}

std::string url_component(const std::string& s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') out += static_cast<char>(c);
        else out += std::string{'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

Failure with_field(Failure f) {
    if (!f.field.empty()) f.fields[f.field] = f.message;
    return f;
}

}  // namespace

bool CurrentUser::has_role(const std::string& role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Status sign_up(store::Database& db, const accounts::SignUpInput& input, const MailContext& mail,
               const std::string& next_path) {
    auto errors = accounts::validate_sign_up(input);
    if (!errors.empty()) {
        Failure f = fail("Le formulaire contient " + std::to_string(errors.size()) +
                             (errors.size() > 1 ? " erreurs" : " erreur") + " : corrigez les champs signalés.",
                         {}, 422);
        f.fields = std::move(errors);
        return f;
    }
    const auto email = accounts::normalise_email(input.email);
    // Hashing is slow by design: do it before taking the write lock.
    const auto password_hash = crypto::hash_password(input.password);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        if (!store::find_collectivite(sql, text::trim(input.collectivite_id))) return unknown_collectivite();
        long long existing = 0;
        sql << "SELECT COUNT(*) FROM users WHERE email = :e", soci::use(email), soci::into(existing);
        if (existing > 0)
            return with_field(fail("Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou utilisez "
                                   "« Mot de passe oublié » si besoin.",
                                   "email", 422));
        long long user_id = 0;
        const long long created_at = now_utc_seconds();
        const auto name = text::trim(input.full_name);
        const auto function = text::trim(input.function_title);
        const auto collectivite = text::trim(input.collectivite_id);
        try {
            sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
                   "created_at) VALUES (:e, :p, :n, :c, :f, :m, :t) RETURNING id",
                soci::use(email), soci::use(password_hash), soci::use(name), soci::use(collectivite),
                soci::use(function), soci::use(input.mandate), soci::use(created_at), soci::into(user_id);
        } catch (const std::exception& e) {
            if (!store::is_unique_violation(e)) throw;
            return with_field(fail("Un compte existe déjà avec cette adresse e-mail.", "email", 422));
        }
        sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, 'participant', '')", soci::use(user_id);
        std::string token;
        issue_token(sql, user_id, "confirm", accounts::confirm_token_lifetime_seconds, token);
        enqueue_mail(sql, compose_mail(email, "Confirmez votre adresse e-mail – Ateliers des territoires",
                                       "Bonjour " + name + ",",
                                       {"Vous venez de créer votre compte sur les Ateliers des territoires de l'ANCT.",
                                        "Pour l'activer, confirmez votre adresse e-mail en suivant le lien "
                                        "ci-dessous (valable 7 jours).",
                                        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message."},
                                       "Confirmer mon adresse e-mail",
                                       mail.base_url + "/compte/confirmer?jeton=" + token +
                                           (next_path.empty() ? "" : "&suivant=" + url_component(next_path))));
        return Done{};
    });
}

Status confirm_email(store::Database& db, const std::string& token) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto user = consume_token(sql, token, "confirm");
        if (!user)
            return fail("Ce lien de confirmation n'est plus valable (déjà utilisé ou expiré). Connectez-vous : si votre "
                        "adresse n'est pas confirmée, un nouveau lien vous sera proposé.",
                        {}, 410);
        const long long confirmed_at = now_utc_seconds();
        sql << "UPDATE users SET confirmed_at = :t WHERE id = :u AND confirmed_at IS NULL", soci::use(confirmed_at),
            soci::use(*user);
        return Done{};
    });
}

Result<LoginOutcome> log_in(store::Database& db, const std::string& email_typed, const std::string& password,
                            const std::string& remote_address) {
    const auto email = accounts::normalise_email(email_typed);
    struct Candidate {
        long long id = 0;
        std::string hash;
        bool confirmed = false;
    };
    // Read phase: rate limit and the stored hash; verification runs outside any transaction.
    auto candidate = store::in_transaction<std::optional<Candidate>>(
        db, [&](soci::session& sql) -> Result<std::optional<Candidate>> {
            const long long since = now_utc_seconds() - accounts::login_window_seconds;
            long long by_email = 0, by_address = 0;
            sql << "SELECT COUNT(*) FROM login_attempts WHERE email = :e AND at > :s AND succeeded = 0",
                soci::use(email), soci::use(since), soci::into(by_email);
            sql << "SELECT COUNT(*) FROM login_attempts WHERE remote = :r AND at > :s AND succeeded = 0",
                soci::use(remote_address), soci::use(since), soci::into(by_address);
            if (!accounts::login_allowed(by_email, by_address))
                return fail("Trop de tentatives de connexion. Pour protéger votre compte, réessayez dans 15 minutes "
                            "ou réinitialisez votre mot de passe.",
                            {}, 429);
            soci::row r;
            sql << "SELECT id, password_hash, confirmed_at FROM users WHERE email = :e", soci::use(email),
                soci::into(r);
            if (!sql.got_data()) return std::optional<Candidate>{};
            return std::optional<Candidate>{
                Candidate{store::as_int(r, 0), store::as_text(r, 1), store::as_optional_int(r, 2).has_value()}};
        });
    if (!candidate) return candidate.failure();
    const bool good = candidate.value() && crypto::verify_password(candidate.value()->hash, password);
    const bool confirmed = good && candidate.value()->confirmed;
    LoginOutcome out;
    // The attempt is recorded whatever its outcome: failures feed the rate limit.
    auto recorded = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const long long now = now_utc_seconds();
        const int succeeded = good ? 1 : 0;
        sql << "INSERT INTO login_attempts (email, remote, at, succeeded) VALUES (:e, :r, :t, :s)", soci::use(email),
            soci::use(remote_address), soci::use(now), soci::use(succeeded);
        if (!confirmed) return Done{};
        out = LoginOutcome{crypto::random_token(), candidate.value()->id};
        const auto hash = crypto::token_hash(out.session_token);
        const long long expires_at = now + accounts::session_lifetime_seconds;
        sql << "INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at) VALUES (:h, :u, :c, :e)",
            soci::use(hash), soci::use(out.user_id), soci::use(now), soci::use(expires_at);
        return Done{};
    });
    if (!recorded) return recorded.failure();
    if (!good)
        return with_field(
            fail("Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie et réessayez.", "password", 401));
    if (!confirmed)
        return fail("Votre adresse e-mail n'est pas encore confirmée : suivez le lien reçu par e-mail pour "
                    "confirmer votre compte.",
                    {}, 403);
    return out;
}

void log_out(store::Database& db, const std::string& session_token) {
    (void)store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto hash = crypto::token_hash(session_token);
        sql << "DELETE FROM web_sessions WHERE token_hash = :h", soci::use(hash);
        return Done{};
    });
}

std::optional<CurrentUser> user_for_session(store::Database& db, const std::string& session_token) {
    if (session_token.empty()) return std::nullopt;
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CurrentUser> {
            soci::row r;
            const auto hash = crypto::token_hash(session_token);
            const long long now = now_utc_seconds();
            sql << "SELECT u.id, u.email, u.full_name, COALESCE(u.collectivite_id, ''), u.function_title, u.mandate "
                   "FROM web_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :h AND s.expires_at > :n",
                soci::use(hash), soci::use(now), soci::into(r);
            if (!sql.got_data()) return std::nullopt;
            CurrentUser u;
            u.id = store::as_int(r, 0);
            u.email = store::as_text(r, 1);
            u.full_name = store::as_text(r, 2);
            u.collectivite_id = store::as_text(r, 3);
            u.function_title = store::as_text(r, 4);
            u.mandate = store::as_text(r, 5);
            if (auto c = store::find_collectivite(sql, u.collectivite_id)) u.collectivite_label = store::collectivite_label(*c);
            soci::rowset<soci::row> roles =
                (sql.prepare << "SELECT role, scope FROM user_roles WHERE user_id = :u ORDER BY role, scope",
                 soci::use(u.id));
            for (const auto& role : roles) {
                const auto scope = store::as_text(role, 1);
                u.roles.push_back(scope.empty() ? store::as_text(role, 0) : store::as_text(role, 0) + ":" + scope);
            }
            return u;
        });
    } catch (const std::exception& e) {
        (void)store::technical_failure(e);
        return std::nullopt;
    }
}

Status request_password_reset(store::Database& db, const std::string& email_typed, const MailContext& mail) {
    const auto email = accounts::normalise_email(email_typed);
    if (!text::is_plausible_email(email))
        return with_field(fail("Indiquez une adresse e-mail valide.", "email", 422));
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        soci::row r;
        sql << "SELECT id, full_name FROM users WHERE email = :e", soci::use(email), soci::into(r);
        if (!sql.got_data()) return Done{};
        std::string token;
        issue_token(sql, store::as_int(r, 0), "reset", accounts::reset_token_lifetime_seconds, token);
        enqueue_mail(sql, compose_mail(email, "Réinitialisez votre mot de passe – Ateliers des territoires",
                                       "Bonjour " + store::as_text(r, 1) + ",",
                                       {"Une réinitialisation du mot de passe de votre compte a été demandée.",
                                        "Le lien ci-dessous est valable 2 heures et ne peut servir qu'une fois.",
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
        return with_field(fail(p, "password", 422));
    const auto hash = crypto::hash_password(password);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto user = consume_token(sql, token, "reset");
        if (!user)
            return fail("Ce lien de réinitialisation n'est plus valable (déjà utilisé ou expiré). Demandez-en un "
                        "nouveau.",
                        {}, 410);
        // A reset proves control of the mailbox: it also confirms the address, and ends other sessions.
        const long long now = now_utc_seconds();
        sql << "UPDATE users SET password_hash = :p, confirmed_at = COALESCE(confirmed_at, :t) WHERE id = :u",
            soci::use(hash), soci::use(now), soci::use(*user);
        sql << "DELETE FROM web_sessions WHERE user_id = :u", soci::use(*user);
        return Done{};
    });
}

Status update_profile(store::Database& db, long long user_id, const ProfileInput& input) {
    accounts::SignUpInput check{input.full_name, "personne@exemple.fr", "placeholder-ok-123", "placeholder-ok-123",
                                input.collectivite_id, input.mandate, input.function_title};
    auto errors = accounts::validate_sign_up(check);
    if (!errors.empty()) {
        Failure f = fail("Le formulaire contient des erreurs : corrigez les champs signalés.", {}, 422);
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
    if (std::find(known_roles.begin(), known_roles.end(), role) == known_roles.end())
        return fail("Rôle inconnu : « " + role + " ». Rôles possibles : participant, facilitator, organiser, admin.");
    const auto email = accounts::normalise_email(email_typed);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        long long user_id = 0;
        sql << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(user_id);
        if (!sql.got_data()) return fail("Aucun compte avec l'adresse " + email + ".", {}, 404);
        if (role == "facilitator" && !scope.empty()) {
            long long cycles = 0;
            sql << "SELECT COUNT(*) FROM cycles WHERE slug = :s", soci::use(scope), soci::into(cycles);
            if (cycles == 0) return fail("Aucun cycle avec l'identifiant « " + scope + " ».", {}, 404);
        }
        long long exists = 0;
        sql << "SELECT COUNT(*) FROM user_roles WHERE user_id = :u AND role = :r AND scope = :s", soci::use(user_id),
            soci::use(role), soci::use(scope), soci::into(exists);
        if (exists == 0)
            sql << "INSERT INTO user_roles (user_id, role, scope) VALUES (:u, :r, :s)", soci::use(user_id),
                soci::use(role), soci::use(scope);
        return Done{};
    });
}

}  // namespace ateliers::services
