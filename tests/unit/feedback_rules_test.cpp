#include <gtest/gtest.h>

#include <algorithm>

#include "features/feedback/domain/feedback_rules.hpp"

using namespace ateliers;
using feedback::QuestionnaireInput;

namespace {

QuestionnaireInput valid() { return {"4", "5", "oui", "Très bon cycle.", "", false}; }

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST(FeedbackRules, ScaleAcceptsOneToFiveOnly) {
    struct Case {
        const char* text;
        std::optional<int> expected;
    } cases[] = {{"1", 1}, {"5", 5}, {"3", 3}, {"0", std::nullopt}, {"6", std::nullopt},
                 {"", std::nullopt}, {"12", std::nullopt}, {"a", std::nullopt}, {" 3", std::nullopt}};
    for (const auto& c : cases) EXPECT_EQ(feedback::parse_scale(c.text), c.expected) << "«" << c.text << "»";
    EXPECT_STREQ(feedback::satisfaction_label(1), "Très insatisfait·e");
    EXPECT_STREQ(feedback::satisfaction_label(5), "Très satisfait·e");
    EXPECT_STREQ(feedback::usefulness_label(1), "Pas du tout utile");
}

TEST(FeedbackRules, QuestionnaireValidationByField) {
    struct Case {
        const char* name;
        QuestionnaireInput in;
        std::vector<std::string> fields_in_error;
    } cases[] = {
        {"valid", valid(), {}},
        {"nothing answered", {"", "", "", "", "", false}, {"satisfaction", "usefulness", "would_recommend"}},
        {"satisfaction out of range", {"6", "5", "oui", "", "", false}, {"satisfaction"}},
        {"usefulness out of range", {"4", "0", "non", "", "", false}, {"usefulness"}},
        {"recommend must be oui or non", {"4", "4", "peut-être", "", "", false}, {"would_recommend"}},
        {"comment 2000 chars ok", {"4", "4", "non", repeat("é", 2000), "", false}, {}},
        {"comment 2001 chars", {"4", "4", "non", repeat("é", 2001), "", false}, {"comment"}},
        {"testimonial 600 chars ok", {"4", "4", "oui", "", repeat("à", 600), true}, {}},
        {"testimonial 601 chars", {"4", "4", "oui", "", repeat("à", 601), false}, {"testimonial"}},
        {"consent without testimonial", {"4", "4", "oui", "", "   ", true}, {"testimonial"}},
        {"testimonial without consent is fine", {"4", "4", "oui", "", "Super.", false}, {}},
    };
    for (const auto& c : cases) {
        const auto errors = feedback::validate(c.in);
        std::vector<std::string> got;
        for (const auto& [field, message] : errors) {
            got.push_back(field);
            EXPECT_FALSE(message.empty()) << c.name;
        }
        auto expected = c.fields_in_error;
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(got, expected) << c.name;
    }
}

TEST(FeedbackRules, AnswersAreTrimmedAndConsentNeedsAText) {
    auto a = feedback::answers_of({"2", "3", "non", "  Un commentaire  ", "  Une phrase.  ", true});
    EXPECT_EQ(a.satisfaction, 2);
    EXPECT_EQ(a.usefulness, 3);
    EXPECT_FALSE(a.would_recommend);
    EXPECT_EQ(a.comment, "Un commentaire");
    EXPECT_EQ(a.testimonial, "Une phrase.");
    EXPECT_TRUE(a.consent);
    EXPECT_FALSE(feedback::answers_of({"2", "3", "oui", "", "", true}).consent);
    EXPECT_TRUE(feedback::answers_of({"2", "3", "oui", "", "", false}).would_recommend);
}

TEST(FeedbackRules, QuestionnaireOpensAfterTheLastSessionForConfirmedOnly) {
    using feedback::Eligibility;
    EXPECT_EQ(feedback::eligibility(true, 1000, 1000), Eligibility::open);
    EXPECT_EQ(feedback::eligibility(true, 1000, 5000), Eligibility::open);
    EXPECT_EQ(feedback::eligibility(true, 1001, 1000), Eligibility::not_ended);
    EXPECT_EQ(feedback::eligibility(true, 0, 1000), Eligibility::not_ended) << "a cycle without sessions never ends";
    EXPECT_EQ(feedback::eligibility(false, 1000, 5000), Eligibility::not_confirmed);
}

TEST(FeedbackRules, PublicationNeedsConsentUnlessEditorial) {
    EXPECT_TRUE(feedback::can_publish(true, false));
    EXPECT_FALSE(feedback::can_publish(false, false));
    EXPECT_TRUE(feedback::can_publish(false, true));
}

TEST(FeedbackRules, TestimonialStateAfterSave) {
    using feedback::TestimonialState;
    EXPECT_EQ(feedback::state_after_save("", true, true, true), TestimonialState::none);
    EXPECT_EQ(feedback::state_after_save("Bien.", false, true, true), TestimonialState::private_only);
    EXPECT_EQ(feedback::state_after_save("Bien.", true, false, true), TestimonialState::pending_review);
    EXPECT_EQ(feedback::state_after_save("Bien.", true, true, true), TestimonialState::published);
    EXPECT_EQ(feedback::state_after_save("Bien mieux.", true, true, false), TestimonialState::pending_review)
        << "a changed quote is reviewed again";
}

TEST(FeedbackRules, PlaceText) {
    EXPECT_EQ(feedback::place_text("Pélussin", "42"), "Pélussin (42)");
    EXPECT_EQ(feedback::place_text("Région Bretagne", ""), "Région Bretagne");
}

TEST(FeedbackRules, ThemeValidationAndDuplicateKey) {
    EXPECT_TRUE(feedback::validate(feedback::ThemeInput{"Revitaliser les centres-bourgs", ""}).empty());
    EXPECT_EQ(feedback::validate(feedback::ThemeInput{"   ", ""}).count("title"), 1u);
    EXPECT_EQ(feedback::validate(feedback::ThemeInput{"« … »", ""}).count("title"), 1u);
    EXPECT_TRUE(feedback::validate(feedback::ThemeInput{repeat("é", 120), repeat("x", 1000)}).empty());
    EXPECT_EQ(feedback::validate(feedback::ThemeInput{repeat("é", 121), ""}).count("title"), 1u);
    EXPECT_EQ(feedback::validate(feedback::ThemeInput{"Eau", repeat("x", 1001)}).count("description"), 1u);
    EXPECT_EQ(feedback::title_key("Forêts : coopérer !"), feedback::title_key("forets cooperer"));
    EXPECT_EQ(feedback::title_key("L’ÉCOLE rurale"), feedback::title_key("l ecole  Rurale"));
    EXPECT_NE(feedback::title_key("Écoles rurales"), feedback::title_key("École rurale"));
}

TEST(FeedbackRules, ThemeStatusCodes) {
    feedback::ThemeStatus s;
    for (const char* code : {"open", "planned", "closed"}) {
        ASSERT_TRUE(feedback::parse_theme_status(code, s)) << code;
        EXPECT_STREQ(feedback::theme_status_code(s), code);
        EXPECT_STRNE(feedback::theme_status_label(s), "");
    }
    EXPECT_FALSE(feedback::parse_theme_status("deleted", s));
}

TEST(FeedbackRules, IdeasRankBySupportsThenAge) {
    std::vector<feedback::RankedIdea> ideas{{1, 2, 300}, {2, 5, 400}, {3, 2, 100}, {4, 0, 50}, {5, 2, 100}};
    std::sort(ideas.begin(), ideas.end(), feedback::ranks_before);
    std::vector<long long> order;
    for (const auto& i : ideas) order.push_back(i.id);
    EXPECT_EQ(order, (std::vector<long long>{2, 3, 5, 1, 4}));
}
