#pragma once
// The ProConnect tables (migration 018): sign-ins under way, the identity ProConnect
// gave each account, the ID token of each session opened through it.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace ateliers::store {

struct ProConnectAttemptRow {
    std::string nonce;
    std::string next_path;
    std::int64_t created_at = 0;
};

// Also clears attempts started before `oldest`, which nobody will finish.
void save_proconnect_attempt(soci::session& sql, const std::string& state_hash, const std::string& nonce,
                             const std::string& next_path, std::int64_t now, std::int64_t oldest);

// Removes the attempt and returns it: a state works once. Also clears attempts older
// than `oldest`, which nobody will finish.
std::optional<ProConnectAttemptRow> take_proconnect_attempt(soci::session& sql, const std::string& state_hash,
                                                            std::int64_t oldest);

struct ProConnectIdentityRow {
    long long user_id = 0;
    std::string sub;
    std::string idp_id;
    std::string uid;
    std::string siret;
    std::string collectivite_id;  // empty when the SIRET's SIREN is not in the referential
};

void save_proconnect_identity(soci::session& sql, const ProConnectIdentityRow& row, std::int64_t now);
std::optional<ProConnectIdentityRow> proconnect_identity_of(soci::session& sql, long long user_id);

// The collectivité (commune, EPCI, département, région) whose SIREN this is, if any.
std::optional<std::string> collectivite_of_siren(soci::session& sql, const std::string& siren);

void save_proconnect_session(soci::session& sql, const std::string& session_hash, const std::string& id_token);
// Removes and returns the ID token kept for the session.
std::optional<std::string> take_proconnect_session(soci::session& sql, const std::string& session_hash);

}  // namespace ateliers::store
