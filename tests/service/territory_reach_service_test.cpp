// The agency's reach across the four kinds of work: one commune of an EPCI (Pélussin, in
// the CC du Pilat Rhodanien) took part in a cycle, an event, a programme (the demo's) and
// a project; the territory page of the commune and of its EPCI, and the report's
// "collectivités touchées".
#include <set>

#include "features/events/demo/demo_events.hpp"
#include "features/programmes/demo/demo_programmes.hpp"
#include "features/cycles/demo/demo_cycles.hpp"
#include "features/events/services/event_reach.hpp"
#include "features/programmes/services/programme_reach.hpp"
#include "features/projects/services/project_reach.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/reports/services/agency_reach.hpp"
#include "features/running/services/cycle_reach.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class TerritoryReachTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto seeded = services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds());
        ASSERT_TRUE(seeded.ok()) << seeded.failure().message;
        auto events = services::seed_demo_events(*db_, services::default_demo_events_path(), store::now_utc_seconds());
        ASSERT_TRUE(events.ok()) << events.failure().message;
        auto programmes = services::seed_demo_programmes(*db_);
        ASSERT_TRUE(programmes.ok()) << programmes.failure().message;
        const auto agent = person("zephyrine.quellec", "commune:42168");
        auto reg = services::register_for_cycle(
            *db_, agent,
            {"forets-cooperer", "commune:42168",
             {"Notre forêt communale est au cœur de conflits d’usage entre chasseurs et randonneurs.", "agent", "DGS",
              true, true, true}},
            mail);
        ASSERT_TRUE(reg.ok()) << reg.failure().message;
        soci::session sql(db_->pool());
        const long long now = store::now_utc_seconds();
        const long long r = reg->registration_id;
        sql << "UPDATE registrations SET status = 'confirmed' WHERE id = :r", soci::use(r);
        long long session_id = 0;
        sql << "SELECT s.id FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id "
               "WHERE c.slug = 'forets-cooperer' AND s.number = 1",
            soci::into(session_id);
        sql << "INSERT INTO attendance (session_id, registration_id, status, recorded_at) VALUES (:s, :r, 'present', :t)",
            soci::use(session_id), soci::use(r), soci::use(now);
        sql << "INSERT INTO action_leads (registration_id, session_id, body, created_at, updated_at) "
               "VALUES (:r, :s, 'Réunir chasseurs et randonneurs avant l’été', :t, :t2)",
            soci::use(r), soci::use(session_id), soci::use(now), soci::use(now);

        long long event_id = 0;
        sql << "SELECT id FROM events WHERE slug = 'journees-des-territoires'", soci::into(event_id);
        long long event_registration = 0;
        sql << "INSERT INTO event_registrations (event_id, user_id, organisation, organisation_kind, collectivite_id, "
               "function_title, attendance, status, seat, arrival, created_at, updated_at) "
               "VALUES (:e, :u, 'Mairie de Pélussin', 'collectivite', 'commune:42168', 'DGS', 'in_person', "
               "'confirmed', 9999, :a, :c, :m) RETURNING id",
            soci::use(event_id), soci::use(agent.id), soci::use(now), soci::use(now), soci::use(now),
            soci::into(event_registration);
        sql << "INSERT INTO event_checkins (registration_id, checked_in_at) VALUES (:r, :t)",
            soci::use(event_registration), soci::use(now);

        long long project = 0;
        sql << "INSERT INTO projects (title, territory_id, summary, question_set, created_at) "
               "VALUES ('Forêt partagée', 'commune:42168', '', 'livrables-v1', :t) RETURNING id",
            soci::use(now), soci::into(project);
        sql << "INSERT INTO project_deliverables (project_id, number, state, updated_at) VALUES "
               "(:p, 1, 'valide', :t)",
            soci::use(project), soci::use(now);
        sql << "INSERT INTO project_deliverables (project_id, number, state, updated_at) VALUES "
               "(:p, 2, 'draft', :t)",
            soci::use(project), soci::use(now);
        sql << "INSERT INTO project_members (project_id, email, role, created_at) VALUES (:p, :e, 'team', :t)",
            soci::use(project), soci::use(agent.email), soci::use(now);
    }

    std::vector<services::ReachSectionSource> sections() {
        return {services::cycle_report_section,
                [](soci::session& sql, const modules::ReportPeriod& p) { return services::event_report_section(sql, p); },
                services::programme_report_section, services::project_report_section};
    }
    std::vector<services::ReachActivitySource> activities() {
        return {services::cycle_territory_activity, services::event_territory_activity,
                services::programme_territory_activity, services::project_territory_activity};
    }

    const reports::TerritoryGroup* group(const services::TerritoryPage& page, const std::string& kind) {
        for (const auto& g : page.overview.groups)
            if (g.kind == kind) return &g;
        return nullptr;
    }

    static bool mentions(const std::vector<std::string>& texts, const std::string& needle) {
        for (const auto& t : texts)
            if (t.find(needle) != std::string::npos) return true;
        return false;
    }
};

}  // namespace

TEST_F(TerritoryReachTest, TheCommunePageShowsTheFourKindsOfWorkWithPeopleAndOutcomes) {
    auto page = services::territory_page(*db_, activities(), "42168");
    ASSERT_TRUE(page.ok()) << page.failure().message;
    ASSERT_TRUE(page.value().has_value());
    const auto& p = *page.value();
    EXPECT_EQ(p.collectivite.id, "commune:42168");
    EXPECT_TRUE(p.members.empty());

    const auto* cycles = group(p, "cycle");
    ASSERT_NE(cycles, nullptr);
    ASSERT_EQ(cycles->lines.size(), 1u);
    const auto& cycle = cycles->lines[0].participation;
    EXPECT_TRUE(mentions(cycle.people, "zephyrine.quellec"));
    EXPECT_TRUE(mentions(cycle.outcomes, "présent(e) à 1 séance(s)"));
    EXPECT_TRUE(mentions(cycle.outcomes, "Réunir chasseurs et randonneurs avant l’été"));
    EXPECT_EQ(cycles->lines[0].where, "");  // the page's own collectivité

    const auto* events = group(p, "event");
    ASSERT_NE(events, nullptr);
    ASSERT_EQ(events->lines.size(), 1u);
    EXPECT_TRUE(mentions(events->lines[0].participation.people, "zephyrine.quellec (DGS) – présent(e)"));
    EXPECT_TRUE(mentions(events->lines[0].participation.outcomes, "1 inscrit(s), 1 présent(s)"));

    const auto* programmes = group(p, "programme");
    ASSERT_NE(programmes, nullptr);
    EXPECT_GE(programmes->lines.size(), 1u);
    EXPECT_TRUE(mentions(programmes->lines[0].participation.outcomes, "action(s) au plan"));

    const auto* projects = group(p, "project");
    ASSERT_NE(projects, nullptr);
    ASSERT_EQ(projects->lines.size(), 1u);
    EXPECT_EQ(projects->lines[0].participation.offer, "Forêt partagée");
    EXPECT_TRUE(mentions(projects->lines[0].participation.outcomes, "1 livrable(s) validé(s) sur 3"));
    EXPECT_TRUE(mentions(projects->lines[0].participation.outcomes, "Note de cadrage"));
    EXPECT_TRUE(mentions(projects->lines[0].participation.people, "zephyrine.quellec"));
}

TEST_F(TerritoryReachTest, TheEpciPageGathersItsMemberCommunesAndSaysWhichOne) {
    auto page = services::territory_page(*db_, activities(), "244200895");
    ASSERT_TRUE(page.ok()) << page.failure().message;
    ASSERT_TRUE(page.value().has_value());
    const auto& p = *page.value();
    EXPECT_EQ(p.collectivite.kind, "epci");
    ASSERT_GE(p.members.size(), 2u);  // Chavanay, Pélussin
    for (const auto* kind : {"cycle", "event", "programme", "project"}) {
        const auto* g = group(p, kind);
        ASSERT_NE(g, nullptr) << kind;
        bool from_pelussin = false;
        for (const auto& l : g->lines) from_pelussin |= l.where == "Pélussin";
        EXPECT_TRUE(from_pelussin) << kind;
    }
    // The demo programme accompanies the EPCI itself too: that line names no commune.
    bool own = false;
    for (const auto& l : group(p, "programme")->lines) own |= l.where.empty();
    EXPECT_TRUE(own);
}

TEST_F(TerritoryReachTest, AnUnknownCodeIsNotFound) {
    auto page = services::territory_page(*db_, activities(), "00000");
    ASSERT_TRUE(page.ok()) << page.failure().message;
    EXPECT_FALSE(page.value().has_value());
    auto odd = services::territory_page(*db_, activities(), "region-zz'");
    ASSERT_TRUE(odd.ok());
    EXPECT_FALSE(odd.value().has_value());
}

TEST_F(TerritoryReachTest, TheReportCountsCollectivitesReachedAcrossTheFourKindsOnce) {
    auto reach = services::agency_reach(*db_, sections(), {});
    ASSERT_TRUE(reach.ok()) << reach.failure().message;
    const auto& r = reach->reached;
    ASSERT_EQ(r.by_work.size(), 4u);
    for (const auto& w : r.by_work) EXPECT_GE(w.count, 1) << w.label;
    // Pélussin counts once although it took part in all four.
    std::set<std::string> all;
    for (const auto& s : reach->sections) all.insert(s.reached.begin(), s.reached.end());
    EXPECT_EQ(r.total, static_cast<int>(all.size()));
    EXPECT_TRUE(all.count("commune:42168"));
    EXPECT_TRUE(all.count("epci:244200895"));
    // Chavanay took part in nothing: covered through its EPCI, counted apart.
    EXPECT_FALSE(all.count("commune:42056"));
    EXPECT_EQ(r.communes_through_epci, 1);

    const auto& events = reach->sections[1];
    EXPECT_EQ(events.id, "evenements");
    EXPECT_FALSE(events.figures.empty());
    const auto& projects = reach->sections[3];
    ASSERT_FALSE(projects.tables.empty());
    EXPECT_EQ(projects.tables[0].rows[1][0], "Note de cadrage");
    EXPECT_NE(projects.tables[0].rows[1][1], "0");

    const auto tables = services::reach_tables(reach.value());
    ASSERT_FALSE(tables.empty());
    EXPECT_EQ(tables[0].sheet_name, "Collectivités touchées");
}

TEST_F(TerritoryReachTest, APeriodWithNothingInItReachesNoOne) {
    // January 1990: before every cycle, event, programme year and project.
    auto reach = services::agency_reach(*db_, sections(), {631152000, 633830400});
    ASSERT_TRUE(reach.ok()) << reach.failure().message;
    EXPECT_EQ(reach->reached.total, 0);
    EXPECT_EQ(reach->reached.communes_through_epci, 0);
}

TEST_F(TerritoryReachTest, ACodeIsReadAsTheReferentialStoresIt) {
    soci::session sql(db_->pool());
    const auto id_of = [&](const std::string& code) {
        const auto c = store::find_collectivite_by_code(sql, code);
        return c ? c->id : std::string("(aucune)");
    };
    EXPECT_EQ(id_of("42168"), "commune:42168");         // INSEE code
    EXPECT_EQ(id_of("214201683"), "commune:42168");     // the commune's SIREN
    EXPECT_EQ(id_of("244200895"), "epci:244200895");    // the EPCI's SIREN
    EXPECT_EQ(id_of("42"), "departement:42");           // a département before a région
    EXPECT_EQ(id_of("region-84"), "region:84");
    EXPECT_EQ(id_of(" 42168 "), "commune:42168");
    EXPECT_EQ(id_of("commune-00000"), "(aucune)");
    EXPECT_EQ(id_of(""), "(aucune)");
    EXPECT_EQ(store::epci_member_communes(sql, "epci:244200895").size(), 2u);
}
