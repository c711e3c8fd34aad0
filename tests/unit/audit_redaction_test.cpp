#include <gtest/gtest.h>

#include "platform/audit/redaction.hpp"

using ateliers::audit::redact_whole;

// An erased person's name or address leaves the journal; names and places that merely
// contain it stay as written.
TEST(AuditRedaction, OnlyWholeMentionsAreReplaced) {
    struct Case {
        const char* text;
        const char* said;
        const char* expected;
    } cases[] = {
        {"Rôle donné à Marie Dupont", "Marie Dupont", "Rôle donné à X"},
        {"Inscription faite par l’équipe : Marie Dupont (marie@exemple.fr) au cycle forets", "Marie Dupont",
         "Inscription faite par l’équipe : X (marie@exemple.fr) au cycle forets"},
        {"Marie Dupont-Martin fixée dans le groupe 2", "Marie Dupont", "Marie Dupont-Martin fixée dans le groupe 2"},
        {"Anne-Marie Dupont absente", "Marie Dupont", "Anne-Marie Dupont absente"},
        {"Invitation à Marie-Claire, de Sainte-Marie", "Marie", "Invitation à Marie-Claire, de Sainte-Marie"},
        {"Mariette et Marie.", "Marie", "Mariette et X."},
        {"« Marie », d’Marie", "Marie", "« X », d’X"},
        {"«\u00a0Marie\u00a0»", "Marie", "«\u00a0X\u00a0»"},
        {"Marie Dupontès", "Marie Dupont", "Marie Dupontès"},
        {"Léa Marie", "Marie", "Léa X"},
        {"Élodie Marie", "Élodie", "X Marie"},
        {"Marie, Marie et Marie", "Marie", "X, X et X"},
        {"invitation à marie@exemple.fr", "marie@exemple.fr", "invitation à X"},
        {"invitation à anne-marie@exemple.fr", "marie@exemple.fr", "invitation à anne-marie@exemple.fr"},
        {"invitation à jean.marie@exemple.fr", "marie@exemple.fr", "invitation à jean.marie@exemple.fr"},
        {"email:marie@exemple.fr", "marie@exemple.fr", "email:X"},
        {"invitation à marie@exemple.fr.", "marie@exemple.fr", "invitation à X."},
        {"invitation à marie@exemple.fr.net", "marie@exemple.fr", "invitation à marie@exemple.fr.net"},
        {"rien à voir", "Marie", "rien à voir"},
        {"", "Marie", ""},
        {"Marie", "", "Marie"},
    };
    for (const auto& c : cases) EXPECT_EQ(redact_whole(c.text, c.said, "X"), c.expected) << c.text << " / " << c.said;
}
