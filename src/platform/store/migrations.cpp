#include "platform/store/migrations.hpp"

#include <spdlog/spdlog.h>

#include <sstream>

#include "platform/store/migrations_embedded.hpp"

namespace ateliers::store {

namespace {

// The only dialect differences in our schema: the auto-increment key.
std::string for_dialect(std::string sql, Dialect dialect) {
    const std::string token = "{{pk}}";
    const std::string pk = dialect == Dialect::sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
    for (auto pos = sql.find(token); pos != std::string::npos; pos = sql.find(token, pos + pk.size()))
        sql.replace(pos, token.size(), pk);
    return sql;
}

// Splits on ';' at line ends; our migrations hold no procedural code.
std::vector<std::string> statements(const std::string& script) {
    std::vector<std::string> out;
    std::string current, line;
    std::istringstream in(script);
    while (std::getline(in, line)) {
        if (line.rfind("--", 0) == 0) continue;
        current += line + "\n";
        if (!line.empty() && line.back() == ';') {
            out.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \n\t") != std::string::npos) out.push_back(current);
    return out;
}

}  // namespace

Result<int> migrate(Database& db) {
    try {
        soci::session sql(db.pool());
        sql << "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)";
        int applied = 0;
        for (const auto& m : embedded_migrations()) {
            long long seen = 0;
            const std::string name(m.name);
            sql << "SELECT COUNT(*) FROM schema_migrations WHERE name = :n", soci::use(name), soci::into(seen);
            if (seen > 0) continue;
            Transaction tx(sql, db.dialect());
            for (const auto& statement : statements(for_dialect(std::string(m.sql), db.dialect())))
                sql << statement;
            const long long applied_at = now_utc_seconds();
            sql << "INSERT INTO schema_migrations (name, applied_at) VALUES (:n, :t)", soci::use(name),
                soci::use(applied_at);
            tx.commit();
            spdlog::info("migration applied: {}", m.name);
            ++applied;
        }
        return applied;
    } catch (const std::exception& e) {
        spdlog::error("migration failed: {}", e.what());
        return fail(std::string("La migration a échoué : ") + e.what(), {}, FailureKind::technical);
    }
}

}  // namespace ateliers::store
