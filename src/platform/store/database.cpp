#include "platform/store/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <regex>

#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string without_password(const std::string& url) {
    static const std::regex password(R"((://[^:/@]+:)[^@]*@)");
    return std::regex_replace(url, password, "$1***@");
}

// postgresql://user:password@host:port/dbname?sslmode=… -> libpq key=value form,
// which SOCI's backend passes through unchanged.
std::string libpq_conninfo(const std::string& url) {
    static const std::regex form(R"(^postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]*)(?::(\d+))?(?:/([^?]*))?(?:\?(.*))?$)");
    std::smatch m;
    if (!std::regex_match(url, m, form)) return url;
    std::string out;
    const auto add = [&out](const char* key, const std::string& value) {
        if (value.empty()) return;
        std::string quoted;
        for (char c : value) {
            if (c == '\\' || c == '\'') quoted += '\\';
            quoted += c;
        }
        out += (out.empty() ? "" : " ") + std::string(key) + "='" + quoted + "'";
    };
    add("user", m[1]);
    add("password", m[2]);
    add("host", m[3]);
    add("port", m[4]);
    add("dbname", m[5]);
    std::string query = m[6];
    std::size_t start = 0;
    while (start < query.size()) {
        auto end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const auto pair = query.substr(start, end - start);
        const auto eq = pair.find('=');
        if (eq != std::string::npos) add(pair.substr(0, eq).c_str(), pair.substr(eq + 1));
        start = end + 1;
    }
    return out;
}

}  // namespace

Database::Database(Dialect d, std::size_t pool_size, std::string display)
    : dialect_(d), pool_(std::make_unique<soci::connection_pool>(pool_size)), pool_size_(pool_size),
      display_name_(std::move(display)) {}

Database::~Database() {
    // Statements first: SQLite will not close a connection with statements unfinalised.
    for (std::size_t i = 0; i < pool_size_; ++i) detach_statement_cache(pool_->at(i));
}

Result<std::unique_ptr<Database>> Database::open(const std::string& url, std::size_t pool_size) {
    if (url.empty()) return fail("Aucune base de données indiquée (--db ou ATELIERS_DB).");
    const bool postgres = starts_with(url, "postgresql://") || starts_with(url, "postgres://");
    std::string path = url;
    if (starts_with(url, "sqlite:")) path = url.substr(7);
    if (starts_with(path, "//")) path = path.substr(2);
    try {
        std::unique_ptr<Database> db(new Database(postgres ? Dialect::postgresql : Dialect::sqlite, pool_size,
                                                  without_password(url)));
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& sql = db->pool_->at(i);
            if (postgres) {
                sql.open(soci::postgresql, libpq_conninfo(url));
                sql << "SET client_min_messages TO WARNING";
                sql << "SET TIME ZONE 'UTC'";
            } else {
                sql.open(soci::sqlite3, "db=\"" + path + "\" timeout=10");
                std::string mode;
                sql << "PRAGMA journal_mode=WAL", soci::into(mode);
                sql << "PRAGMA foreign_keys=ON";
                sql << "PRAGMA synchronous=NORMAL";
                sql << "PRAGMA busy_timeout=10000";
            }
            attach_statement_cache(sql, db->dialect_);
        }
        return db;
    } catch (const std::exception& e) {
        spdlog::error("database open failed for {}: {}", without_password(url), e.what());
        return fail("Impossible d'ouvrir la base de données " + without_password(url) + " : " + e.what());
    }
}

namespace {

// On SQLite, compiling BEGIN and COMMIT is part of every write's cost: they are kept
// prepared. On PostgreSQL they stay simple queries, one round trip either way.
void control(soci::session& sql, const char* text) {
    if (const auto* cache = statement_cache(sql); cache && cache->dialect() == Dialect::sqlite)
        execute(sql, text);
    else
        sql << text;
}

}  // namespace

Transaction::Transaction(soci::session& sql, Dialect dialect) : sql_(sql) {
    control(sql_, dialect == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        control(sql_, "ROLLBACK");
    } catch (const std::exception& e) {
        spdlog::warn("rollback failed: {}", e.what());
    }
}

void Transaction::commit() {
    control(sql_, "COMMIT");
    open_ = false;
}

bool is_unique_violation(const std::exception& e) {
    const std::string what = e.what();
    return what.find("UNIQUE constraint") != std::string::npos ||
           what.find("duplicate key value") != std::string::npos || what.find("23505") != std::string::npos;
}

Result<Done> run_in_transaction(Database& db, const std::function<Status(soci::session&)>& work) {
    return in_transaction<Done>(db, work);
}

std::int64_t now_utc_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t now_utc_millis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Failure technical_failure(const std::exception& e) {
    spdlog::error("database error: {}", e.what());
    return fail("Une erreur technique est survenue ; rien n'a été enregistré. Merci de réessayer dans un instant.",
                {}, FailureKind::technical);
}

}  // namespace ateliers::store
