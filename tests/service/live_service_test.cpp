#include <algorithm>

#include "features/cycles/services/cycle_admin.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/running/services/session_plans.hpp"
#include "test_database.hpp"
#include "platform/http/failure_status.hpp"

using namespace ateliers;
using session_plan::Transition;

namespace {

const services::MailContext mail{"https://ateliers.example"};
constexpr long long t0 = 1'900'000'000'000;  // ms
constexpr long long minute = 60'000;

class LiveServiceTest : public test_support::DatabaseTest {
protected:
    services::CurrentUser organiser_, facilitator_, outsider_;
    services::CurrentUser client_, member_, other_member_, loner_;
    std::string slug_;
    long long cycle_id_ = 0;
    std::vector<long long> sessions_;  // ids, by number

    void SetUp() override {
        DatabaseTest::SetUp();
        organiser_ = add_user("orga@anct.gouv.fr", "Omar Organisateur", {"participant", "organiser"});
        auto made = make_cycle();
        ASSERT_TRUE(made) << made.failure().message;
        facilitator_ = add_user("anim@exemple.fr", "Fanny Animatrice", {"participant", "facilitator:" + std::to_string(cycle_id_)});
        outsider_ = add_user("autre@exemple.fr", "Oscar Ailleurs", {"participant"});
        client_ = add_user("claire@exemple.fr", "Claire Cliente", {"participant"});
        member_ = add_user("marc@exemple.fr", "Marc Membre", {"participant"});
        other_member_ = add_user("nina@exemple.fr", "Nina Membre", {"participant"});
        loner_ = add_user("leo@exemple.fr", "Léo Seul", {"participant"});
        for (const auto* p : {&client_, &member_, &other_member_, &loner_}) enrol(*p);
    }

    services::CurrentUser add_user(const std::string& email, const std::string& name,
                                   std::vector<std::string> roles) {
        soci::session sql(db_->pool());
        long long id = 0;
        const long long now = store::now_utc_seconds();
        sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
               "confirmed_at, created_at) VALUES (:e, 'x', :n, 'commune:42168', 'Maire', 'elu', :t1, :t2) RETURNING id",
            soci::use(email), soci::use(name), soci::use(now), soci::use(now), soci::into(id);
        services::CurrentUser u;
        u.id = id;
        u.email = email;
        u.full_name = name;
        u.roles = std::move(roles);
        return u;
    }

    Status make_cycle() {
        services::CycleInput in;
        in.title = "Mobilités rurales";
        in.theme = "Mobilités";
        in.summary = "Se déplacer sans voiture dans les petites communes.";
        in.sessions = {{"", "2030-03-07", "14:00", "16:00", "https://visio.example/salle"},
                       {"", "2030-03-21", "14:00", "16:00", ""}};
        auto saved = services::create_cycle(*db_, organiser_.id, in, mail);
        if (!saved) return saved.failure();
        slug_ = saved->slug;
        cycle_id_ = saved->id;
        soci::session sql(db_->pool());
        soci::rowset<long long> ids =
            (sql.prepare << "SELECT id FROM cycle_sessions WHERE cycle_id = :c ORDER BY number", soci::use(cycle_id_));
        for (auto id : ids) sessions_.push_back(id);
        return Done{};
    }

    // Confirmed registrations, straight in the table: these tests are about what comes after.
    void enrol(const services::CurrentUser& u) {
        soci::session sql(db_->pool());
        const long long now = store::now_utc_seconds();
        sql << "INSERT INTO registrations (cycle_id, user_id, collectivite_id, mandate, function_title, situation, "
               "status, arrival, created_at, updated_at) VALUES (:c, :u, 'commune:42168', 'elu', 'Maire', 'Ma "
               "situation', 'confirmed', :a, :t1, :t2)",
            soci::use(cycle_id_), soci::use(u.id), soci::use(now), soci::use(now), soci::use(now);
    }

    long long registration_of(const services::CurrentUser& u) {
        return count("SELECT id FROM registrations WHERE user_id = " + std::to_string(u.id));
    }

    // Group 1: Claire (client), Marc, Nina. Léo in no group.
    void plan_groups(long long session_id) {
        soci::session sql(db_->pool());
        for (const auto& [who, client] : std::vector<std::pair<services::CurrentUser, int>>{
                 {client_, 1}, {member_, 0}, {other_member_, 0}}) {
            const long long reg = registration_of(who);
            sql << "INSERT INTO session_groups (session_id, registration_id, group_number, is_client) VALUES "
                   "(:s, :r, 1, :c)",
                soci::use(session_id), soci::use(reg), soci::use(client);
        }
    }

    Result<services::TransitionOutcome> go(Transition t, long long at, int number = 1,
                                           const services::CurrentUser* who = nullptr) {
        return services::apply_live_transition(*db_, who ? *who : facilitator_, slug_, number, t, at);
    }

    // Runs session `number` up to the phase with that key.
    void advance_to(const std::string& key, int number = 1) {
        ASSERT_TRUE(go(Transition::start, t0, number).ok());
        const auto phases = services::session_plan(*db_, facilitator_, slug_, number)->phases;
        for (std::size_t i = 0; phases[i].key != key; ++i) ASSERT_TRUE(go(Transition::next, t0 + minute, number).ok());
    }

    long long version_of(long long session_id) {
        return count("SELECT version FROM live_states WHERE session_id = " + std::to_string(session_id));
    }
};

}  // namespace

TEST_F(LiveServiceTest, ThePlanIsCopiedFromTheDefaultTemplateOnFirstUseAndCanBeEdited) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_plans"), 0);
    auto p = services::session_plan(*db_, facilitator_, slug_, 1);
    ASSERT_TRUE(p.ok()) << p.failure().message;
    ASSERT_EQ(p->phases.size(), 9u);
    EXPECT_EQ(p->phases[0].title, "Accueil et météo");
    EXPECT_EQ(p->phases[5].key, "consultation");
    EXPECT_EQ(session_plan::total_minutes(p->phases), 120);
    EXPECT_EQ(p->duration_warning, "") << "the default plan fills a 2 h session";
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_plans"), 1);

    auto phases = p->phases;
    phases.erase(phases.begin() + 1);  // no éclairage: 20 minutes left
    phases[0].title = "Météo";
    phases.push_back({"", "Pot de clôture", 5, false});
    auto saved = services::save_session_plan(*db_, facilitator_, slug_, 1, phases);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;
    EXPECT_EQ(saved->phases.size(), 9u);
    EXPECT_EQ(saved->phases[0].title, "Météo");
    EXPECT_EQ(saved->phases.back().key, "etape-1");
    EXPECT_EQ(saved->duration_warning,
              "Le plan dure 1 h 45 alors que la séance dure 2 h : il reste 15 min sans étape.");
    EXPECT_EQ(version_of(sessions_[0]), 1) << "pages showing the session learn the new plan";
    // The other session and the template are untouched.
    EXPECT_EQ(services::session_plan(*db_, facilitator_, slug_, 2)->phases[0].title, "Accueil et météo");

    phases[2].minutes = 0;
    phases[3].title = " ";
    auto refused = services::save_session_plan(*db_, facilitator_, slug_, 1, phases);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().fields.size(), 2u);
    EXPECT_TRUE(refused.failure().fields.count("phase_minutes_2"));
    EXPECT_EQ(services::session_plan(*db_, facilitator_, slug_, 1)->phases[0].title, "Météo") << "nothing saved";

    auto reset = services::reset_session_plan(*db_, facilitator_, slug_, 1, "");
    ASSERT_TRUE(reset.ok());
    EXPECT_EQ(reset->phases.size(), 9u);
    EXPECT_EQ(reset->phases[0].title, "Accueil et météo");
    EXPECT_FALSE(services::reset_session_plan(*db_, facilitator_, slug_, 1, "inconnu").ok());
}

TEST_F(LiveServiceTest, TransitionsMoveThroughThePlanAndBumpTheVersion) {
    auto started = go(Transition::start, t0);
    ASSERT_TRUE(started.ok()) << started.failure().message;
    EXPECT_EQ(started->version, 1);
    EXPECT_EQ(started->state.phase_index, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM session_plans"), 1) << "starting copies the plan";

    auto paused = go(Transition::pause, t0 + 2 * minute);
    ASSERT_TRUE(paused.ok());
    EXPECT_EQ(paused->version, 2);
    auto wrong = go(Transition::pause, t0 + 3 * minute);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.failure().kind, FailureKind::conflict);
    EXPECT_EQ(wrong.failure().message, "La séance est déjà en pause.");
    EXPECT_EQ(version_of(sessions_[0]), 2) << "a refused transition changes nothing";

    ASSERT_TRUE(go(Transition::resume, t0 + 5 * minute).ok());
    auto feed = services::load_session_feed(*db_, sessions_[0]);
    ASSERT_TRUE(feed.ok());
    EXPECT_EQ(feed->version, 3);
    EXPECT_EQ(feed->state.paused_total_ms, 3 * minute);
    EXPECT_EQ(session_plan::timing(feed->phases, feed->state, t0 + 10 * minute).remaining_ms, 8 * minute);

    ASSERT_TRUE(go(Transition::next, t0 + 16 * minute).ok());
    ASSERT_TRUE(go(Transition::previous, t0 + 17 * minute).ok());
    auto ended = go(Transition::end, t0 + 18 * minute);
    ASSERT_TRUE(ended.ok());
    EXPECT_EQ(ended->version, 6);
    EXPECT_EQ(session_plan::stage_of(ended->state, 9), session_plan::Stage::ended);
    EXPECT_EQ(version_of(sessions_[1]), 0) << "the other session is untouched";
}

TEST_F(LiveServiceTest, OnlyTheFacilitationTeamRunsASession) {
    for (const auto* who : {&outsider_, &client_}) {
        auto refused = go(Transition::start, t0, 1, who);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.failure().kind, FailureKind::forbidden);
        auto plan = services::save_session_plan(*db_, *who, slug_, 1, {{"a", "Tout", 120, false}});
        ASSERT_FALSE(plan.ok());
        EXPECT_EQ(plan.failure().kind, FailureKind::forbidden);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM live_states"), 0);
    EXPECT_TRUE(go(Transition::start, t0, 1, &organiser_).ok()) << "organisers may run any session";
    EXPECT_EQ(web::http_status(go(Transition::start, t0, 7).failure()), 404);

    // The cycle's named facilitator, linked to an account, may too.
    auto linked = add_user("lien@exemple.fr", "Lina Liée", {"participant"});
    {
        soci::session sql(db_->pool());
        long long fid = 0;
        sql << "INSERT INTO facilitators (slug, full_name, bio, user_id) VALUES ('lina', 'Lina Liée', '', :u) "
               "RETURNING id",
            soci::use(linked.id), soci::into(fid);
        sql << "UPDATE cycles SET facilitator_id = :f WHERE id = :c", soci::use(fid), soci::use(cycle_id_);
    }
    EXPECT_TRUE(go(Transition::pause, t0 + minute, 1, &linked).ok());
}

TEST_F(LiveServiceTest, TheLivePageIsForConfirmedParticipantsAndTheTeam) {
    auto mine = services::live_viewer(*db_, member_, sessions_[0]);
    ASSERT_TRUE(mine.ok());
    EXPECT_EQ(mine->registration_id, registration_of(member_));
    EXPECT_FALSE(mine->facilitator);
    auto team = services::live_viewer(*db_, facilitator_, sessions_[0]);
    ASSERT_TRUE(team.ok());
    EXPECT_TRUE(team->facilitator);
    EXPECT_EQ(team->registration_id, 0);
    auto refused = services::live_viewer(*db_, outsider_, sessions_[0]);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::forbidden);
    {
        soci::session sql(db_->pool());
        const long long reg = registration_of(member_);
        sql << "UPDATE registrations SET status = 'cancelled' WHERE id = :r", soci::use(reg);
    }
    EXPECT_EQ(web::http_status(services::live_viewer(*db_, member_, sessions_[0]).failure()), 403) << "cancelled: no access";
}

TEST_F(LiveServiceTest, IdeasArePostedByGroupMembersDuringTheConsultationOnly) {
    const long long session = sessions_[0];
    plan_groups(session);
    auto too_early = services::post_idea(*db_, member_, session, "Un covoiturage solidaire", t0);
    ASSERT_FALSE(too_early.ok());
    EXPECT_EQ(too_early.failure().kind, FailureKind::conflict) << "not started";

    advance_to("contrat");
    EXPECT_EQ(web::http_status(services::post_idea(*db_, member_, session, "Idée", t0).failure()), 409);
    ASSERT_TRUE(go(Transition::next, t0 + 30 * minute).ok());  // consultation
    const long long before = version_of(session);
    auto posted = services::post_idea(*db_, member_, session, "  Un covoiturage solidaire avec la mairie  ", t0);
    ASSERT_TRUE(posted.ok()) << posted.failure().message;
    EXPECT_EQ(version_of(session), before + 1) << "the client's page is told";

    EXPECT_EQ(web::http_status(services::post_idea(*db_, client_, session, "À moi-même", t0).failure()), 403);
    EXPECT_EQ(web::http_status(services::post_idea(*db_, loner_, session, "Sans groupe", t0).failure()), 403);
    EXPECT_EQ(web::http_status(services::post_idea(*db_, outsider_, session, "Intrus", t0).failure()), 403);
    EXPECT_EQ(web::http_status(services::post_idea(*db_, member_, session, "   ", t0).failure()), 422);
    EXPECT_EQ(web::http_status(services::post_idea(*db_, member_, session, std::string(501, 'a'), t0).failure()), 422);
    ASSERT_TRUE(go(Transition::pause, t0 + 40 * minute).ok());
    EXPECT_TRUE(services::post_idea(*db_, other_member_, session, "Pendant la pause", t0).ok());

    auto feed = services::load_session_feed(*db_, session);
    ASSERT_TRUE(feed.ok());
    ASSERT_EQ(feed->groups.size(), 1u);
    ASSERT_EQ(feed->groups[0].posts.size(), 2u);
    EXPECT_EQ(feed->groups[0].posts[0].body, "Un covoiturage solidaire avec la mairie");
    EXPECT_EQ(feed->groups[0].posts[0].author, "Marc Membre");
    EXPECT_EQ(feed->groups[0].members.front().full_name, "Claire Cliente") << "the client first";
    EXPECT_TRUE(feed->groups[0].members.front().is_client);

    ASSERT_TRUE(go(Transition::next, t0 + 50 * minute).ok());  // synthèse
    EXPECT_EQ(web::http_status(services::post_idea(*db_, member_, session, "Trop tard", t0).failure()), 409);
}

TEST_F(LiveServiceTest, TheClientRecordsLeadsFromTheSynthesisAndFollowsThemUp) {
    const long long session = sessions_[0];
    plan_groups(session);
    advance_to("consultation");
    auto early = services::record_action_lead(*db_, client_, session, "Réunir les employeurs", t0);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.failure().kind, FailureKind::conflict);
    ASSERT_TRUE(go(Transition::next, t0 + 60 * minute).ok());  // synthèse

    EXPECT_EQ(web::http_status(services::record_action_lead(*db_, member_, session, "Pas le client", t0).failure()), 403);
    auto lead = services::record_action_lead(*db_, client_, session, "Réunir les employeurs du bourg", t0);
    ASSERT_TRUE(lead.ok()) << lead.failure().message;
    auto feed = services::load_session_feed(*db_, session);
    ASSERT_EQ(feed->leads.size(), 1u);
    EXPECT_EQ(feed->leads[0].registration_id, registration_of(client_));

    auto mine = services::my_action_leads(*db_, client_.id);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->front().status, "open");
    EXPECT_EQ(mine->front().session_number, 1);
    EXPECT_EQ(mine->front().cycle_title, "Mobilités rurales");

    ASSERT_TRUE(services::update_action_lead(*db_, client_, lead.value(), "in_progress", "Première réunion en avril")
                    .ok());
    EXPECT_EQ(web::http_status(services::update_action_lead(*db_, client_, lead.value(), "finie", "").failure()), 422);
    EXPECT_EQ(web::http_status(services::update_action_lead(*db_, member_, lead.value(), "done", "").failure()), 404)
        << "someone else's lead";
    mine = services::my_action_leads(*db_, client_.id);
    EXPECT_EQ(mine->front().status, "in_progress");
    EXPECT_EQ(mine->front().progress_note, "Première réunion en avril");
    EXPECT_EQ(services::lead_status_label("in_progress"), "En cours");

    // Shown again at the next session ("Où en êtes-vous ?"), not at the same one.
    auto next = services::earlier_action_leads(*db_, client_.id, sessions_[1]);
    ASSERT_TRUE(next.ok());
    ASSERT_EQ(next->size(), 1u);
    EXPECT_EQ(next->front().body, "Réunir les employeurs du bourg");
    EXPECT_TRUE(services::earlier_action_leads(*db_, client_.id, session)->empty());
    EXPECT_TRUE(services::earlier_action_leads(*db_, member_.id, sessions_[1])->empty());
}

TEST_F(LiveServiceTest, OrganisersEditTemplatesAndSessionsCopyTheDefaultOne) {
    auto phases = services::find_plan_template(*db_, services::default_plan_template)->phases;
    phases[0].title = "Accueil";
    EXPECT_EQ(services::save_plan_template(*db_, facilitator_, services::default_plan_template, "X", phases)
                  .failure()
                  .kind,
              FailureKind::forbidden);
    ASSERT_TRUE(services::save_plan_template(*db_, organiser_, services::default_plan_template,
                                             "Co-développement (2 h)", phases)
                    .ok());
    EXPECT_EQ(services::session_plan(*db_, facilitator_, slug_, 2)->phases[0].title, "Accueil");
    auto empty_name = services::save_plan_template(*db_, organiser_, services::default_plan_template, " ", phases);
    ASSERT_FALSE(empty_name.ok());
    EXPECT_EQ(empty_name.failure().field, "name");

    auto created = services::create_plan_template(*db_, organiser_, "Séance courte");
    ASSERT_TRUE(created.ok()) << created.failure().message;
    EXPECT_EQ(created.value(), "seance-courte");
    EXPECT_EQ(services::create_plan_template(*db_, organiser_, "Séance courte").value(), "seance-courte-2");
    ASSERT_TRUE(services::save_plan_template(*db_, organiser_, "seance-courte", "Séance courte",
                                             {{"", "Tout en un", 60, true}})
                    .ok());
    auto reset = services::reset_session_plan(*db_, facilitator_, slug_, 1, "seance-courte");
    ASSERT_TRUE(reset.ok());
    ASSERT_EQ(reset->phases.size(), 1u);
    EXPECT_EQ(reset->duration_warning, "Le plan dure 1 h alors que la séance dure 2 h : il reste 1 h sans étape.");
    EXPECT_EQ(services::list_plan_templates(*db_)->front().slug, services::default_plan_template);
}

TEST_F(LiveServiceTest, PhasesCarryInstructionsForParticipants) {
    // Migration 008 fills the default co-development template with instructions.
    const auto codev = services::find_plan_template(*db_, services::default_plan_template)->phases;
    ASSERT_EQ(codev.size(), 9u);
    for (const auto& p : codev) EXPECT_FALSE(p.instructions.empty()) << p.key;
    const auto expose = std::find_if(codev.begin(), codev.end(), [](const auto& p) { return p.key == "expose"; });
    ASSERT_NE(expose, codev.end());
    EXPECT_NE(expose->instructions.find("Le client expose sa situation en 10 minutes"), std::string::npos);

    // A session copies them, the facilitator edits them, and the feed carries them.
    auto plan = services::session_plan(*db_, facilitator_, slug_, 1);
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->phases[0].instructions, codev[0].instructions);
    auto phases = plan->phases;
    phases[0].instructions = "Caméra allumée, un mot chacun sur votre commune.";
    ASSERT_TRUE(services::save_session_plan(*db_, facilitator_, slug_, 1, phases).ok());
    auto feed = services::load_session_feed(*db_, sessions_[0]);
    ASSERT_TRUE(feed.ok());
    EXPECT_EQ(feed->phases[0].instructions, "Caméra allumée, un mot chacun sur votre commune.");

    phases[0].instructions = std::string(601, 'x');
    auto too_long = services::save_session_plan(*db_, facilitator_, slug_, 1, phases);
    ASSERT_FALSE(too_long.ok());
    EXPECT_EQ(too_long.failure().field, "phase_instructions_0");

    // Templates keep them too.
    auto edited = codev;
    edited[1].instructions = "Écoutez l’éclairage, notez vos questions.";
    ASSERT_TRUE(
        services::save_plan_template(*db_, organiser_, services::default_plan_template, "Co-développement (2 h)", edited)
            .ok());
    EXPECT_EQ(services::find_plan_template(*db_, services::default_plan_template)->phases[1].instructions,
              "Écoutez l’éclairage, notez vos questions.");
}
