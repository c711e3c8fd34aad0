// The three-year plan against a real database: actions are checked field by field and
// nothing is kept on bad input, follow-ups keep who changed what, a forbidden status
// move is refused, adopting freezes a version and later edits open a draft of
// adjustments compared with it; a territory cannot touch another's plan.
#include "features/programmes/services/plan_exchange.hpp"
#include "features/programmes/services/plans.hpp"
#include "features/programmes/services/programme_overview.hpp"
#include "programmes_fixture.hpp"

using namespace ateliers;

namespace {

class ProgrammePlanTest : public test_support::ProgrammesTest {
protected:
    services::PlanActionInput action(const std::string& title) {
        services::PlanActionInput in;
        in.title = title;
        in.kind = "formation";
        in.years = {1, 2};
        in.families = {"cooperer"};
        in.providers = "Cabinet test";
        in.field_support = {"cifre"};
        return in;
    }
    const std::string slug = "territoires-engagement";
};

}  // namespace

TEST_F(ProgrammePlanTest, BadActionsAreRefusedFieldByFieldAndNothingIsKept) {
    auto in = action("");
    in.kind = "atelier";
    in.years = {4};
    in.families = {"inconnue"};
    in.field_support = {"stagiaire"};
    auto saved = services::save_plan_action(*db_, &provider, slug, territory_a, in);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.failure().kind, FailureKind::invalid);
    for (const char* f : {"title", "kind", "years", "families", "field_support"})
        EXPECT_EQ(saved.failure().fields.count(f), 1u) << f;
    EXPECT_EQ(count("SELECT COUNT(*) FROM plan_actions"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM plan_versions"), 0);
}

TEST_F(ProgrammePlanTest, FollowUpsKeepWhoChangedWhatAndRefuseForbiddenMoves) {
    auto id = services::save_plan_action(*db_, &provider, slug, territory_a, action("Former les élus"));
    ASSERT_TRUE(id.ok()) << id.failure().message;
    // proposée → faite is not a move the plan allows.
    auto jump = services::record_follow_up(*db_, &provider, slug, territory_a, id.value(), {"faite", 100, ""});
    ASSERT_FALSE(jump.ok());
    EXPECT_EQ(jump.failure().field, "status");
    auto empty = services::record_follow_up(*db_, &provider, slug, territory_a, id.value(), {"proposee", 0, " "});
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.failure().field, "comment");
    auto started = services::record_follow_up(*db_, &provider, slug, territory_a, id.value(),
                                              {"en_cours", 30, "Première session tenue"});
    ASSERT_TRUE(started.ok()) << started.failure().message;
    auto done_not_full = services::record_follow_up(*db_, &provider, slug, territory_a, id.value(), {"faite", 90, ""});
    ASSERT_FALSE(done_not_full.ok());
    EXPECT_EQ(done_not_full.failure().field, "progress");
    auto view = services::open_plan_action(*db_, &provider, slug, territory_a, id.value());
    ASSERT_TRUE(view.ok());
    EXPECT_EQ(view->action.status, "en_cours");
    EXPECT_EQ(view->action.progress, 30);
    ASSERT_EQ(view->follow_ups.size(), 1u);
    const auto& f = view->follow_ups.front();
    EXPECT_EQ(f.author_id, provider.id);
    EXPECT_EQ(f.status_before, "proposee");
    EXPECT_EQ(f.status_after, "en_cours");
    EXPECT_EQ(f.progress_before, 0);
    EXPECT_EQ(f.progress_after, 30);
    EXPECT_EQ(f.comment, "Première session tenue");
}

TEST_F(ProgrammePlanTest, AdoptionFreezesAVersionAndEditsOpenADraftOfAdjustments) {
    auto first = services::save_plan_action(*db_, &provider, slug, territory_a, action("Former les élus"));
    ASSERT_TRUE(first.ok());
    auto draft = services::open_plan(*db_, &provider, slug, territory_a);
    ASSERT_TRUE(draft.ok());
    ASSERT_TRUE(draft->draft.has_value());
    EXPECT_FALSE(draft->adopted.has_value());
    EXPECT_EQ(draft->changes.size(), 1u);
    // A provider edits but does not adopt; the ANCT does.
    auto by_provider = services::adopt_plan(*db_, &provider, slug, territory_a);
    ASSERT_FALSE(by_provider.ok());
    EXPECT_EQ(by_provider.failure().kind, FailureKind::forbidden);
    auto adopted = services::adopt_plan(*db_, &organiser, slug, territory_a);
    ASSERT_TRUE(adopted.ok()) << adopted.failure().message;
    EXPECT_EQ(adopted.value(), 1);
    auto twice = services::adopt_plan(*db_, &organiser, slug, territory_a);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.failure().kind, FailureKind::conflict);
    // A follow-up is the plan's life, not an adjustment: no draft opens.
    ASSERT_TRUE(services::record_follow_up(*db_, &provider, slug, territory_a, first.value(), {"en_cours", 10, ""}).ok());
    auto after_follow_up = services::open_plan(*db_, &provider, slug, territory_a);
    ASSERT_TRUE(after_follow_up.ok());
    EXPECT_FALSE(after_follow_up->draft.has_value());
    // Adding an action opens draft 2, whose change is that addition.
    auto second = services::save_plan_action(*db_, &provider, slug, territory_a, action("Budget participatif"));
    ASSERT_TRUE(second.ok());
    auto adjusted = services::open_plan(*db_, &provider, slug, territory_a);
    ASSERT_TRUE(adjusted.ok());
    ASSERT_TRUE(adjusted->draft.has_value());
    EXPECT_EQ(adjusted->draft->number, 2);
    EXPECT_EQ(adjusted->adopted->number, 1);
    ASSERT_EQ(adjusted->changes.size(), 1u);
    EXPECT_EQ(adjusted->changes.front().kind, programmes::ChangeKind::added);
    EXPECT_EQ(adjusted->changes.front().title, "Budget participatif");
    EXPECT_EQ(count("SELECT COUNT(*) FROM plan_versions WHERE status = 'adopted'"), 1);
}

TEST_F(ProgrammePlanTest, ATerritoryCannotTouchAnothersPlan) {
    auto id = services::save_plan_action(*db_, &provider, slug, territory_a, action("Former les élus"));
    ASSERT_TRUE(id.ok());
    auto reads = services::open_plan(*db_, &team_b, slug, territory_a);
    ASSERT_FALSE(reads.ok());
    EXPECT_EQ(reads.failure().kind, FailureKind::forbidden);
    auto writes = services::save_plan_action(*db_, &team_b, slug, territory_a, action("Intrus"));
    ASSERT_FALSE(writes.ok());
    EXPECT_EQ(writes.failure().kind, FailureKind::forbidden);
    // An action of A is not found through B's plan.
    auto cross = services::record_follow_up(*db_, &team_b, slug, territory_b, id.value(), {"en_cours", 10, ""});
    ASSERT_FALSE(cross.ok());
    EXPECT_EQ(cross.failure().kind, FailureKind::not_found);
    EXPECT_EQ(count("SELECT COUNT(*) FROM action_follow_ups"), 0);
}

TEST_F(ProgrammePlanTest, TheDashboardShowsStagesActionsByStatusAndOverdueFollowUps) {
    auto a = services::save_plan_action(*db_, &provider, slug, territory_a, action("Former les élus"));
    auto b = services::save_plan_action(*db_, &provider, slug, territory_a, action("Budget participatif"));
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_TRUE(services::record_follow_up(*db_, &provider, slug, territory_a, b.value(), {"en_cours", 20, ""}).ok());
    ASSERT_TRUE(services::adopt_plan(*db_, &organiser, slug, territory_a).ok());
    {
        // Action a has not been followed for ten weeks.
        soci::session sql(db_->pool());
        const long long ten_weeks_ago = store::now_utc_seconds() - 10 * 7 * 24 * 3600;
        sql << "UPDATE plan_actions SET updated_at = :t WHERE id = :id", soci::use(ten_weeks_ago), soci::use(a.value());
    }
    auto o = services::programme_overview(*db_, &organiser, slug);
    ASSERT_TRUE(o.ok());
    ASSERT_TRUE(o->manages);
    EXPECT_EQ(o->action_totals["proposee"], 1);
    EXPECT_EQ(o->action_totals["en_cours"], 1);
    ASSERT_EQ(o->overdue.size(), 1u);
    EXPECT_EQ(o->overdue.front().action_id, a.value());
    for (const auto& t : o->territories) {
        if (t.territory.id == territory_a) {
            EXPECT_EQ(t.stage, "Plan adopté");
            EXPECT_EQ(t.actions, 2);
            EXPECT_EQ(t.overdue, 1);
        } else {
            EXPECT_EQ(t.actions, 0);
        }
    }
    // A provider sees no dashboard.
    auto p = services::programme_overview(*db_, &provider, slug);
    ASSERT_TRUE(p.ok());
    EXPECT_FALSE(p->manages);
    EXPECT_TRUE(p->overdue.empty());
    EXPECT_TRUE(p->action_totals.empty());
}

TEST_F(ProgrammePlanTest, ImportIsAllOrNothingWithAMessagePerLine) {
    auto a = services::save_plan_action(*db_, &provider, slug, territory_a, action("Former les élus"));
    auto other = services::save_plan_action(*db_, &organiser, slug, territory_b, action("Action de B"));
    ASSERT_TRUE(a.ok() && other.ok());
    auto exported = services::territory_actions_table(*db_, &provider, slug, territory_a);
    ASSERT_TRUE(exported.ok());
    auto table = exported.value();
    table.rows[0][1] = "Former les élus et les agents";
    table.rows.push_back({"", "Budget participatif", "projet_phare", "2,3", "cooperer", "", "", "", "", "Avec les jeunes"});
    table.rows.push_back({std::to_string(other.value()), "Détournée", "formation", "1", "", "", "", "", "", ""});
    table.rows.push_back({"", "Sans type", "", "1", "", "", "", "", "", ""});
    auto refused = services::import_territory_actions(*db_, &provider, slug, territory_a, spreadsheet::to_csv(table));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().fields.size(), 2u);
    EXPECT_EQ(refused.failure().fields.count("ligne_0004"), 1u);  // B's action
    EXPECT_EQ(refused.failure().fields.count("ligne_0005"), 1u);  // no kind
    EXPECT_EQ(count("SELECT COUNT(*) FROM plan_actions WHERE territory_id = " + std::to_string(territory_a)), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM plan_actions WHERE title = 'Former les élus'"), 1);
    table.rows.pop_back();
    table.rows.pop_back();
    auto imported = services::import_territory_actions(*db_, &provider, slug, territory_a, spreadsheet::to_csv(table));
    ASSERT_TRUE(imported.ok()) << imported.failure().message;
    EXPECT_EQ(imported.value(), 2);
    auto plan = services::open_plan(*db_, &provider, slug, territory_a);
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->actions.size(), 2u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM plan_actions WHERE title = 'Former les élus et les agents'"), 1);
    // B's team cannot export A's actions; only the ANCT exports the whole programme.
    EXPECT_FALSE(services::territory_actions_table(*db_, &team_b, slug, territory_a).ok());
    EXPECT_FALSE(services::programme_actions_table(*db_, &provider, slug).ok());
    auto all = services::programme_actions_table(*db_, &organiser, slug);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->rows.size(), 3u);
}

// The providers' load on the ANCT's dashboard: the fixture's provider (organisation
// "Cabinet test") is assigned territory A and carries the actions naming it.
TEST_F(ProgrammePlanTest, TheDashboardShowsEachProvidersLoad) {
    auto first = services::save_plan_action(*db_, &provider, slug, territory_a, action("Former les élus"));
    ASSERT_TRUE(first.ok()) << first.failure().message;
    auto shared = action("Coaching des référents");
    shared.providers = "cabinet TEST, Atelier du Changement";
    ASSERT_TRUE(services::save_plan_action(*db_, &provider, slug, territory_a, shared).ok());
    ASSERT_TRUE(services::record_follow_up(*db_, &provider, slug, territory_a, first.value(), {"en_cours", 10, ""}).ok());
    {
        // A follow-up older than the overdue limit.
        soci::session sql(db_->pool());
        sql << "UPDATE plan_actions SET updated_at = updated_at - 10 * 7 * 24 * 3600 WHERE id = :id", soci::use(first.value());
    }
    auto o = services::programme_overview(*db_, &organiser, slug);
    ASSERT_TRUE(o.ok()) << o.failure().message;
    ASSERT_EQ(o->providers.size(), 2u);
    const auto& cabinet = o->providers[0];
    EXPECT_EQ(cabinet.name, "Cabinet test");
    EXPECT_EQ(cabinet.territories, (std::vector<long long>{territory_a}));
    EXPECT_EQ(cabinet.actions, 2);
    EXPECT_EQ(cabinet.open, 2);
    EXPECT_EQ(cabinet.overdue, 1);
    EXPECT_EQ(cabinet.by_status.at("en_cours"), 1);
    EXPECT_EQ(cabinet.by_status.at("proposee"), 1);
    EXPECT_EQ(o->providers[1].name, "Atelier du Changement");
    EXPECT_TRUE(o->providers[1].territories.empty());

    // Nobody but the ANCT sees it.
    auto by_provider = services::programme_overview(*db_, &provider, slug);
    ASSERT_TRUE(by_provider.ok());
    EXPECT_TRUE(by_provider->providers.empty());
}
