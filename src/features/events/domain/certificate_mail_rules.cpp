#include "features/events/domain/certificate_mail_rules.hpp"

namespace ateliers::events {

bool may_mail_certificate(std::optional<std::int64_t> last_mailed_at, std::int64_t now) {
    return !last_mailed_at || now - *last_mailed_at >= certificate_mail_interval_seconds;
}

}  // namespace ateliers::events
