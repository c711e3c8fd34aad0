#include "platform/store/statements.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <shared_mutex>

namespace ateliers::store {

namespace {

// The caches, by session backend. Store functions get a `soci::session&`, most often a
// lease from the pool: a proxy that shares the pooled session's backend, which is how
// the pooled connection's cache is found without changing their signatures. Written
// only when a database opens or closes.
std::shared_mutex caches_mutex;
std::unordered_map<const void*, std::unique_ptr<StatementCache>> caches;

}  // namespace

StatementCache::StatementCache(soci::session& pooled, Dialect dialect) : session_(pooled), dialect_(dialect) {}

StatementCache::Entry* StatementCache::acquire(const std::string& text) {
    auto it = statements_.find(text);
    if (it == statements_.end()) {
        if (statements_.size() >= capacity) return nullptr;
        // Prepared on the pooled session itself, which outlives every lease.
        auto statement = std::make_unique<soci::statement>(session_);
        statement->alloc();
        statement->prepare(text, soci::details::st_repeatable_query);
        prepared_.fetch_add(1, std::memory_order_relaxed);
        it = statements_.emplace(text, Entry{std::move(statement), false}).first;
    }
    if (it->second.running) return nullptr;
    it->second.running = true;
    return &it->second;
}

void StatementCache::release(Entry& entry) noexcept {
    soci::statement& statement = *entry.statement;
    try {
        // SOCI's documented way to keep a statement and bind it later to new variables:
        // the bound elements go, the backend's prepared statement stays.
        statement.bind_clean_up();
    } catch (const std::exception& e) {
        spdlog::warn("releasing a prepared statement: {}", e.what());
    }
    if (dialect_ == Dialect::sqlite) {
        // A SELECT left on its first row keeps its read transaction open, and in WAL mode
        // a stale snapshot that would make the connection's next BEGIN IMMEDIATE fail
        // (SQLITE_BUSY_SNAPSHOT). A one-shot statement ended with sqlite3_finalize; a kept
        // one ends here. Its bindings point into the caller's strings: cleared too.
        auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
        sqlite3_reset(backend->stmt_);
        sqlite3_clear_bindings(backend->stmt_);
    } else {
        // The backend keeps pointers to the use elements' buffers, freed by bind_clean_up.
        auto* backend = static_cast<soci::postgresql_statement_backend*>(statement.get_backend());
        backend->useByPosBuffers_.clear();
        backend->useByNameBuffers_.clear();
    }
    entry.running = false;
}

void attach_statement_cache(soci::session& pooled, Dialect dialect) {
    auto cache = std::make_unique<StatementCache>(pooled, dialect);
    std::unique_lock lock(caches_mutex);
    caches[pooled.get_backend()] = std::move(cache);
}

void detach_statement_cache(soci::session& pooled) {
    std::unique_ptr<StatementCache> gone;
    {
        std::unique_lock lock(caches_mutex);
        const auto it = caches.find(pooled.get_backend());
        if (it == caches.end()) return;
        gone = std::move(it->second);
        caches.erase(it);
    }
    // Finalised (SQLite) or deallocated (PostgreSQL) here, outside the lock.
}

StatementCache* statement_cache(soci::session& sql) {
    const void* backend = sql.get_backend();
    if (!backend) return nullptr;
    std::shared_lock lock(caches_mutex);
    const auto it = caches.find(backend);
    return it == caches.end() ? nullptr : it->second.get();
}

namespace detail {

Execution::Execution(soci::session& sql, const std::string& text) {
    cache_ = statement_cache(sql);
    if (cache_) entry_ = cache_->acquire(text);
    if (entry_) {
        statement_ = entry_->statement.get();
    } else {
        // As `sql << text` does: prepared for this execution only.
        own_ = std::make_unique<soci::statement>(sql);
        own_->alloc();
        own_->prepare(text, soci::details::st_one_time_query);
        statement_ = own_.get();
    }
}

Execution::~Execution() {
    if (entry_) cache_->release(*entry_);
}

bool Execution::run() {
    statement_->define_and_bind();
    return statement_->execute(true);
}

bool Execution::next() { return statement_->fetch(); }

}  // namespace detail

}  // namespace ateliers::store
