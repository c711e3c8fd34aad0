#include <gtest/gtest.h>

#include "features/registration/domain/registration_rules.hpp"

using namespace ateliers;
using registration::Refusal;
using registration::Voice;

namespace {

bool speaks_to_reader(const std::string& text) {
    for (const char* word : {"vous", "Vous", "votre", "Votre"})
        if (text.find(word) != std::string::npos) return true;
    return false;
}

}  // namespace

// The person registering reads "vous"; an organiser registering someone never does.
TEST(RegistrationWording, EachRefusalHasBothVoices) {
    for (const auto why : {Refusal::no_collectivite, Refusal::already_registered, Refusal::collectivite_taken,
                           Refusal::just_full, Refusal::taken_meanwhile}) {
        const auto self = registration::refusal_message(why, Voice::registrant);
        const auto team = registration::refusal_message(why, Voice::organiser);
        EXPECT_TRUE(speaks_to_reader(self)) << self;
        EXPECT_FALSE(speaks_to_reader(team)) << team;
    }
    EXPECT_EQ(registration::refusal_message(Refusal::collectivite_taken, Voice::organiser)
                  .rfind("Cette collectivité est déjà inscrite à ce cycle", 0),
              0u);
    EXPECT_FALSE(speaks_to_reader(registration::overlap_warning("lundi 3 mars", "Forêts", Voice::organiser)));
    EXPECT_TRUE(speaks_to_reader(registration::overlap_warning("lundi 3 mars", "Forêts", Voice::registrant)));
}

TEST(RegistrationWording, FormErrorsFollowTheVoice) {
    const registration::RegistrationInput empty;
    const auto self = registration::validate(empty);
    const auto team = registration::validate(empty, Voice::organiser);
    ASSERT_EQ(self.size(), team.size());
    for (const auto& field : {"situation", "mandate", "function_title"}) {
        EXPECT_TRUE(speaks_to_reader(self.at(field))) << field;
        EXPECT_FALSE(speaks_to_reader(team.at(field))) << team.at(field);
    }
    EXPECT_EQ(team.at("mandate"), "Précisez si la personne est élue ou agente de la collectivité.");
}
