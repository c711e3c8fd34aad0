#pragma once
// Prepared statements kept per pooled connection, keyed by SQL text.
//
// `sql << "…", soci::use(…), soci::into(…);` prepares its text on every call (SQLite
// compiles it; PostgreSQL parses and plans it) and throws the result away: in a
// registration rush that was a third of the server's CPU. `store::execute(sql, "…",
// soci::use(…), soci::into(…))` runs the same text through a statement prepared once
// per connection of the pool, bound afresh to the caller's variables on each call.
// The SQL stays where it is written; see docs/store.md.
#include <soci/soci.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "platform/store/database.hpp"

namespace ateliers::store {

// The statements of one pooled connection. A connection is leased to one thread at a
// time, so its cache needs no lock.
class StatementCache {
public:
    StatementCache(soci::session& pooled, Dialect dialect);
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    // Statements are kept until the connection closes; past this many distinct texts
    // (SQL built with literal values, say) further ones run unprepared.
    static constexpr std::size_t capacity = 256;

    struct Entry {
        std::unique_ptr<soci::statement> statement;
        bool running = false;
    };
    // The statement for `text`, prepared on first use; null when the cache is full or
    // the statement is already running on this connection (the same text nested).
    Entry* acquire(const std::string& text);
    // Ends what `acquire` began: drops the bindings and, on SQLite, the statement's read
    // of the database, so that an idle connection holds no snapshot.
    void release(Entry& entry) noexcept;

    Dialect dialect() const { return dialect_; }
    // How many statements this cache has prepared; running a text again does not count.
    std::size_t prepared() const { return prepared_.load(std::memory_order_relaxed); }

private:
    soci::session& session_;
    Dialect dialect_;
    std::unordered_map<std::string, Entry> statements_;
    std::atomic<std::size_t> prepared_{0};
};

// Called by Database for each pooled connection: a cache is attached once the
// connection is open and detached (its statements finalised) before it closes.
void attach_statement_cache(soci::session& pooled, Dialect dialect);
void detach_statement_cache(soci::session& pooled);

// The cache serving `sql` (a pooled session or a lease of one), or null.
StatementCache* statement_cache(soci::session& sql);

namespace detail {

// One execution through the cache of the connection `sql` belongs to or, when there is
// none or it cannot serve the text, through a statement of its own. Its bindings last
// until it ends.
class Execution {
public:
    Execution(soci::session& sql, const std::string& text);
    ~Execution();
    Execution(const Execution&) = delete;
    Execution& operator=(const Execution&) = delete;

    soci::statement& statement() { return *statement_; }
    bool run();  // binds what was exchanged, executes, reads the first row
    bool next();

private:
    StatementCache* cache_ = nullptr;
    StatementCache::Entry* entry_ = nullptr;
    std::unique_ptr<soci::statement> own_;
    soci::statement* statement_ = nullptr;
};

}  // namespace detail

// As `sql << text, exchanges…;` and returns whether a row was read into the `into`s.
template <class... Exchanges>
bool execute(soci::session& sql, const std::string& text, Exchanges&&... exchanges) {
    detail::Execution execution(sql, text);
    (execution.statement().exchange(std::forward<Exchanges>(exchanges)), ...);
    return execution.run();
}

// As a `soci::rowset<soci::row>` of `text` run with `uses`: `on_row` sees each row.
template <class OnRow, class... Uses>
void for_each_row(soci::session& sql, const std::string& text, OnRow&& on_row, Uses&&... uses) {
    detail::Execution execution(sql, text);
    soci::row row;
    execution.statement().exchange(soci::into(row));
    (execution.statement().exchange(std::forward<Uses>(uses)), ...);
    for (bool more = execution.run(); more; more = execution.next()) on_row(static_cast<const soci::row&>(row));
}

}  // namespace ateliers::store
