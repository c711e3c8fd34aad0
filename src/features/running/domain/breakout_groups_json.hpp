#pragma once
// JSON boundary of the breakout groups solver: reads the people file given to
// `ateliers groups --input`, writes the plan the command prints.
//
// Input (sessions and groups numbered from 0, like the arrays of the output):
//   {"participants": [
//      {"id": "ana", "role": "elu" | "agent", "collectivite": "Pélussin",
//       "absent": [2],                           optional: sessions missed
//       "locks": [{"session": 0, "group": 1}]},  optional: facilitator's choice
//      ...],
//    "past_rounds": [[["ana", "bob"], ["cyd", "dan"]], ...],  optional, re-planning:
//                    the first rounds of an earlier output, kept as they are
//    "past_clients": [["ana", null], ...]}                   optional, one per past round
// An id is a string (an integer is read as its decimal string); "collectivite"
// may be absent or null for someone attached to none; accents and case do not
// distinguish two collectivités. Unknown keys are ignored.
//
// Output, one line:
//   {"rounds": [[[ids of group 0], [ids of group 1], ...], ...],
//    "clients": [[client id of group 0 or null, ...], ...],   people only
//    "repeated_pairs": n, "same_collectivite_pairs": n, "groups_without_mix": n}
// Pure golfer plans print their golfers as numbers 1..G*S and no clients.
#include "features/running/domain/breakout_groups.hpp"
#include "platform/core/result.hpp"

#include <string>
#include <string_view>

namespace ateliers::groups {

// Failures name the faulty entry, e.g. field "participants[3].role".
Result<Problem> parse_people(std::string_view json_text, int groups, int sessions);

std::string to_json(const Problem& problem, const Plan& plan);

std::string golfers_to_json(const Plan& plan);

}  // namespace ateliers::groups
