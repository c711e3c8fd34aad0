#include "features/cycles/domain/cycle_status.hpp"

namespace ateliers {

std::optional<CycleStatus> parse_cycle_status(std::string_view code) {
    if (code == "draft") return CycleStatus::draft;
    if (code == "published") return CycleStatus::published;
    if (code == "closed") return CycleStatus::closed;
    return std::nullopt;
}

CycleStatus cycle_status_or_draft(std::string_view code) {
    return parse_cycle_status(code).value_or(CycleStatus::draft);
}

std::string_view code_of(CycleStatus status) {
    switch (status) {
        case CycleStatus::published: return "published";
        case CycleStatus::closed: return "closed";
        case CycleStatus::draft: break;
    }
    return "draft";
}

std::string_view label_of(CycleStatus status) {
    switch (status) {
        case CycleStatus::published: return "Publié";
        case CycleStatus::closed: return "Clos";
        case CycleStatus::draft: break;
    }
    return "Brouillon";
}

}  // namespace ateliers
