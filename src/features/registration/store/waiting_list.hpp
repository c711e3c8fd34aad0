#pragma once
// A cycle's waiting list. Its order is one rule, kept here and nowhere else: people
// wait in the order they arrived (registrations.arrival, in milliseconds), and two
// arrivals in the same millisecond by registration id. A position, the next person
// promoted, the organisers' list and the API's list all read it through this file.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace ateliers::store {

// The order as an ORDER BY over `registrations r`: "r.arrival, r.id".
extern const char* const waiting_list_order;

// 1 for the next person in line: the waiting registrations of the cycle ahead of this one, plus one.
int waiting_position(soci::session& sql, long long cycle_id, long long registration_id);

// The same count for a registration not inserted yet, as a scalar subquery over the
// parameters :wait_cycle and :wait_arrival, read under the cycle's lock before the insert
// (store::place_check) to save the insert a second round trip. Under that lock every
// registration of the cycle has a smaller id than the one about to be inserted, so those
// ahead of it are the waiting ones that arrived at or before its arrival.
extern const char* const waiting_ahead_of_new_arrival;

struct NextInLine {
    long long registration_id = 0;
    std::string email;
    std::string full_name;
};

// The first waiting registration of the cycle, if any.
std::optional<NextInLine> next_in_line(soci::session& sql, long long cycle_id);

// How many registrations of the cycle are waiting.
int waiting_count(soci::session& sql, long long cycle_id);

// The arrival that puts a registration at the end of the line, strictly after everyone
// of the cycle (even someone who arrived in this same millisecond): the later of
// `now_ms` and the cycle's latest arrival + 1.
long long arrival_at_end_of_line(soci::session& sql, long long cycle_id, long long now_ms);

// The arrival after the last person waiting on the cycle (a round's selection puts its
// waiting list behind them): the later of `now_ms` and the latest waiting arrival + 1.
long long arrival_after_waiting_list(soci::session& sql, long long cycle_id, long long now_ms);

// Numbers the waiting rows of a list read in `waiting_list_order` (the cycle's whole
// list, whatever the statuses): 1, 2… in that order.
template <class Rows, class IsWaiting, class SetPosition>
void number_waiting_list(Rows& rows, IsWaiting is_waiting, SetPosition set_position) {
    int position = 0;
    for (auto& row : rows)
        if (is_waiting(row)) set_position(row, ++position);
}

}  // namespace ateliers::store
