#pragma once
// The plan's lists kept as text in one column ("1,2", "cooperer,faciliter") and the
// snapshot an adopted version keeps of its actions (JSON), as pure functions.
#include <string>
#include <vector>

#include "features/programmes/domain/plan_rules.hpp"

namespace ateliers::programmes {

// "a,b" → {"a", "b"}; blanks around items and empty items are dropped.
std::vector<std::string> split_codes(const std::string& text);
std::string join_codes(const std::vector<std::string>& codes);
// "1,3" → {1, 3}; an item that is not a small number makes the result empty.
std::vector<int> parse_years(const std::string& text);

std::string plan_snapshot_json(const std::vector<PlanItem>& items);
// An unreadable snapshot reads as an empty plan: the draft then shows every action as
// added, which is visible and harmless, rather than failing the whole page.
std::vector<PlanItem> parse_plan_snapshot(const std::string& json_text);

}  // namespace ateliers::programmes
