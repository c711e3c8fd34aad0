#include "platform/auth/server_secrets.hpp"

#include "platform/auth/crypto.hpp"

namespace ateliers::services {

Result<std::string> server_secret(store::Database& db, const std::string& name) {
    return store::in_transaction<std::string>(db, [&](soci::session& sql) -> Result<std::string> {
        // Two processes starting together: the first insert wins, both read the same value.
        const auto fresh = crypto::random_token();
        sql << "INSERT INTO server_secrets (name, value) VALUES (:n, :v) ON CONFLICT (name) DO NOTHING", soci::use(name),
            soci::use(fresh);
        std::string value;
        sql << "SELECT value FROM server_secrets WHERE name = :n", soci::use(name), soci::into(value);
        return value;
    });
}

}  // namespace ateliers::services
