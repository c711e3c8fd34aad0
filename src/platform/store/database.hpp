#pragma once
// One handle on the store, SQLite or PostgreSQL, chosen by the URL:
// "sqlite:PATH", a plain path, or "postgresql://…" (a libpq URI).
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "platform/core/result.hpp"

namespace ateliers::store {

enum class Dialect { sqlite, postgresql };

class Database {
public:
    static Result<std::unique_ptr<Database>> open(const std::string& url, std::size_t pool_size);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Dialect dialect() const { return dialect_; }
    soci::connection_pool& pool() { return *pool_; }
    // The URL without its password, for logs.
    const std::string& display_name() const { return display_name_; }

    // SQLite has one writer at a time; queueing this process's writers here avoids
    // SQLite's busy-wait sleeps (1, 2, 5, 10… ms) under concurrent registrations.
    // Empty lock on PostgreSQL, where row locks do that job.
    std::unique_lock<std::mutex> writer_turn() {
        return dialect_ == Dialect::sqlite ? std::unique_lock<std::mutex>(sqlite_writer_) : std::unique_lock<std::mutex>();
    }

private:
    Database(Dialect d, std::size_t pool_size, std::string display);
    Dialect dialect_;
    std::unique_ptr<soci::connection_pool> pool_;
    std::size_t pool_size_;
    std::string display_name_;
    std::mutex sqlite_writer_;
};

// Write transaction: BEGIN IMMEDIATE on SQLite so that concurrent writers wait on
// the busy timeout at the start instead of failing on lock upgrade.
class Transaction {
public:
    Transaction(soci::session& sql, Dialect dialect);
    ~Transaction();
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    soci::session& sql_;
    bool open_ = true;
};

bool is_unique_violation(const std::exception& e);

// Runs `work` inside one transaction on a pooled connection. Database exceptions
// become a generic French failure (and are logged); the work's own failures pass through.
template <class T>
Result<T> in_transaction(Database& db, const std::function<Result<T>(soci::session&)>& work);

Result<Done> run_in_transaction(Database& db, const std::function<Status(soci::session&)>& work);

// Read-only work on a pooled connection, no explicit transaction.
template <class F>
auto with_session(Database& db, F&& work) {
    soci::session sql(db.pool());
    return work(sql);
}

std::int64_t now_utc_seconds();
std::int64_t now_utc_millis();

Failure technical_failure(const std::exception& e);

template <class T>
Result<T> in_transaction(Database& db, const std::function<Result<T>(soci::session&)>& work) {
    try {
        soci::session sql(db.pool());
        const auto turn = db.writer_turn();
        Transaction tx(sql, db.dialect());
        auto result = work(sql);
        if (result.ok()) tx.commit();
        return result;
    } catch (const std::exception& e) {
        return technical_failure(e);
    }
}

}  // namespace ateliers::store
