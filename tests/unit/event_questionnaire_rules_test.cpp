// The questionnaire after an event: who is asked, when it is open, what a valid answer is,
// and the organisers' summary (response rate, average, distribution, mentions, comments).
#include <gtest/gtest.h>

#include "features/events/domain/questionnaire_rules.hpp"

namespace ev = ateliers::events;

TEST(EventQuestionnaireRules, AsksThePeopleWhoCame) {
    struct Case {
        ev::Attendee a;
        bool desk_used;
        bool asked;
    };
    const std::vector<Case> cases{
        {{true, true, false}, true, true},     // checked in
        {{true, false, true}, true, true},     // followed online
        {{true, false, false}, true, false},   // registered in person, never came
        {{true, false, false}, false, true},   // nobody checked in: every confirmed person
        {{false, false, false}, false, false},  // waiting list
        {{false, true, false}, true, false},
    };
    for (const auto& c : cases) EXPECT_EQ(ev::asked_to_answer(c.a, c.desk_used), c.asked);
}

TEST(EventQuestionnaireRules, OpenFromTheEndForThirtyDays) {
    const std::int64_t ends = 1'800'000'000;
    const ev::Attendee came{true, true, false};
    EXPECT_EQ(ev::questionnaire_access(came, true, ends, ends - 1), ev::QuestionnaireAccess::not_ended);
    EXPECT_EQ(ev::questionnaire_access(came, true, ends, ends), ev::QuestionnaireAccess::open);
    EXPECT_EQ(ev::questionnaire_access(came, true, ends, ends + 30 * 86400 - 1), ev::QuestionnaireAccess::open);
    EXPECT_EQ(ev::questionnaire_access(came, true, ends, ends + 30 * 86400), ev::QuestionnaireAccess::closed);
    EXPECT_EQ(ev::questionnaire_access({true, false, false}, true, ends, ends + 60), ev::QuestionnaireAccess::not_asked);
    EXPECT_EQ(ev::access_message(ev::QuestionnaireAccess::open, ends), "");
    EXPECT_NE(ev::access_message(ev::QuestionnaireAccess::closed, ends).find("est clos depuis le"), std::string::npos);
    EXPECT_NE(ev::access_message(ev::QuestionnaireAccess::not_asked, ends).find("personnes venues"), std::string::npos);
}

TEST(EventQuestionnaireRules, ValidatesEachAnswerInFrench) {
    const std::vector<long long> workshops{11, 12};
    EXPECT_TRUE(ev::validate({"4", "12", "action", "Très riche."}, workshops).empty());
    EXPECT_TRUE(ev::validate({"1", "", "undecided", ""}, workshops).empty());
    EXPECT_TRUE(ev::validate({"5", "0", "share", ""}, workshops).empty());
    const auto bad = ev::validate({"6", "99", "plus tard", std::string(2001, 'x')}, workshops);
    ASSERT_EQ(bad.size(), 4u);
    EXPECT_NE(bad.at("rating").find("note globale"), std::string::npos);
    EXPECT_NE(bad.at("useful_item").find("Choisissez un atelier de la liste"), std::string::npos);
    EXPECT_NE(bad.at("next_step").find("ce que vous comptez faire"), std::string::npos);
    EXPECT_NE(bad.at("comment").find("2 000 caractères"), std::string::npos);
    EXPECT_EQ(ev::validate({"", "", "", ""}, workshops).size(), 2u);
    const auto a = ev::answers_of({"4", " 12 ", "action", "  Très riche.  "});
    EXPECT_EQ(a.rating, 4);
    EXPECT_EQ(a.useful_item_id, 12);
    EXPECT_EQ(a.comment, "Très riche.");
    EXPECT_EQ(ev::answers_of({"4", "0", "action", ""}).useful_item_id, 0);
}

TEST(EventQuestionnaireRules, SummarisesTheAnswers) {
    const std::vector<ev::QuestionnaireAnswers> answers{
        {5, 11, "action", "Bravo."}, {4, 11, "contact", ""}, {4, 0, "action", ""}, {2, 12, "undecided", "Trop court."}};
    const auto s = ev::summarise(answers, 7);
    EXPECT_EQ(s.asked, 7);
    EXPECT_EQ(s.answers, 4);
    EXPECT_EQ(s.response_percent, 57);  // 4 / 7 = 57.1 %
    ASSERT_TRUE(s.average_rating);
    EXPECT_DOUBLE_EQ(*s.average_rating, 3.75);
    EXPECT_EQ(ev::rating_text(s.average_rating), "3,8 / 5");
    EXPECT_EQ((s.ratings), (std::array<int, 5>{0, 1, 0, 2, 1}));
    EXPECT_EQ(s.useful.at(11), 2);
    EXPECT_EQ(s.useful.at(12), 1);
    EXPECT_EQ(s.useful.count(0), 0u);
    EXPECT_EQ(s.next_steps.at("action"), 2);
    EXPECT_EQ(s.comments, (std::vector<std::string>{"Bravo.", "Trop court."}));
    const auto none = ev::summarise({}, 0);
    EXPECT_FALSE(none.response_percent);
    EXPECT_FALSE(none.average_rating);
    EXPECT_EQ(ev::rating_text(none.average_rating), "–");
    EXPECT_EQ(ev::summarise({}, 3).response_percent, 0);
}

TEST(EventQuestionnaireRules, NextStepsHaveLabels) {
    for (const auto& code : ev::next_step_codes()) EXPECT_STRNE(ev::next_step_label(code), "");
    EXPECT_STREQ(ev::next_step_label("autre"), "");
}
