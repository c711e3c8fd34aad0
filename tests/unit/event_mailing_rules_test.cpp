// Who an organisers' e-mail goes to, and what a sendable one holds.
#include <gtest/gtest.h>

#include "features/events/domain/mailing_rules.hpp"

namespace ev = ateliers::events;

TEST(EventMailingRules, AudiencesAsTheFormNamesThem) {
    EXPECT_EQ(ev::parse_mailing_target("inscrits")->audience, ev::MailingAudience::confirmed);
    EXPECT_EQ(ev::parse_mailing_target("attente")->audience, ev::MailingAudience::waiting);
    const auto w = ev::parse_mailing_target("atelier-42");
    ASSERT_TRUE(w);
    EXPECT_EQ(w->audience, ev::MailingAudience::workshop);
    EXPECT_EQ(w->workshop_id, 42);
    EXPECT_EQ(ev::mailing_target_code(*w), "atelier-42");
    for (const auto* bad : {"", "tous", "atelier-", "atelier-x", "atelier--3", "atelier-0"})
        EXPECT_FALSE(ev::parse_mailing_target(bad)) << bad;
}

TEST(EventMailingRules, FrenchMessagePerField) {
    EXPECT_TRUE(ev::mailing_problems("inscrits", "Salle changée", "La plénière aura lieu salle B.").empty());
    const auto p = ev::mailing_problems("", " ", "");
    EXPECT_EQ(p.at("audience"), "Choisissez à qui envoyer l’e-mail.");
    EXPECT_EQ(p.at("subject"), "Donnez un objet à l’e-mail.");
    EXPECT_EQ(p.at("body"), "Écrivez le texte de l’e-mail.");
    EXPECT_TRUE(ev::mailing_problems("inscrits", std::string(201, 'a'), "x").count("subject"));
    EXPECT_TRUE(ev::mailing_problems("inscrits", "Objet\r\nBcc: x@y.fr", "x").count("subject"));
    EXPECT_TRUE(ev::mailing_problems("inscrits", "Objet", std::string(20001, 'a')).count("body"));
}
