#include "features/identity/store/proconnect_store.hpp"

#include "platform/store/rows.hpp"

namespace ateliers::store {

void save_proconnect_attempt(soci::session& sql, const std::string& state_hash, const std::string& nonce,
                             const std::string& next_path, std::int64_t now, std::int64_t oldest) {
    const long long at = now;
    const long long limit = oldest;
    sql << "DELETE FROM proconnect_attempts WHERE created_at < :t", soci::use(limit);
    sql << "INSERT INTO proconnect_attempts (state_hash, nonce, next_path, created_at) VALUES (:h, :n, :p, :t)",
        soci::use(state_hash), soci::use(nonce), soci::use(next_path), soci::use(at);
}

std::optional<ProConnectAttemptRow> take_proconnect_attempt(soci::session& sql, const std::string& state_hash,
                                                            std::int64_t oldest) {
    const long long limit = oldest;
    sql << "DELETE FROM proconnect_attempts WHERE created_at < :t", soci::use(limit);
    soci::row r;
    sql << "SELECT nonce, next_path, created_at FROM proconnect_attempts WHERE state_hash = :h", soci::use(state_hash),
        soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    ProConnectAttemptRow out{as_text(r, "nonce"), as_text(r, "next_path"), as_int(r, "created_at")};
    sql << "DELETE FROM proconnect_attempts WHERE state_hash = :h", soci::use(state_hash);
    return out;
}

void save_proconnect_identity(soci::session& sql, const ProConnectIdentityRow& row, std::int64_t now) {
    const long long at = now;
    sql << "DELETE FROM proconnect_identities WHERE user_id = :u", soci::use(row.user_id);
    soci::indicator collectivite = row.collectivite_id.empty() ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO proconnect_identities (user_id, sub, idp_id, uid, siret, collectivite_id, signed_in_at) "
           "VALUES (:u, :s, :i, :d, :r, :c, :t)",
        soci::use(row.user_id), soci::use(row.sub), soci::use(row.idp_id), soci::use(row.uid), soci::use(row.siret),
        soci::use(row.collectivite_id, collectivite), soci::use(at);
}

std::optional<ProConnectIdentityRow> proconnect_identity_of(soci::session& sql, long long user_id) {
    soci::row r;
    sql << "SELECT user_id, sub, idp_id, uid, siret, collectivite_id FROM proconnect_identities WHERE user_id = :u",
        soci::use(user_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    return ProConnectIdentityRow{as_int(r, "user_id"), as_text(r, "sub"),   as_text(r, "idp_id"),
                                 as_text(r, "uid"),    as_text(r, "siret"), as_text(r, "collectivite_id")};
}

std::optional<std::string> collectivite_of_siren(soci::session& sql, const std::string& siren) {
    if (siren.empty()) return std::nullopt;
    std::string id;
    soci::indicator ind = soci::i_null;
    sql << "SELECT id FROM collectivites WHERE siren = :s ORDER BY id LIMIT 1", soci::use(siren), soci::into(id, ind);
    if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
    return id;
}

void save_proconnect_session(soci::session& sql, const std::string& session_hash, const std::string& id_token) {
    sql << "INSERT INTO proconnect_sessions (session_hash, id_token) VALUES (:h, :t)", soci::use(session_hash),
        soci::use(id_token);
}

std::optional<std::string> take_proconnect_session(soci::session& sql, const std::string& session_hash) {
    std::string token;
    soci::indicator ind = soci::i_null;
    sql << "SELECT id_token FROM proconnect_sessions WHERE session_hash = :h", soci::use(session_hash),
        soci::into(token, ind);
    if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
    sql << "DELETE FROM proconnect_sessions WHERE session_hash = :h", soci::use(session_hash);
    return token;
}

}  // namespace ateliers::store
