#pragma once
// When a person may have their attendance certificate e-mailed again: a second press of
// the button a moment after the first (a double click, an impatient reload) must not
// send it twice; later, a lost e-mail may be asked for again. Pure.
#include <cstdint>
#include <optional>

namespace ateliers::events {

inline constexpr std::int64_t certificate_mail_interval_seconds = 15 * 60;

// `last_mailed_at`: when it was last queued, if ever.
bool may_mail_certificate(std::optional<std::int64_t> last_mailed_at, std::int64_t now);

}  // namespace ateliers::events
