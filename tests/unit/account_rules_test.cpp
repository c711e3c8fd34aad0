#include <gtest/gtest.h>
#include <set>

#include "platform/auth/account_rules.hpp"

using namespace ateliers::accounts;

namespace {
SignUpInput valid() {
    return {"Jean-François Chanal", "jf.chanal@pelussin.fr", "un mot de passe long", "un mot de passe long",
            "commune:42168", "elu", "adjoint au maire"};
}
}  // namespace

TEST(SignUp, ValidInputHasNoError) { EXPECT_TRUE(validate_sign_up(valid()).empty()); }

TEST(SignUp, EachFieldReportsItsOwnFrenchMessage) {
    struct Case {
        void (*change)(SignUpInput&);
        const char* field;
    } cases[] = {
        {[](SignUpInput& i) { i.full_name = "  "; }, "full_name"},
        {[](SignUpInput& i) { i.email = "pas-une-adresse"; }, "email"},
        {[](SignUpInput& i) { i.password = i.password_confirm = "court"; }, "password"},
        {[](SignUpInput& i) { i.password_confirm = "autre chose encore"; }, "password"},
        {[](SignUpInput& i) { i.collectivite_id = ""; }, "collectivite"},
        {[](SignUpInput& i) { i.mandate = "maire"; }, "mandate"},
        {[](SignUpInput& i) { i.function_title = ""; }, "function_title"},
    };
    for (const auto& c : cases) {
        auto input = valid();
        c.change(input);
        const auto errors = validate_sign_up(input);
        ASSERT_EQ(errors.size(), 1u) << c.field;
        EXPECT_EQ(errors.begin()->first, c.field);
        EXPECT_FALSE(errors.begin()->second.empty());
    }
}

TEST(Password, TwelveCharactersCountedAsCharacters) {
    EXPECT_FALSE(password_problem("ééééééééééé", "ééééééééééé", "").empty());   // 11 characters, 22 bytes
    EXPECT_TRUE(password_problem("éééééééééééé", "éééééééééééé", "").empty());  // 12 characters
    EXPECT_FALSE(password_problem("a@exemple.fr", "a@exemple.fr", "A@exemple.fr").empty());
}

TEST(LoginRateLimit, FiveFailuresPerAddressThenBlocked) {
    EXPECT_TRUE(login_allowed(4, 0));
    EXPECT_FALSE(login_allowed(5, 0));
    EXPECT_FALSE(login_allowed(0, 30));
}

TEST(Email, NormalisedToLowerCaseAndTrimmed) { EXPECT_EQ(normalise_email("  Jean@Mairie.FR "), "jean@mairie.fr"); }

TEST(RequestLimits, EachActionAllowsAFewPerAddressAndMorePerClient) {
    struct Case {
        LimitedAction action;
        long long for_email, for_address;
        bool allowed;
    } cases[] = {
        {LimitedAction::password_reset, 0, 0, true},   {LimitedAction::password_reset, 2, 19, true},
        {LimitedAction::password_reset, 3, 0, false},  {LimitedAction::password_reset, 0, 20, false},
        {LimitedAction::sign_up, 2, 19, true},         {LimitedAction::sign_up, 0, 20, false},
        {LimitedAction::confirmation_resend, 2, 0, true}, {LimitedAction::confirmation_resend, 3, 0, false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(request_allowed(limit_for(c.action), c.for_email, c.for_address), c.allowed)
            << action_code(c.action) << " " << c.for_email << "/" << c.for_address;
}

TEST(RequestLimits, CodesAreDistinctAndMessagesFrench) {
    const LimitedAction all[] = {LimitedAction::password_reset, LimitedAction::sign_up,
                                 LimitedAction::confirmation_resend};
    std::set<std::string> codes;
    for (auto a : all) {
        codes.insert(action_code(a));
        EXPECT_EQ(limit_for(a).window_seconds, 3600);
        EXPECT_NE(limit_message(a).find("Réessayez dans une heure"), std::string::npos) << action_code(a);
    }
    EXPECT_EQ(codes.size(), 3u);
}
