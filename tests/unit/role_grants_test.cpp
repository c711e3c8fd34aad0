#include <gtest/gtest.h>

#include "platform/auth/role_grants.hpp"

using namespace ateliers::role_grants;

TEST(RoleGrants, GranterIsReadFromTheRolesAdminFirst) {
    EXPECT_EQ(granter_of({"participant", "organiser", "admin"}), Granter::admin);
    EXPECT_EQ(granter_of({"participant", "organiser"}), Granter::organiser);
    EXPECT_EQ(granter_of({"participant", "facilitator:4"}), Granter::nobody);
    EXPECT_EQ(granter_of({}), Granter::nobody);
}

TEST(RoleGrants, WhoMayGrantWhichRole) {
    struct Case {
        Granter granter;
        const char* role;
        bool allowed;
    } cases[] = {
        {Granter::command_line, "admin", true},      {Granter::command_line, "organiser", true},
        {Granter::command_line, "facilitator", true}, {Granter::command_line, "participant", true},
        {Granter::admin, "admin", true},             {Granter::admin, "organiser", true},
        {Granter::admin, "facilitator", true},       {Granter::organiser, "organiser", true},
        {Granter::organiser, "facilitator", true},   {Granter::organiser, "admin", false},
        {Granter::organiser, "participant", false},  {Granter::nobody, "facilitator", false},
        {Granter::nobody, "organiser", false},       {Granter::admin, "superuser", false},
        {Granter::command_line, "superuser", false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(may_grant(c.granter, c.role), c.allowed) << static_cast<int>(c.granter) << " " << c.role;
}

TEST(RoleGrants, TheOfferedRolesAreExactlyTheGrantableOnes) {
    for (auto g : {Granter::command_line, Granter::admin, Granter::organiser, Granter::nobody})
        for (const auto& role : grantable_roles(g)) EXPECT_TRUE(may_grant(g, role)) << role;
    EXPECT_TRUE(grantable_roles(Granter::nobody).empty());
    EXPECT_EQ(grantable_roles(Granter::organiser), (std::vector<std::string>{"organiser", "facilitator"}));
}

TEST(RoleGrants, NobodyRevokesTheirOwnLastAdminRole) {
    EXPECT_NE(revoke_refusal(Granter::admin, "admin", true, 0), "");
    EXPECT_EQ(revoke_refusal(Granter::admin, "admin", true, 1), "");
    EXPECT_EQ(revoke_refusal(Granter::admin, "admin", false, 0), "");
    EXPECT_EQ(revoke_refusal(Granter::organiser, "organiser", true, 0), "");
    EXPECT_NE(revoke_refusal(Granter::organiser, "admin", false, 3), "");
    EXPECT_NE(revoke_refusal(Granter::admin, "participant", false, 3), "");
    EXPECT_NE(revoke_refusal(Granter::nobody, "facilitator", false, 3), "");
}
