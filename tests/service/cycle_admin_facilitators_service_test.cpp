// A cycle's facilitator and the account that runs the cycle for them: linking,
// replacing and removing the account, and the role it holds on the cycles.
#include "cycle_admin_fixture.hpp"
#include "platform/auth/accounts.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "features/cycles/services/facilitation_access.hpp"
#include "platform/store/rows.hpp"

using namespace ateliers;
using test_support::CycleAdminTest;
using test_support::forest_cycle;
using test_support::mail;

TEST_F(CycleAdminTest, ANewFacilitatorIsLinkedToAnAccountWhichGetsTheRoleForTheCycle) {
    const long long account = add_user("intervenante@exemple.fr", "Inès Intervenante", "commune:13055", "agent");
    auto in = forest_cycle();
    in.facilitator_choice = "new";
    in.new_facilitator_name = "Inès Intervenante";
    in.new_facilitator_bio = "Ingénieure forestière.";
    in.facilitator_email = "Intervenante@Exemple.fr";
    auto saved = services::create_cycle(*db_, organiser_, in, mail);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM facilitators WHERE slug = 'ines-intervenante' AND user_id = " +
                    std::to_string(account)),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycles c JOIN facilitators f ON f.id = c.facilitator_id"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE role = 'facilitator' AND scope = "
                    "(SELECT CAST(id AS TEXT) FROM cycles WHERE slug = 'forets-comment-cooperer') AND user_id = " +
                    std::to_string(account)),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'facilitator.link_account'"), 1);

    // The draft's new address keeps the role: it names the cycle by its id.
    auto editing = services::cycle_for_edit(*db_, saved->slug);
    ASSERT_TRUE(editing.ok() && editing.value());
    EXPECT_EQ(editing.value()->input.facilitator_email, "intervenante@exemple.fr");
    auto renamed = editing.value()->input;
    renamed.title = "Forêts en commun";
    ASSERT_TRUE(services::update_cycle(*db_, organiser_, saved->slug, renamed, mail).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE role = 'facilitator' AND scope = "
                    "(SELECT CAST(id AS TEXT) FROM cycles WHERE slug = 'forets-en-commun')"),
              1);

    // Another facilitator for the cycle: the account loses the role on it.
    auto other = renamed;
    other.facilitator_choice = "new";
    other.new_facilitator_name = "Paul Pair";
    other.facilitator_email = "";
    ASSERT_TRUE(services::update_cycle(*db_, organiser_, "forets-en-commun", other, mail).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE role = 'facilitator'"), 0);

    auto options = services::facilitator_options(*db_);
    ASSERT_TRUE(options.ok());
    EXPECT_EQ(options->size(), 2u);
}

namespace {

// The account as the web layer sees it after logging in: its roles read from the database.
services::CurrentUser signed_in(soci::session& sql, long long id) {
    services::CurrentUser u;
    u.id = id;
    soci::rowset<soci::row> roles =
        (sql.prepare << "SELECT role, scope FROM user_roles WHERE user_id = :u", soci::use(id));
    for (const auto& r : roles) {
        const auto scope = store::as_text(r, 1);
        u.roles.push_back(scope.empty() ? store::as_text(r, 0) : store::as_text(r, 0) + ":" + scope);
    }
    return u;
}

}  // namespace

class FacilitatorAccountTest : public CycleAdminTest {
protected:
    long long ines_ = 0, paul_ = 0;
    std::string first_, second_, other_;  // two cycles of Inès, one of someone else

    void SetUp() override {
        CycleAdminTest::SetUp();
        ines_ = add_user("ines@exemple.fr", "Inès Intervenante", "commune:13055", "agent");
        paul_ = add_user("paul@exemple.fr", "Paul Pair", "commune:42168", "agent");
        auto in = forest_cycle();
        in.facilitator_choice = "new";
        in.new_facilitator_name = "Inès Intervenante";
        in.facilitator_email = "ines@exemple.fr";
        auto first = services::create_cycle(*db_, organiser_, in, mail);
        ASSERT_TRUE(first.ok()) << first.failure().message;
        first_ = first->slug;
        auto second = services::duplicate_cycle(*db_, organiser_, first_);
        ASSERT_TRUE(second.ok()) << second.failure().message;
        second_ = second->slug;
        auto elsewhere = forest_cycle();
        elsewhere.title = "Eau : partager la ressource";
        auto other = services::create_cycle(*db_, organiser_, elsewhere, mail);
        ASSERT_TRUE(other.ok()) << other.failure().message;
        other_ = other->slug;
        // Inès also helps on a third cycle, by a role given from the command line.
        ASSERT_TRUE(services::grant_role(*db_, "ines@exemple.fr", "facilitator", other_).ok());
    }

    bool can_run(long long user, const std::string& slug) {
        soci::session sql(db_->pool());
        return services::can_facilitate(*db_, signed_in(sql, user), slug);
    }

    services::CycleInput edit_form(const std::string& slug) {
        auto editing = services::cycle_for_edit(*db_, slug);
        EXPECT_TRUE(editing.ok() && editing.value());
        return editing.value()->input;
    }
};

TEST_F(FacilitatorAccountTest, ReplacingTheAccountRevokesTheOldOneOnTheFacilitatorsCyclesOnly) {
    ASSERT_TRUE(can_run(ines_, first_));
    ASSERT_TRUE(can_run(ines_, second_));
    auto form = edit_form(first_);
    EXPECT_EQ(form.facilitator_email, "ines@exemple.fr");
    form.facilitator_email = "paul@exemple.fr";
    auto saved = services::update_cycle(*db_, organiser_, first_, form, mail);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;

    EXPECT_FALSE(can_run(ines_, first_)) << "the replaced account keeps its rights on the cycle";
    EXPECT_FALSE(can_run(ines_, second_)) << "nor on the other cycle of the same facilitator";
    EXPECT_TRUE(can_run(ines_, other_)) << "a role on a cycle of someone else is not hers to lose";
    EXPECT_TRUE(can_run(paul_, first_));
    EXPECT_TRUE(can_run(paul_, second_));
    EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE role = 'facilitator' AND user_id = " + std::to_string(ines_)),
              1);
}

TEST_F(FacilitatorAccountTest, ChoosingAnotherFacilitatorDoesNotCarryThePrefilledAccountAlong) {
    auto form = edit_form(first_);
    form.facilitator_choice = "new";
    form.new_facilitator_name = "Paul Pair";
    // The e-mail field still shows Inès's account, as the edit form pre-filled it.
    ASSERT_EQ(form.facilitator_email, "ines@exemple.fr");
    auto saved = services::update_cycle(*db_, organiser_, first_, form, mail);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;

    EXPECT_FALSE(can_run(ines_, first_));
    EXPECT_TRUE(can_run(ines_, second_)) << "she still facilitates the other cycle";
    EXPECT_EQ(count("SELECT COUNT(*) FROM facilitators WHERE full_name = 'Paul Pair' AND user_id IS NULL"), 1);
}

TEST_F(FacilitatorAccountTest, EmptyingTheAccountFieldUnlinksTheAccount) {
    auto form = edit_form(first_);
    form.facilitator_email = "";
    auto saved = services::update_cycle(*db_, organiser_, first_, form, mail);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;

    EXPECT_FALSE(can_run(ines_, first_));
    EXPECT_FALSE(can_run(ines_, second_));
    EXPECT_TRUE(can_run(ines_, other_));
    EXPECT_EQ(count("SELECT COUNT(*) FROM facilitators WHERE user_id IS NOT NULL"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'facilitator.unlink_account'"), 1);
    EXPECT_EQ(edit_form(first_).facilitator_email, "");
}

TEST_F(CycleAdminTest, AnUnknownFacilitatorAccountIsRefusedOnItsField) {
    auto in = forest_cycle();
    in.facilitator_choice = "new";
    in.new_facilitator_name = "Inès Intervenante";
    in.facilitator_email = "personne@exemple.fr";
    auto saved = services::create_cycle(*db_, organiser_, in, mail);
    ASSERT_FALSE(saved.ok());
    EXPECT_TRUE(saved.failure().fields.count("facilitator_email"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM facilitators"), 0);  // rolled back with the cycle
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycles"), 0);
}

