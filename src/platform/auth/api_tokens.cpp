#include "platform/auth/api_tokens.hpp"

#include <cctype>

#include "platform/core/text.hpp"
#include "platform/auth/crypto.hpp"
#include "platform/auth/current_user_row.hpp"
#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::services {

namespace {

using store::as_int;
using store::as_text;

constexpr std::size_t max_label_chars = 200;
constexpr std::size_t max_token_bytes = 256;

// Tokens are base64url (random_token): anything else cannot be one of ours and
// is refused without a database round trip.
bool looks_like_token(const std::string& token) {
    if (token.empty() || token.size() > max_token_bytes) return false;
    for (const unsigned char c : token)
        if (!std::isalnum(c) && c != '-' && c != '_') return false;
    return true;
}

bool is_hash(const std::string& s) {
    if (s.size() != 64) return false;
    for (const unsigned char c : s)
        if (!std::isdigit(c) && !(c >= 'a' && c <= 'f')) return false;
    return true;
}

}  // namespace

Result<CreatedApiToken> create_api_token(store::Database& db, const std::string& email_typed,
                                         const std::string& label_typed) {
    const auto email = accounts::normalise_email(email_typed);
    auto label = text::trim(label_typed);
    if (!text::is_valid_utf8(label)) return fail("Le libellé n'est pas en UTF-8 valide.", "label", FailureKind::invalid);
    if (text::length_in_chars(label) > max_label_chars)
        return fail("Le libellé ne doit pas dépasser 200 caractères.", "label", FailureKind::invalid);
    if (label.empty()) label = "jeton API";
    return store::in_transaction<CreatedApiToken>(db, [&](soci::session& sql) -> Result<CreatedApiToken> {
        soci::row r;
        sql << "SELECT id, confirmed_at FROM users WHERE email = :e", soci::use(email), soci::into(r);
        if (!sql.got_data()) return fail("Aucun compte avec l'adresse " + email + ".", "email", FailureKind::not_found);
        if (!store::as_optional_int(r, "confirmed_at"))
            return fail("Le compte " + email +
                            " n'a pas encore confirmé son adresse e-mail : aucun jeton ne peut lui être donné.",
                        "email", FailureKind::conflict);
        CreatedApiToken out;
        out.token = crypto::random_token();
        out.user_id = as_int(r, "id");
        out.email = email;
        out.label = label;
        // soci::use binds by reference: only named values are bound.
        const auto hash = crypto::token_hash(out.token);
        const long long now = store::now_utc_seconds();
        sql << "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (:h, :u, :l, :t)",
            soci::use(hash), soci::use(out.user_id), soci::use(out.label), soci::use(now);
        return out;
    });
}

std::optional<CurrentUser> user_for_api_token(store::Database& db, const std::string& token) {
    if (!looks_like_token(token)) return std::nullopt;
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CurrentUser> {
            soci::row r;
            const auto hash = crypto::token_hash(token);
            const bool found = store::execute(
                sql,
                "SELECT " + account_detail::current_user_columns(db.dialect()) +
                    " FROM api_tokens t JOIN users u ON u.id = t.user_id "
                    "LEFT JOIN collectivites c ON c.id = u.collectivite_id "
                    "WHERE t.token_hash = :h AND u.confirmed_at IS NOT NULL",
                soci::use(hash), soci::into(r));
            if (!found) return std::nullopt;
            return account_detail::current_user_from_row(r);
        });
    } catch (const std::exception& e) {
        (void)store::technical_failure(e);
        return std::nullopt;
    }
}

Result<std::vector<ApiTokenInfo>> api_tokens_of(store::Database& db, const std::string& email_typed) {
    const auto email = accounts::normalise_email(email_typed);
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<std::vector<ApiTokenInfo>> {
            long long user_id = 0;
            sql << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(user_id);
            if (!sql.got_data()) return fail("Aucun compte avec l'adresse " + email + ".", "email", FailureKind::not_found);
            std::vector<ApiTokenInfo> out;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT token_hash, label, created_at FROM api_tokens WHERE user_id = :u "
                                "ORDER BY created_at, token_hash",
                 soci::use(user_id));
            for (const auto& r : rows)
                out.push_back({as_text(r, "token_hash"), as_text(r, "label"), as_int(r, "created_at")});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Status revoke_api_token(store::Database& db, const std::string& token_or_hash) {
    const auto given = text::trim(token_or_hash);
    if (!is_hash(given) && !looks_like_token(given)) return fail("Jeton inconnu.", {}, FailureKind::not_found);
    const auto hash = is_hash(given) ? given : crypto::token_hash(given);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        // A 64-hex-digit string may be a hash or (improbably) a token: try both.
        const auto other = crypto::token_hash(given);
        long long found = 0;
        sql << "SELECT COUNT(*) FROM api_tokens WHERE token_hash = :h OR token_hash = :o", soci::use(hash, "h"),
            soci::use(other, "o"), soci::into(found);
        if (found == 0) return fail("Jeton inconnu.", {}, FailureKind::not_found);
        sql << "DELETE FROM api_tokens WHERE token_hash = :h OR token_hash = :o", soci::use(hash, "h"),
            soci::use(other, "o");
        return Done{};
    });
}

}  // namespace ateliers::services
