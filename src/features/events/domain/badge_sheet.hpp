#pragma once
// The badge sheet in parts. WeasyPrint prints about a page per second on an idle core and
// the server stops a conversion after a minute (platform/export/document_conversion), so
// a large event's sheet is printed in parts of twelve A4 pages: each part comes back in
// seconds, and the organisers print them one after the other.
#include <cstddef>
#include <optional>
#include <vector>

namespace ateliers::events {

inline constexpr std::size_t badges_per_page = 8;  // two columns of four on A4
inline constexpr std::size_t badges_per_part = 12 * badges_per_page;

struct SheetPart {
    int number = 0;         // 1-based, as the page shows it
    std::size_t first = 0;  // index of the first badge of the part
    std::size_t count = 0;  // badges in the part
    std::size_t pages() const { return (count + badges_per_page - 1) / badges_per_page; }
};

// One part for an empty sheet (it prints "no badge yet"), else as many as needed.
std::vector<SheetPart> sheet_parts(std::size_t badge_count, std::size_t per_part = badges_per_part);
// Part `number` of the sheet; nothing for a number the sheet does not have.
std::optional<SheetPart> sheet_part(std::size_t badge_count, int number, std::size_t per_part = badges_per_part);

}  // namespace ateliers::events
