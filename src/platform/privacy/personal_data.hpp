#pragma once
// What the platform holds about one person, module by module: "Mes données" shows and
// downloads it, and erasing an account asks every module to forget its part.
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ateliers::privacy {

// One kind of record about the person, as rows of labelled values.
struct DataTable {
    std::string key;    // stable JSON key: "inscriptions_cycles"
    std::string title;  // heading on the page: "Inscriptions aux cycles"
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

// A module's part. Every function runs inside the caller's session or transaction.
struct PersonalDataSource {
    // The person's records, in a readable order; a table may have no rows.
    std::function<std::vector<DataTable>(soci::session&, long long user_id)> collect;
    // What must end before the account can go (a seat held in a cycle still to come…),
    // one French sentence each; empty when nothing stands in the way.
    std::function<std::vector<std::string>(soci::session&, long long user_id)> commitments;
    // Deletes what is the person's own and blanks the names and texts of what the
    // agency's reports still count: collectivité, mandate, status and dates stay.
    std::function<void(soci::session&, long long user_id)> forget;
    // The retention rule: blanks the texts tied to what ended before `ended_before` (UTC
    // seconds: a cycle's last session, an event); how many records changed, 0 when none.
    std::function<int(soci::session&, std::int64_t ended_before)> expire;
};

}  // namespace ateliers::privacy
