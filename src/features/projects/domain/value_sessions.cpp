#include "features/projects/domain/value_sessions.hpp"

#include <algorithm>

namespace ateliers::projects {

bool discussed(const ValueEntry& e) {
    return !e.observed.empty() || !e.evidence.empty() || !e.indicator.empty() || !e.indicator_value.empty();
}

std::vector<ValueComparisonRow> compare_value_sessions(const std::vector<ValueDimension>& dimensions,
                                                       const std::vector<ValueSessionEntries>& sessions) {
    std::vector<ValueDimension> order = dimensions;
    for (const auto& s : sessions)
        for (const auto& e : s.entries)
            if (std::none_of(order.begin(), order.end(), [&](const ValueDimension& d) { return d.code == e.dimension; }))
                order.push_back({e.dimension, e.label});
    std::vector<ValueComparisonRow> rows;
    for (const auto& d : order) {
        ValueComparisonRow row{d.code, d.label, {}};
        bool any = false;
        for (const auto& s : sessions) {
            ValueCell cell;
            for (const auto& e : s.entries)
                if (e.dimension == d.code && discussed(e)) {
                    cell = {true, e.observed, e.indicator, e.indicator_value};
                    any = true;
                }
            row.cells.push_back(cell);
        }
        if (any) rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace ateliers::projects
