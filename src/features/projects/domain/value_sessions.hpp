#pragma once
// "Évaluer / délibérer sur la valeur créée" (seed 004): sessions where the team and its
// stakeholders say, for each dimension of value, what they observed, on what evidence,
// with an optional indicator; compared across sessions to see what moved over time.
#include <string>
#include <vector>

namespace ateliers::projects {

struct ValueDimension {
    std::string code;   // "cooperation"
    std::string label;  // "Coopération"
};

struct ValueEntry {
    std::string dimension, label;
    std::string observed, evidence;
    std::string indicator, indicator_value;
};
// An entry counts as discussed when anything was written for it.
bool discussed(const ValueEntry& e);

struct ValueSessionEntries {
    std::string held_on;  // YYYY-MM-DD
    std::vector<ValueEntry> entries;
};

struct ValueCell {
    bool discussed = false;
    std::string observed, indicator, indicator_value;
};
struct ValueComparisonRow {
    std::string dimension, label;
    std::vector<ValueCell> cells;  // one per session, in the order given
};
// One row per dimension discussed in at least one session: the default set's order first,
// then dimensions only the sessions know (an older or edited set), by first appearance.
std::vector<ValueComparisonRow> compare_value_sessions(const std::vector<ValueDimension>& dimensions,
                                                       const std::vector<ValueSessionEntries>& sessions);

inline constexpr std::size_t max_value_text_chars = 4000;

}  // namespace ateliers::projects
