// The organiser's selection round, end to end on a real database: applications
// with ranked choices, the proposal with its reasons, pins, exclusions and
// priorities, and the confirmation that writes statuses, seats, waiting lists
// and e-mails in one transaction.
#include "features/cycles/demo/demo_cycles.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/selection/services/selection_rounds.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

using namespace ateliers;
using selection::Reason;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string situation =
    "Notre commune cherche à associer les habitants au projet de réhabilitation du centre-bourg, sans y parvenir "
    "malgré plusieurs réunions publiques peu fréquentées.";

class SelectionRoundsTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto seeded = services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds());
        ASSERT_TRUE(seeded.ok()) << seeded.failure().message;
        deadline_ = store::now_utc_seconds() + 7 * 86400;
        // Two cycles "sur candidature" with the same deadline form one round.
        soci::session sql(db_->pool());
        sql << "UPDATE cycles SET mode = 'application', capacity = 2, registration_opens_at = 0, "
               "registration_closes_at = :d WHERE slug = 'forets-cooperer'",
            soci::use(deadline_);
        sql << "UPDATE cycles SET mode = 'application', capacity = 1, registration_opens_at = 0, "
               "registration_closes_at = :d WHERE slug = 'eau-ressource-rare'",
            soci::use(deadline_);
    }

    void apply(const services::CurrentUser& u, const std::string& slug, const std::string& mandate) {
        services::RegistrationRequest r{slug, u.collectivite_id, {situation, mandate, "Maire adjoint", true, true, true}};
        auto done = services::register_for_cycle(*db_, u, r, mail);
        ASSERT_TRUE(done.ok()) << done.failure().message;
        ASSERT_EQ(done->status, registration::Status::applied);
    }

    void close_round() {
        const long long past = store::now_utc_seconds() - 60;
        soci::session sql(db_->pool());
        sql << "UPDATE cycles SET registration_closes_at = :p WHERE registration_closes_at = :d", soci::use(past),
            soci::use(deadline_);
        deadline_ = past;
    }

    services::RoundProposal propose() {
        auto p = services::propose_round(*db_, deadline_);
        EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.failure().message);
        return p.value();
    }

    std::string status_of(const services::CurrentUser& u, const std::string& slug) {
        soci::session sql(db_->pool());
        std::string status;
        const long long id = u.id;
        sql << "SELECT r.status FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE r.user_id = :u AND "
               "c.slug = :s",
            soci::use(id), soci::use(slug), soci::into(status);
        return status;
    }

    static std::size_t index_of(const services::RoundProposal& p, const services::CurrentUser& u) {
        for (std::size_t i = 0; i < p.applicants.size(); ++i)
            if (p.applicants[i].user_id == u.id) return i;
        ADD_FAILURE() << u.full_name << " is not an applicant";
        return 0;
    }

    static std::size_t cycle_index(const services::RoundProposal& p, const std::string& slug) {
        for (std::size_t k = 0; k < p.cycles.size(); ++k)
            if (p.cycles[k].cycle.slug == slug) return k;
        ADD_FAILURE() << slug << " is not in the round";
        return 0;
    }

    std::int64_t deadline_ = 0;
};

}  // namespace

TEST_F(SelectionRoundsTest, TheRoundGroupsCyclesSurCandidatureWithTheSameDeadline) {
    auto rounds = services::selection_rounds(*db_);
    ASSERT_TRUE(rounds.ok());
    ASSERT_EQ(rounds->size(), 1u);
    EXPECT_EQ(rounds->front().closes_at, deadline_);
    EXPECT_EQ(rounds->front().cycles.size(), 2u);
    EXPECT_FALSE(services::propose_round(*db_, deadline_ + 1).ok());
}

TEST_F(SelectionRoundsTest, ProposesTheOptimumWithCountsAndReasons) {
    const auto small_elu = person("Élise Petit", "commune:01001");      // 860 inhabitants
    const auto colleague = person("Paul Petit", "commune:01001");       // same commune
    const auto city_agent = person("Anne Grand", "commune:13055");      // Marseille
    const auto medium_agent = person("Marc Moyen", "commune:42168");    // Pélussin, 3 727
    apply(small_elu, "forets-cooperer", "elu");
    apply(small_elu, "eau-ressource-rare", "elu");
    apply(colleague, "forets-cooperer", "agent");
    apply(city_agent, "forets-cooperer", "agent");
    apply(medium_agent, "eau-ressource-rare", "agent");
    apply(medium_agent, "forets-cooperer", "agent");

    const auto p = propose();
    ASSERT_EQ(p.applicants.size(), 4u);
    EXPECT_FALSE(p.deadline_passed);
    EXPECT_EQ(p.proven_levels, 5);
    // Three seats, four people, and two of them from one commune: three seats filled.
    EXPECT_EQ(p.objective.filled, 3);
    const auto forets = cycle_index(p, "forets-cooperer");
    const auto eau = cycle_index(p, "eau-ressource-rare");

    // Applications keep their order of choice.
    const auto& medium = p.applicants[index_of(p, medium_agent)];
    ASSERT_EQ(medium.applications.size(), 2u);
    EXPECT_EQ(medium.applications[0].cycle, eau);
    EXPECT_EQ(medium.applications[1].cycle, forets);
    EXPECT_EQ(p.applicants[index_of(p, small_elu)].priority, selection::default_priority("commune_small"));
    EXPECT_EQ(p.applicants[index_of(p, city_agent)].priority, selection::default_priority("commune_xlarge"));

    // The city agent loses to higher priorities; the colleague of the selected élue waits
    // with the reason that only one person per collectivité can sit in a cycle.
    const auto city = index_of(p, city_agent);
    ASSERT_EQ(p.outcomes[city].size(), 1u);
    EXPECT_FALSE(p.outcomes[city][0].selected);
    const auto& elise_outcomes = p.outcomes[index_of(p, small_elu)];
    const auto elise_seat = std::find_if(elise_outcomes.begin(), elise_outcomes.end(), [](auto& o) { return o.selected; });
    ASSERT_NE(elise_seat, elise_outcomes.end());
    if (elise_seat->cycle == forets) {
        EXPECT_EQ(p.outcomes[index_of(p, colleague)][0].reason, Reason::same_collectivite);
        EXPECT_EQ(p.outcomes[city][0].reason, Reason::higher_priority);
    }

    // Counts per cycle: selected and waiting, by mandate.
    int selected = 0;
    for (const auto& c : p.cycles) {
        selected += static_cast<int>(c.selected.size());
        EXPECT_LE(static_cast<long long>(c.selected.size()), c.seats);
        int counted = 0;
        for (const auto& line : c.counts.mandates) counted += line.confirmed;
        EXPECT_EQ(counted, static_cast<int>(c.selected.size()));
    }
    EXPECT_EQ(selected, 3);
    EXPECT_FALSE(p.fingerprint.empty());
}

TEST_F(SelectionRoundsTest, PinsExclusionsAndPrioritiesChangeTheProposal) {
    const auto a = person("Alice", "commune:01001");
    const auto b = person("Bruno", "commune:13055");
    apply(a, "eau-ressource-rare", "agent");
    apply(b, "eau-ressource-rare", "agent");
    auto p = propose();
    const auto eau = cycle_index(p, "eau-ressource-rare");
    ASSERT_EQ(p.cycles[eau].selected.size(), 1u);
    EXPECT_EQ(p.applicants[p.cycles[eau].selected[0]].user_id, a.id);  // small commune first

    const long long eau_id = p.cycles[eau].cycle.id;
    ASSERT_TRUE(services::pin_applicant(*db_, 0, deadline_, b.id, eau_id).ok());
    p = propose();
    EXPECT_EQ(p.applicants[p.cycles[eau].selected[0]].user_id, b.id);
    EXPECT_EQ(p.outcomes[index_of(p, b)][0].reason, Reason::pinned);
    EXPECT_EQ(p.outcomes[index_of(p, a)][0].reason, Reason::seat_pinned);
    EXPECT_EQ(p.outcomes[index_of(p, a)][0].waiting_position, 1);

    ASSERT_TRUE(services::pin_applicant(*db_, 0, deadline_, b.id, 0).ok());
    ASSERT_TRUE(services::set_applicant_priority(*db_, 0, deadline_, b.id, 50).ok());
    p = propose();
    EXPECT_EQ(p.applicants[p.cycles[eau].selected[0]].user_id, b.id);
    EXPECT_TRUE(p.applicants[index_of(p, b)].priority_overridden);
    EXPECT_EQ(p.outcomes[index_of(p, a)][0].reason, Reason::higher_priority);

    ASSERT_TRUE(services::exclude_applicant(*db_, 0, deadline_, b.id, true).ok());
    p = propose();
    EXPECT_EQ(p.applicants[p.cycles[eau].selected[0]].user_id, a.id);
    EXPECT_EQ(p.outcomes[index_of(p, b)][0].reason, Reason::excluded);
    EXPECT_TRUE(p.cycles[eau].waiting.empty());

    EXPECT_FALSE(services::set_applicant_priority(*db_, 0, deadline_, b.id, 500).ok());
    EXPECT_FALSE(services::pin_applicant(*db_, 0, deadline_, a.id, 999999).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'selection.%'"), 4);
}

TEST_F(SelectionRoundsTest, BalanceMinimumsAreTheOrganisersToSet) {
    const auto agent1 = person("Agent Un", "commune:01001");
    const auto agent2 = person("Agent Deux", "commune:42056");
    const auto elu = person("Élu Trois", "commune:13055");
    apply(agent1, "forets-cooperer", "agent");
    apply(agent2, "forets-cooperer", "agent");
    apply(elu, "forets-cooperer", "elu");
    auto p = propose();
    const auto forets = cycle_index(p, "forets-cooperer");
    // Default minimum for 2 seats: a third, rounded as the optimiser does; the two small communes win.
    const long long forets_id = p.cycles[forets].cycle.id;
    ASSERT_TRUE(services::set_cycle_minimums(*db_, 0, deadline_, forets_id, 1, std::nullopt).ok());
    p = propose();
    bool elu_in = false;
    for (const auto i : p.cycles[forets].selected) elu_in |= p.applicants[i].user_id == elu.id;
    EXPECT_TRUE(elu_in);
    EXPECT_EQ(p.objective.balance_deficit, 0);
    EXPECT_FALSE(services::set_cycle_minimums(*db_, 0, deadline_, forets_id, 3, std::nullopt).ok());
}

TEST_F(SelectionRoundsTest, ConfirmingWritesStatusesSeatsWaitingListsAndMailsAtOnce) {
    const auto a = person("Alice", "commune:01001");
    const auto b = person("Bruno", "commune:42056");
    const auto c = person("Chloé", "commune:13055");
    const auto d = person("Driss", "commune:42218");
    const auto e = person("Émile", "commune:69072");
    apply(a, "eau-ressource-rare", "elu");
    apply(a, "forets-cooperer", "elu");
    apply(b, "forets-cooperer", "agent");
    apply(c, "forets-cooperer", "agent");
    apply(c, "eau-ressource-rare", "agent");
    apply(d, "forets-cooperer", "agent");
    apply(e, "eau-ressource-rare", "agent");
    ASSERT_TRUE(services::exclude_applicant(*db_, 0, deadline_, e.id, true).ok());

    auto p = propose();
    auto early = services::confirm_round(*db_, 0, deadline_, p.fingerprint, mail);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.failure().kind, FailureKind::conflict);
    EXPECT_NE(early.failure().message.find("ouvertes"), std::string::npos);

    close_round();
    p = propose();
    auto stale = services::confirm_round(*db_, 0, deadline_, "0000000000000000", mail);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.failure().kind, FailureKind::conflict);
    const auto mails_before = count("SELECT COUNT(*) FROM outbox");

    const auto organiser = person("Organisatrice", "commune:42186");
    auto done = services::confirm_round(*db_, organiser.id, deadline_, p.fingerprint, mail);
    ASSERT_TRUE(done.ok()) << done.failure().message;
    EXPECT_EQ(done->selected, 3);
    // Alice holds one seat; her other choice is closed.
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE status = 'confirmed' AND seat IS NOT NULL AND "
                    "collectivite_slot = collectivite_id"),
              3);
    EXPECT_EQ(status_of(e, "eau-ressource-rare"), "declined");
    int statuses_left_applied = static_cast<int>(count("SELECT COUNT(*) FROM registrations WHERE status = 'applied'"));
    EXPECT_EQ(statuses_left_applied, 0);
    // Every waiting person is in the proposal's order on each list.
    for (const auto& cycle : p.cycles) {
        std::vector<long long> expected;
        for (const auto i : cycle.waiting) expected.push_back(p.applicants[i].user_id);
        std::vector<long long> actual;
        soci::session sql(db_->pool());
        const long long id = cycle.cycle.id;
        soci::rowset<soci::row> rows = (sql.prepare << "SELECT user_id FROM registrations WHERE cycle_id = :c AND "
                                                       "status = 'waiting' ORDER BY arrival, id",
                                        soci::use(id));
        for (const auto& r : rows) actual.push_back(store::as_int(r, 0));
        EXPECT_EQ(actual, expected) << cycle.cycle.slug;
    }
    // One e-mail per applicant, whatever the outcome.
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox") - mails_before, 5);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Candidature retenue%'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'selection.confirm'"), 1);

    // Confirmed, the round has nobody left to select.
    p = propose();
    EXPECT_TRUE(p.applicants.empty());
}

TEST_F(SelectionRoundsTest, ApplicantsReorderTheirChoices) {
    const auto a = person("Alice", "commune:01001");
    apply(a, "forets-cooperer", "agent");
    apply(a, "eau-ressource-rare", "agent");
    auto mine = services::my_registrations(*db_, a.id, store::now_utc_seconds());
    ASSERT_TRUE(mine.ok());
    long long second = 0;
    for (const auto& r : mine.value()) {
        EXPECT_EQ(r.round_choices, 2);
        if (r.cycle_slug == "eau-ressource-rare") {
            EXPECT_EQ(r.choice_number, 2);
            second = r.id;
        }
    }
    ASSERT_TRUE(services::move_choice_up(*db_, a.id, second).ok());
    const auto p = propose();
    ASSERT_EQ(p.applicants.size(), 1u);
    EXPECT_EQ(p.cycles[p.applicants[0].applications[0].cycle].cycle.slug, "eau-ressource-rare");
    const auto other = person("Intrus", "commune:13055");
    EXPECT_FALSE(services::move_choice_up(*db_, other.id, second).ok());
}
