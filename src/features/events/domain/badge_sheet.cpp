#include "features/events/domain/badge_sheet.hpp"

#include <algorithm>

namespace ateliers::events {

std::vector<SheetPart> sheet_parts(std::size_t badge_count, std::size_t per_part) {
    if (per_part == 0) per_part = badges_per_part;
    std::vector<SheetPart> parts;
    if (badge_count == 0) return {SheetPart{1, 0, 0}};
    for (std::size_t first = 0; first < badge_count; first += per_part)
        parts.push_back({static_cast<int>(parts.size()) + 1, first, std::min(per_part, badge_count - first)});
    return parts;
}

std::optional<SheetPart> sheet_part(std::size_t badge_count, int number, std::size_t per_part) {
    const auto parts = sheet_parts(badge_count, per_part);
    if (number < 1 || static_cast<std::size_t>(number) > parts.size()) return std::nullopt;
    return parts[static_cast<std::size_t>(number) - 1];
}

}  // namespace ateliers::events
