// A second request for the certificate by e-mail within the quarter hour is refused.
#include <gtest/gtest.h>

#include "features/events/domain/certificate_mail_rules.hpp"

using namespace ateliers::events;

TEST(EventCertificateMailRules, OncePerInterval) {
    constexpr std::int64_t now = 1'800'000'000;
    const struct {
        std::optional<std::int64_t> last;
        bool allowed;
    } cases[] = {
        {std::nullopt, true},
        {now, false},
        {now - 60, false},
        {now - certificate_mail_interval_seconds + 1, false},
        {now - certificate_mail_interval_seconds, true},
        {now - 86400, true},
    };
    for (const auto& c : cases)
        EXPECT_EQ(may_mail_certificate(c.last, now), c.allowed) << "last = now - " << (c.last ? now - *c.last : -1);
}
