// Documents published after an event, as links: only http(s) addresses with a host.
#include <gtest/gtest.h>

#include "features/events/domain/link_rules.hpp"

namespace ev = ateliers::events;

TEST(EventLinkRules, AcceptsWebAddressesOnly) {
    EXPECT_TRUE(ev::link_problems("Synthèse", "https://www.unadel.org/synthese-2027.pdf").empty());
    EXPECT_TRUE(ev::link_problems("Diaporama", "http://example.fr/a?b=1#c").empty());
    for (const auto* bad : {"javascript:alert(1)", "JAVASCRIPT://x.fr/%0aalert(1)", "data:text/html,<b>", "https://", "https:///x",
                            "https://localhost/x", "www.example.fr", "https://exa mple.fr", "https://x.fr/\"onmouseover="})
        EXPECT_TRUE(ev::link_problems("Titre", bad).count("url")) << bad;
    EXPECT_EQ(ev::link_problems("", "https://x.fr").at("title"), "Donnez un titre au document (par exemple « Synthèse des ateliers »).");
    EXPECT_TRUE(ev::link_problems("Titre", "").count("url"));
}
