// Logging in and out, and the session behind each request.
#include "platform/auth/accounts.hpp"
#include "platform/auth/accounts_internal.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/auth/current_user_row.hpp"
#include "platform/store/statements.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

using namespace account_detail;

namespace {

using store::now_utc_seconds;

struct Candidate {
    long long id = 0;
    std::string hash;
    bool confirmed = false;
};

struct Admitted {
    long long attempt_id = 0;
    std::optional<Candidate> account;
};

}  // namespace

Result<LoginOutcome> log_in(store::Database& db, const std::string& email_typed, const std::string& password,
                            const std::string& remote_address) {
    const auto email = accounts::normalise_email(email_typed);
    // Check and record in one step: the attempt is written as a failure before the
    // password is verified, so parallel attempts all see each other and never more
    // than the limit get verified. A right password turns it into a success after.
    auto admitted = store::in_transaction<Admitted>(db, [&](soci::session& sql) -> Result<Admitted> {
        lock_for_counting(sql, "login_attempts");
        const long long now = now_utc_seconds();
        const long long since = now - accounts::login_window_seconds;
        long long by_email = 0, by_address = 0;
        sql << "SELECT COUNT(*) FROM login_attempts WHERE email = :e AND at > :s AND succeeded = 0", soci::use(email),
            soci::use(since), soci::into(by_email);
        sql << "SELECT COUNT(*) FROM login_attempts WHERE remote = :r AND at > :s AND succeeded = 0",
            soci::use(remote_address), soci::use(since), soci::into(by_address);
        if (!accounts::login_allowed(by_email, by_address))
            return fail("Trop de tentatives de connexion. Pour protéger votre compte, réessayez dans 15 minutes "
                        "ou réinitialisez votre mot de passe.",
                        {}, FailureKind::too_many);
        Admitted out;
        sql << "INSERT INTO login_attempts (email, remote, at, succeeded) VALUES (:e, :r, :t, 0) RETURNING id",
            soci::use(email), soci::use(remote_address), soci::use(now), soci::into(out.attempt_id);
        soci::row r;
        sql << "SELECT id, password_hash, confirmed_at FROM users WHERE email = :e", soci::use(email), soci::into(r);
        if (sql.got_data())
            out.account = Candidate{store::as_int(r, "id"), store::as_text(r, "password_hash"),
                                    store::as_optional_int(r, "confirmed_at").has_value()};
        return out;
    });
    if (!admitted) return admitted.failure();
    const auto& account = admitted->account;
    // Unknown address: the same argon2id work, so the answer time tells nothing.
    bool good = false;
    if (account) good = crypto::verify_password(account->hash, password);
    else crypto::dummy_verification(password);
    if (!good)
        return with_field(
            fail("Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie et réessayez.", "password", FailureKind::unauthenticated));
    LoginOutcome out;
    auto recorded = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        sql << "UPDATE login_attempts SET succeeded = 1 WHERE id = :i", soci::use(admitted->attempt_id);
        if (account->confirmed) out = LoginOutcome{open_session(sql, account->id), account->id};
        return Done{};
    });
    if (!recorded) return recorded.failure();
    if (!account->confirmed)
        return fail("Votre adresse e-mail n'est pas encore confirmée : suivez le lien reçu par e-mail pour "
                    "confirmer votre compte, ou demandez un nouveau lien.",
                    {}, FailureKind::forbidden);
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
            const bool found = store::execute(
                sql,
                "SELECT " + account_detail::current_user_columns(db.dialect()) +
                    " FROM web_sessions s JOIN users u ON u.id = s.user_id "
                    "LEFT JOIN collectivites c ON c.id = u.collectivite_id "
                    "WHERE s.token_hash = :h AND s.expires_at > :n",
                soci::use(hash), soci::use(now), soci::into(r));
            if (!found) return std::nullopt;
            return account_detail::current_user_from_row(r);
        });
    } catch (const std::exception& e) {
        (void)store::technical_failure(e);
        return std::nullopt;
    }
}

std::set<std::string> open_sessions(store::Database& db, const std::vector<std::string>& token_hashes) {
    std::set<std::string> open;
    if (token_hashes.empty()) return open;
    store::with_session(db, [&](soci::session& sql) {
        const long long now = now_utc_seconds();
        // Hashes are hex digests: safe to inline, and one query per hundred streams.
        constexpr std::size_t chunk = 100;
        for (std::size_t start = 0; start < token_hashes.size(); start += chunk) {
            std::string list;
            for (std::size_t i = start; i < std::min(token_hashes.size(), start + chunk); ++i) {
                const auto& h = token_hashes[i];
                if (h.empty() || h.find_first_not_of("0123456789abcdef") != std::string::npos) continue;
                list += (list.empty() ? "'" : ",'") + h + "'";
            }
            if (list.empty()) continue;
            soci::rowset<std::string> rows = (sql.prepare << "SELECT token_hash FROM web_sessions WHERE token_hash IN (" +
                                                                 list + ") AND expires_at > :n",
                                              soci::use(now));
            for (const auto& h : rows) open.insert(h);
        }
    });
    return open;
}

}  // namespace ateliers::services
