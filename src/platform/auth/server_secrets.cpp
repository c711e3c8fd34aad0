#include "platform/auth/server_secrets.hpp"

#include "platform/auth/crypto.hpp"

namespace ateliers::services {

namespace {

std::optional<std::string> stored_secret(soci::session& sql, const std::string& name) {
    std::string value;
    sql << "SELECT value FROM server_secrets WHERE name = :n", soci::use(name), soci::into(value);
    if (!sql.got_data()) return std::nullopt;
    return value;
}

}  // namespace

Result<std::string> server_secret(store::Database& db, const std::string& name) {
    // Pages ask for their secret on every request (event tickets): a plain read, the
    // write transaction (which takes SQLite's writer lock) only the first time.
    try {
        if (auto known = store::with_session(db, [&](soci::session& sql) { return stored_secret(sql, name); }))
            return *known;
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
    return store::in_transaction<std::string>(db, [&](soci::session& sql) -> Result<std::string> {
        // Two processes starting together: the first insert wins, both read the same value.
        const auto fresh = crypto::random_token();
        sql << "INSERT INTO server_secrets (name, value) VALUES (:n, :v) ON CONFLICT (name) DO NOTHING", soci::use(name),
            soci::use(fresh);
        return stored_secret(sql, name).value_or(fresh);
    });
}

}  // namespace ateliers::services
