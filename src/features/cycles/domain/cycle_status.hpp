#pragma once
// Where a cycle stands: prepared by organisers (draft), open to the public and to
// registrations (published), over (closed). Stored as its code in cycles.status.
#include <optional>
#include <string_view>

namespace ateliers {

enum class CycleStatus { draft, published, closed };

std::optional<CycleStatus> parse_cycle_status(std::string_view code);
// A stored code the program does not know reads as a draft: never shown to the public.
CycleStatus cycle_status_or_draft(std::string_view code);
std::string_view code_of(CycleStatus status);   // "draft", "published", "closed"
std::string_view label_of(CycleStatus status);  // "Brouillon", "Publié", "Clos"

}  // namespace ateliers
