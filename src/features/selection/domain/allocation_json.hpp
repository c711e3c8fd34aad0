#pragma once
// JSON form of a round and of its allocation, as read and written by
// `ateliers allocate`. The caller does the file I/O.
//
// Input:  {"cycles":[{"id","capacity","min_elus"?,"min_agents"?}],
//          "applicants":[{"id","collectivite","role":"elu"|"agent","priority"?,
//                         "choices":[cycle ids, first choice first],"arrival"?}]}
// Output: {"assignments":{applicant:cycle},"waiting":{cycle:[applicants]},
//          "objective":{"filled","balance_deficit","priority","choice_rank","arrival_rank"},
//          "proven_optimal":bool,"proven_levels":n}
// proven_levels is 5 when the selection is proven optimal; when the search ran
// out of budget, the first n levels of "objective" are still proven optimal.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "features/selection/domain/allocation.hpp"

namespace ateliers::allocation {

// What is wrong with an input, naming the faulty entry, in French (for the
// organiser) and in English (for logs and tests).
struct InputError {
    std::string entry;  // `applicant "a17"`, `cycles[3]`, or empty for the whole document
    std::string fr;
    std::string en;
};

using ParsedRound = std::variant<Round, InputError>;

// Ids may be strings or integers (17 and "17" are the same id). `min_elus` and
// `min_agents` default to a third of the capacity, `priority` to 0. `arrival` is
// a number (seconds) or an ISO 8601 date-time; without it the application
// ranks after every dated one, in input order.
ParsedRound parse_round(const std::string& json_text);

// Seconds since 1970-01-01T00:00:00Z for "YYYY-MM-DD", "YYYY-MM-DDThh:mm",
// "…:ss", "…:ss.fff", each optionally followed by "Z" or "±hh:mm" (UTC if
// absent). Empty when the text is not such a date.
std::optional<double> parse_iso8601(std::string_view text);

// Applicants and cycles keep the input order.
std::string to_json(const Allocation& allocation);

}  // namespace ateliers::allocation
