#include "features/cycles/domain/cycle_message.hpp"

#include <gtest/gtest.h>

using namespace ateliers::cycle_message;

TEST(CycleMessage, ThreeAudiencesAndTheStatusesTheyReach) {
    struct Case {
        const char* code;
        Audience audience;
        std::vector<std::string> statuses;
    };
    const Case cases[] = {{"confirmes", Audience::confirmed, {"confirmed"}},
                          {"attente", Audience::waiting, {"waiting"}},
                          {"tous", Audience::all, {"confirmed", "waiting", "applied"}}};
    for (const auto& c : cases) {
        Audience a;
        ASSERT_TRUE(parse_audience(c.code, a)) << c.code;
        EXPECT_EQ(a, c.audience);
        EXPECT_STREQ(audience_code(a), c.code);
        EXPECT_EQ(audience_statuses(a), c.statuses) << c.code;
    }
    Audience a;
    for (const char* bad : {"", "Confirmes", "cancelled", "declined", "tous "}) EXPECT_FALSE(parse_audience(bad, a)) << bad;
}

TEST(CycleMessage, ADraftNeedsASubjectATextAndRecipients) {
    struct Case {
        Draft draft;
        std::vector<std::string> fields;
    };
    const std::string long_subject(151, 'x');
    const std::string long_text(5001, 'x');
    const Case cases[] = {
        {{"Séance 2 avancée", "La séance du 12 mars commence à 9 h.", "confirmes"}, {}},
        {{"  ", "Texte", "confirmes"}, {"objet"}},
        {{"Objet", " \n ", "attente"}, {"texte"}},
        {{"Objet", "Texte", ""}, {"destinataires"}},
        {{"Objet", "Texte", "annules"}, {"destinataires"}},
        {{long_subject, long_text, "tous"}, {"objet", "texte"}},
        {{"Deux\nlignes", "Texte", "tous"}, {"objet"}},
        {{"", "", ""}, {"destinataires", "objet", "texte"}},
    };
    for (const auto& c : cases) {
        const auto errors = validate(c.draft);
        std::vector<std::string> fields;
        for (const auto& [name, message] : errors) {
            fields.push_back(name);
            EXPECT_FALSE(message.empty());
        }
        EXPECT_EQ(fields, c.fields) << c.draft.subject;
    }
}

TEST(CycleMessage, ParagraphsSplitOnBlankLinesAndKeepLines) {
    EXPECT_EQ(paragraphs("Bonjour à tous,\r\n\r\nLa séance 2 est avancée.\nMême lien.\n\n\n  \nÀ bientôt  "),
              (std::vector<std::string>{"Bonjour à tous,", "La séance 2 est avancée.\nMême lien.", "À bientôt"}));
    EXPECT_TRUE(paragraphs(" \n\n ").empty());
}
