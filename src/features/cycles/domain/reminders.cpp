#include "features/cycles/domain/reminders.hpp"

namespace ateliers::reminders {

const char* kind_code(Kind k) { return k == Kind::two_days ? "j-2" : "h-1"; }

std::optional<Kind> due(std::int64_t starts_at, std::int64_t now) {
    if (now >= starts_at) return std::nullopt;
    if (now >= starts_at - 3600) return Kind::one_hour;
    if (now >= starts_at - 2 * 86400) return Kind::two_days;
    return std::nullopt;
}

}  // namespace ateliers::reminders
