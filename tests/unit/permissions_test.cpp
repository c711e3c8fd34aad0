#include <gtest/gtest.h>

#include "platform/auth/permissions.hpp"

using namespace ateliers;

namespace {
services::CurrentUser with_roles(std::vector<std::string> roles) {
    services::CurrentUser u;
    u.roles = std::move(roles);
    return u;
}
}  // namespace

TEST(Permissions, OrganisersAndAdminsOrganiseParticipantsAndFacilitatorsDoNot) {
    EXPECT_TRUE(permissions::can_organise(with_roles({"participant", "organiser"})));
    EXPECT_TRUE(permissions::can_organise(with_roles({"admin"})));
    EXPECT_FALSE(permissions::can_organise(with_roles({"participant", "facilitator:12"})));
    EXPECT_FALSE(permissions::can_organise(with_roles({})));
}

TEST(Permissions, AFacilitatorRoleHoldsForItsOwnCycleOnly) {
    const auto fanny = with_roles({"participant", "facilitator:12"});
    EXPECT_TRUE(permissions::has_facilitator_role(fanny, 12));
    EXPECT_FALSE(permissions::has_facilitator_role(fanny, 13));
    EXPECT_FALSE(permissions::has_facilitator_role(fanny, 1));
    EXPECT_TRUE(permissions::facilitates_by_role(fanny));
    EXPECT_TRUE(permissions::facilitates_by_role(with_roles({"organiser"})));
    EXPECT_FALSE(permissions::facilitates_by_role(with_roles({"participant"})));
    // A role named like a prefix of another is not that role.
    EXPECT_FALSE(permissions::facilitates_by_role(with_roles({"facilitator"})));
}
