// The permission matrix of a programme, as a table: who reads which territory, who
// rates, who adopts the plan, who reads internal notes.
#include <gtest/gtest.h>

#include "features/programmes/domain/access.hpp"

namespace pg = ateliers::programmes;

namespace {

constexpr long long A = 1;  // territory A
constexpr long long B = 2;  // territory B

const pg::Viewer organiser{true, {}};
const pg::Viewer manager{false, {{pg::Role::manager, 0}}};
const pg::Viewer team_a{false, {{pg::Role::territory_team, A}}};
const pg::Viewer provider_a{false, {{pg::Role::provider, A}}};
const pg::Viewer provider_ab{false, {{pg::Role::provider, A}, {pg::Role::provider, B}}};
const pg::Viewer stranger{false, {}};

}  // namespace

TEST(ProgrammeAccess, TableOfRights) {
    using V = pg::NoteVisibility;
    struct Case {
        const char* who;
        const pg::Viewer* viewer;
        long long territory;
        bool read, rate, adopt, read_public_note, read_internal_note, write_internal_note, dashboard;
    } cases[] = {
        //                               read   rate   adopt  pub    int    w.int  dash
        {"organiser on B", &organiser, B, true, true, true, true, true, true, true},
        {"manager on A", &manager, A, true, true, true, true, true, true, true},
        {"manager on B", &manager, B, true, true, true, true, true, true, true},
        {"team A on A", &team_a, A, true, false, true, true, false, false, false},
        {"team A on B", &team_a, B, false, false, false, false, false, false, false},
        {"provider A on A", &provider_a, A, true, true, false, true, false, false, false},
        {"provider A on B", &provider_a, B, false, false, false, false, false, false, false},
        {"provider A+B on B", &provider_ab, B, true, true, false, true, false, false, false},
        {"stranger on A", &stranger, A, false, false, false, false, false, false, false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.who);
        EXPECT_EQ(pg::can_read_territory(*c.viewer, c.territory), c.read);
        EXPECT_EQ(pg::can_edit_plan(*c.viewer, c.territory), c.read);
        EXPECT_EQ(pg::can_rate(*c.viewer, c.territory), c.rate);
        EXPECT_EQ(pg::can_adopt_plan(*c.viewer, c.territory), c.adopt);
        EXPECT_EQ(pg::can_read_note(*c.viewer, c.territory, V::territory), c.read_public_note);
        EXPECT_EQ(pg::can_read_note(*c.viewer, c.territory, V::internal), c.read_internal_note);
        EXPECT_EQ(pg::can_write_note(*c.viewer, c.territory, V::internal), c.write_internal_note);
        EXPECT_EQ(pg::can_read_dashboard(*c.viewer), c.dashboard);
        EXPECT_EQ(pg::can_manage_programme(*c.viewer), c.dashboard);
    }
}

TEST(ProgrammeAccess, TerritoryZeroIsNobodysWorkspace) {
    // A membership stored without territory must not open every territory "0".
    const pg::Viewer odd{false, {{pg::Role::territory_team, 0}}};
    EXPECT_FALSE(pg::can_read_territory(odd, 0));
}

TEST(ProgrammeAccess, RoleCodesRoundTrip) {
    for (auto r : {pg::Role::territory_team, pg::Role::provider, pg::Role::manager}) {
        pg::Role back{};
        ASSERT_TRUE(pg::parse_role(pg::role_code(r), back));
        EXPECT_EQ(back, r);
    }
    pg::Role out{};
    EXPECT_FALSE(pg::parse_role("admin", out));
}
