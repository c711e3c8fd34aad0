// Reports over a database filled by hand: every figure of the cycle report and of
// the dashboard, on SQLite and PostgreSQL.
#include <cmath>

#include "platform/core/paris_time.hpp"
#include "features/reports/services/reports.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t now = 1'900'000'000;  // 2030-03-17: sessions before it are held

class ReportsTest : public test_support::DatabaseTest {
protected:
    long long add_user(const std::string& email, const std::string& collectivite, const std::string& mandate) {
        soci::session sql(db_->pool());
        long long id = 0;
        const std::string name = "Personne " + email;
        sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
               "confirmed_at, created_at) VALUES (:e, 'x', :n, :c, 'Fonction', :m, 1, 1) RETURNING id",
            soci::use(email), soci::use(name), soci::use(collectivite), soci::use(mandate), soci::into(id);
        return id;
    }

    // Returns the cycle id; session ids go to `sessions`.
    long long add_cycle(const std::string& slug, const std::string& status, const std::vector<std::int64_t>& starts,
                        std::vector<long long>* sessions = nullptr) {
        soci::session sql(db_->pool());
        long long id = 0;
        const std::string title = "Cycle " + slug;
        sql << "INSERT INTO cycles (slug, title, theme, summary, description, capacity, mode, status, created_at) "
               "VALUES (:s, :t, 'Thème', 'Résumé', 'Description', 15, 'first_come', :st, 1) RETURNING id",
            soci::use(slug), soci::use(title), soci::use(status), soci::into(id);
        int number = 0;
        for (auto start : starts) {
            ++number;
            long long session = 0;
            const std::int64_t end = start + 7200;
            sql << "INSERT INTO cycle_sessions (cycle_id, number, starts_at, ends_at) VALUES (:c, :n, :s, :e) "
                   "RETURNING id",
                soci::use(id), soci::use(number), soci::use(start), soci::use(end), soci::into(session);
            if (sessions) sessions->push_back(session);
        }
        return id;
    }

    long long enrol(long long cycle, long long user, const std::string& collectivite, const std::string& mandate,
                    const std::string& status) {
        soci::session sql(db_->pool());
        const bool confirmed = status == "confirmed";
        long long seats = 0;
        sql << "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND seat IS NOT NULL", soci::use(cycle),
            soci::into(seats);
        int seat = static_cast<int>(seats) + 1;
        soci::indicator seat_ind = confirmed ? soci::i_ok : soci::i_null;
        std::string slot = collectivite;
        soci::indicator slot_ind = confirmed ? soci::i_ok : soci::i_null;
        long long id = 0;
        sql << "INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate, "
               "function_title, situation, status, seat, arrival, created_at, updated_at) VALUES (:c, :u, :k, :slot, "
               ":m, 'Fonction', 'Situation', :st, :seat, 1, 1, 1) RETURNING id",
            soci::use(cycle), soci::use(user), soci::use(collectivite), soci::use(slot, slot_ind), soci::use(mandate),
            soci::use(status), soci::use(seat, seat_ind), soci::into(id);
        return id;
    }

    void attend(long long session, long long registration, const std::string& status) {
        soci::session sql(db_->pool());
        sql << "INSERT INTO attendance (session_id, registration_id, status, recorded_at) VALUES (:s, :r, :st, 1)",
            soci::use(session), soci::use(registration), soci::use(status);
    }

    void lead(long long registration, long long session, const std::string& status, const std::string& body) {
        soci::session sql(db_->pool());
        sql << "INSERT INTO action_leads (registration_id, session_id, body, status, created_at, updated_at) "
               "VALUES (:r, :s, :b, :st, 1, 1)",
            soci::use(registration), soci::use(session), soci::use(body), soci::use(status);
    }

    void answer(long long registration, int satisfaction, int usefulness, int recommend, const std::string& comment,
                long long at) {
        soci::session sql(db_->pool());
        sql << "INSERT INTO feedback (registration_id, satisfaction, usefulness, would_recommend, comment, "
               "submitted_at) VALUES (:r, :s, :u, :w, :c, :t)",
            soci::use(registration), soci::use(satisfaction), soci::use(usefulness), soci::use(recommend),
            soci::use(comment), soci::use(at);
    }

    // Cycle "alpha": 4 sessions, 2 held; "beta": 2 sessions, both held, earlier;
    // "vide": no one, sessions to come; "brouillon": draft without sessions.
    void fill() {
        std::vector<long long> a, b;
        const auto alpha =
            add_cycle("alpha", "published", {now - 30 * day, now - 16 * day, now + 2 * day, now + 16 * day}, &a);
        const auto beta = add_cycle("beta", "closed", {now - 60 * day, now - 46 * day}, &b);
        add_cycle("vide", "published", {now + 10 * day, now + 24 * day});
        add_cycle("brouillon", "draft", {});

        const auto anne = add_user("anne@pelussin.fr", "commune:42168", "elu");
        const auto bruno = add_user("bruno@chavanay.fr", "commune:42056", "agent");
        const auto chloe = add_user("chloe@marseille.fr", "commune:13055", "elu");
        const auto denis = add_user("denis@saint-denis.re", "commune:97411", "agent");
        const auto emma = add_user("emma@dardilly.fr", "commune:69072", "elu");
        const auto fanny = add_user("fanny@rive-de-gier.fr", "commune:42186", "elu");
        const auto gael = add_user("gael@saint-etienne.fr", "commune:42218", "agent");

        const auto r_anne = enrol(alpha, anne, "commune:42168", "elu", "confirmed");
        const auto r_bruno = enrol(alpha, bruno, "commune:42056", "agent", "confirmed");
        const auto r_chloe = enrol(alpha, chloe, "commune:13055", "elu", "confirmed");
        const auto r_denis = enrol(alpha, denis, "commune:97411", "agent", "confirmed");
        enrol(alpha, emma, "commune:69072", "elu", "waiting");
        const auto r_fanny = enrol(alpha, fanny, "commune:42186", "elu", "cancelled");

        attend(a[0], r_anne, "present");
        attend(a[0], r_bruno, "present");
        attend(a[0], r_chloe, "excused");
        attend(a[0], r_denis, "absent");
        attend(a[0], r_fanny, "present");  // left the cycle since: not counted
        attend(a[1], r_anne, "present");
        attend(a[1], r_bruno, "absent");
        attend(a[1], r_chloe, "present");
        attend(a[1], r_denis, "present");
        attend(a[2], r_bruno, "excused");  // known ahead of a session to come

        lead(r_anne, a[0], "open", "Créer un comité d’usagers");
        lead(r_anne, a[1], "done", "Réunir les commerçants");
        lead(r_bruno, a[1], "in_progress", "Cartographier les acteurs");
        lead(r_fanny, a[0], "dropped", "Idée abandonnée");

        answer(r_anne, 5, 4, 1, "Très utile,\nmerci.", 10);
        answer(r_bruno, 4, 5, 0, "  ", 20);
        answer(r_chloe, 3, 2, 1, "Bien <b>", 30);
        answer(r_fanny, 1, 1, 0, "Parti", 40);  // cancelled: not counted

        const auto r_anne_b = enrol(beta, anne, "commune:42168", "elu", "confirmed");
        const auto r_gael = enrol(beta, gael, "commune:42218", "agent", "confirmed");
        attend(b[0], r_anne_b, "present");
        attend(b[0], r_gael, "present");
        attend(b[1], r_anne_b, "present");
        answer(r_gael, 2, 2, 0, "", 50);
    }

    services::CycleReport report(const std::string& slug) {
        auto r = services::cycle_report(*db_, slug, now);
        EXPECT_TRUE(r.ok()) << r.failure().message;
        EXPECT_TRUE(r.value().has_value());
        return *r.value();
    }

    services::Dashboard board(const std::string& from = "", const std::string& to = "", const std::string& status = "") {
        auto f = services::parse_dashboard_filters(from, to, status);
        EXPECT_TRUE(f.ok()) << f.failure().message;
        auto d = services::dashboard(*db_, f.value(), now);
        EXPECT_TRUE(d.ok()) << d.failure().message;
        return d.value();
    }
};

std::vector<std::pair<std::string, int>> pairs(const std::vector<services::Tally>& lines) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& l : lines) out.emplace_back(l.code, l.count);
    return out;
}

using Pairs = std::vector<std::pair<std::string, int>>;

}  // namespace

TEST_F(ReportsTest, CycleReportCountsConfirmedParticipantsByTerritoryAndMandate) {
    fill();
    const auto r = report("alpha");
    EXPECT_EQ(r.cycle.slug, "alpha");
    EXPECT_EQ(r.confirmed, 4) << "waiting and cancelled registrations are not participants";
    EXPECT_EQ(r.collectivites, 4);
    EXPECT_EQ(r.elus, 2);
    EXPECT_EQ(r.agents, 2);
    EXPECT_DOUBLE_EQ(r.elus_rate, 50);
    EXPECT_EQ(r.priority, 2) << "Pélussin (3 727 hab.) and Chavanay (2 884 hab.)";
    EXPECT_DOUBLE_EQ(r.priority_rate, 50);
    EXPECT_EQ(pairs(r.regions), (Pairs{{"84", 2}, {"04", 1}, {"93", 1}})) << "by name: Auvergne, La Réunion, Provence";
    EXPECT_EQ(r.regions[0].label, "Auvergne-Rhône-Alpes");
    EXPECT_EQ(pairs(r.departements), (Pairs{{"13", 1}, {"42", 2}, {"974", 1}}));
    EXPECT_EQ(r.departements[1].label, "Loire (42)");
    EXPECT_EQ(pairs(r.territory_kinds), (Pairs{{"ruralites", 1}, {"petites_villes", 1}, {"villes", 1}, {"outre_mer", 1}}));
    EXPECT_EQ(pairs(r.size_classes), (Pairs{{"commune_small", 1}, {"commune_medium", 1}, {"commune_xlarge", 2}}));
    EXPECT_EQ(r.size_classes[0].label, "Commune de moins de 3 500 habitants");
    EXPECT_EQ(pairs(r.mandates), (Pairs{{"elu", 2}, {"agent", 2}}));
}

TEST_F(ReportsTest, CycleReportAttendanceCountsHeldSessionsAndConfirmedParticipantsOnly) {
    fill();
    const auto r = report("alpha");
    ASSERT_EQ(r.sessions.size(), 4u);
    EXPECT_EQ(r.sessions_held, 2);
    const auto& s1 = r.sessions[0];
    EXPECT_TRUE(s1.held);
    EXPECT_EQ(s1.number, 1);
    EXPECT_EQ(s1.present, 2) << "the cancelled registration's presence is left out";
    EXPECT_EQ(s1.excused, 1);
    EXPECT_EQ(s1.absent, 1);
    EXPECT_EQ(s1.unrecorded, 0);
    EXPECT_DOUBLE_EQ(s1.rate, 50);
    EXPECT_EQ(r.sessions[1].present, 3);
    EXPECT_DOUBLE_EQ(r.sessions[1].rate, 75);
    const auto& s3 = r.sessions[2];
    EXPECT_FALSE(s3.held);
    EXPECT_EQ(s3.excused, 1);
    EXPECT_EQ(s3.unrecorded, 3);
    EXPECT_DOUBLE_EQ(s3.rate, 0) << "no rate for a session to come";
    EXPECT_EQ(r.sessions[3].unrecorded, 4);
    EXPECT_DOUBLE_EQ(r.attendance_rate, 100.0 * 5 / 8);
}

TEST_F(ReportsTest, CycleReportLeadsAndSatisfaction) {
    fill();
    const auto r = report("alpha");
    EXPECT_EQ(r.leads, 4) << "leads recorded during the cycle, also by someone who left";
    EXPECT_EQ(pairs(r.lead_statuses), (Pairs{{"open", 1}, {"in_progress", 1}, {"done", 1}, {"dropped", 1}}));
    EXPECT_EQ(r.lead_statuses[2].label, "Réalisée");
    ASSERT_EQ(r.lead_list.size(), 4u);
    EXPECT_EQ(r.lead_list[0].session_number, 1);
    EXPECT_EQ(r.lead_list[0].body, "Créer un comité d’usagers");
    EXPECT_EQ(r.lead_list[0].collectivite, "Pélussin (42) – commune");
    EXPECT_EQ(r.lead_list[3].session_number, 2);
    EXPECT_EQ(r.lead_list[3].status_label, "En cours");

    EXPECT_FALSE(r.satisfaction.open) << "alpha has sessions to come: no questionnaire yet";
    EXPECT_DOUBLE_EQ(r.satisfaction.response_rate, 0);
    // Once its last session is over, the questionnaire is open and the rate counts.
    auto ended = services::cycle_report(*db_, "alpha", now + 20 * day);
    ASSERT_TRUE(ended.ok() && ended.value());
    const auto& s = ended.value()->satisfaction;
    EXPECT_TRUE(s.open);
    EXPECT_EQ(s.responses, 3) << "the cancelled registration's answer is left out";
    EXPECT_DOUBLE_EQ(s.response_rate, 75);
    EXPECT_DOUBLE_EQ(s.satisfaction_avg, 4.0);
    EXPECT_DOUBLE_EQ(s.usefulness_avg, 11.0 / 3);
    EXPECT_EQ(s.satisfaction_counts, (std::array<int, 5>{0, 0, 1, 1, 1}));
    EXPECT_EQ(s.usefulness_counts, (std::array<int, 5>{0, 1, 0, 1, 1}));
    EXPECT_EQ(s.recommend, 2);
    EXPECT_DOUBLE_EQ(s.recommend_rate, 200.0 / 3);
    EXPECT_EQ(s.comments, (std::vector<std::string>{"Très utile,\nmerci.", "Bien <b>"})) << "blank ones left out";
}

TEST_F(ReportsTest, EmptyCycleGivesZerosNotNaN) {
    fill();
    const auto r = report("vide");
    EXPECT_EQ(r.confirmed, 0);
    EXPECT_EQ(r.sessions.size(), 2u);
    EXPECT_EQ(r.sessions_held, 0);
    for (double v : {r.elus_rate, r.priority_rate, r.attendance_rate, r.satisfaction.response_rate,
                     r.satisfaction.satisfaction_avg, r.satisfaction.usefulness_avg, r.satisfaction.recommend_rate}) {
        EXPECT_FALSE(std::isnan(v));
        EXPECT_EQ(v, 0);
    }
    EXPECT_TRUE(r.regions.empty());
    EXPECT_EQ(pairs(r.mandates), (Pairs{{"elu", 0}, {"agent", 0}}));
    EXPECT_EQ(pairs(r.lead_statuses), (Pairs{{"open", 0}, {"in_progress", 0}, {"done", 0}, {"dropped", 0}}));
    EXPECT_TRUE(r.satisfaction.comments.empty());

    auto missing = services::cycle_report(*db_, "inconnu", now);
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing.value().has_value());
}

TEST_F(ReportsTest, DashboardLinesPerCycleInOrderOfFirstSession) {
    fill();
    const auto d = board();
    ASSERT_EQ(d.cycles.size(), 4u);
    EXPECT_EQ(d.cycles[0].slug, "beta");
    EXPECT_EQ(d.cycles[1].slug, "alpha");
    EXPECT_EQ(d.cycles[2].slug, "vide");
    EXPECT_EQ(d.cycles[3].slug, "brouillon") << "without sessions: last";

    const auto& a = d.cycles[1];
    EXPECT_EQ(a.confirmed, 4);
    EXPECT_EQ(a.collectivites, 4);
    EXPECT_DOUBLE_EQ(a.elus_rate, 50);
    EXPECT_DOUBLE_EQ(a.priority_rate, 50);
    EXPECT_EQ(a.sessions, 4);
    EXPECT_EQ(a.sessions_held, 2);
    EXPECT_DOUBLE_EQ(a.attendance_rate, 62.5);
    EXPECT_EQ(a.leads, 4);
    EXPECT_EQ(a.responses, 3);
    EXPECT_DOUBLE_EQ(a.satisfaction_avg, 4.0);
    EXPECT_FALSE(a.ended);
    EXPECT_DOUBLE_EQ(a.response_rate, 0) << "no response rate before the cycle ends";

    const auto& b = d.cycles[0];
    EXPECT_EQ(b.confirmed, 2);
    EXPECT_DOUBLE_EQ(b.attendance_rate, 75);
    EXPECT_DOUBLE_EQ(b.satisfaction_avg, 2.0);
    EXPECT_TRUE(b.ended);
    EXPECT_DOUBLE_EQ(b.response_rate, 50);
    EXPECT_EQ(b.first_session, now - 60 * day);

    const auto& empty = d.cycles[2];
    EXPECT_EQ(empty.confirmed, 0);
    for (double v : {empty.elus_rate, empty.priority_rate, empty.attendance_rate, empty.satisfaction_avg,
                     empty.response_rate})
        EXPECT_EQ(v, 0);
}

TEST_F(ReportsTest, DashboardTotalsCountDistinctPeopleAndCollectivites) {
    fill();
    const auto d = board();
    const auto& t = d.totals;
    EXPECT_EQ(t.cycles, 4);
    EXPECT_EQ(t.participations, 6);
    EXPECT_EQ(t.people, 5) << "Anne took part in two cycles";
    EXPECT_EQ(t.collectivites, 5);
    EXPECT_DOUBLE_EQ(t.elus_rate, 50);
    EXPECT_DOUBLE_EQ(t.priority_rate, 50);
    EXPECT_EQ(t.sessions_held, 4);
    EXPECT_DOUBLE_EQ(t.attendance_rate, 100.0 * 8 / 12);
    EXPECT_EQ(t.leads, 4);
    EXPECT_EQ(t.responses, 4);
    EXPECT_DOUBLE_EQ(t.satisfaction_avg, 3.5);
    EXPECT_EQ(t.ended_cycles, 1);
    EXPECT_EQ(t.surveyed, 2);
    EXPECT_DOUBLE_EQ(t.response_rate, 50) << "only beta has ended: 1 response for 2 participants";

    ASSERT_EQ(d.regions.size(), 3u);
    EXPECT_EQ(d.regions[0].label, "Auvergne-Rhône-Alpes");
    EXPECT_EQ(d.regions[0].people, 3);
    EXPECT_EQ(d.regions[0].collectivites, 3);
    EXPECT_EQ(d.regions[0].participations, 4);
    EXPECT_EQ(d.regions[1].label, "La Réunion");
    EXPECT_EQ(d.regions[2].label, "Provence-Alpes-Côte d'Azur");
    ASSERT_EQ(d.mandates.size(), 2u);
    EXPECT_EQ(d.mandates[0].code, "elu");
    EXPECT_EQ(d.mandates[0].people, 2);
    EXPECT_EQ(d.mandates[0].participations, 3);
    EXPECT_EQ(d.mandates[1].people, 3);
    ASSERT_EQ(d.territory_kinds.size(), 4u);
    EXPECT_EQ(d.territory_kinds[1].code, "petites_villes");
    EXPECT_EQ(d.territory_kinds[1].people, 1);
    EXPECT_EQ(d.territory_kinds[1].participations, 2);
    EXPECT_EQ(d.territory_kinds[2].code, "villes");
    EXPECT_EQ(d.territory_kinds[2].people, 2);
}

TEST_F(ReportsTest, TheResponseRateCountsOnlyEndedCycles) {
    // One cycle over, where half answered; one still running, with many participants
    // who have had no questionnaire yet: they must not drag the rate down.
    std::vector<long long> done_sessions;
    const auto done = add_cycle("fini", "closed", {now - 40 * day, now - 26 * day}, &done_sessions);
    const auto running = add_cycle("en-cours", "published", {now - 5 * day, now + 9 * day});
    const std::vector<std::string> communes{"commune:42168", "commune:42056", "commune:13055", "commune:97411",
                                            "commune:69072", "commune:42186"};
    for (int i = 0; i < 2; ++i) {
        const auto u = add_user("fini" + std::to_string(i) + "@exemple.fr", communes[i], "elu");
        const auto r = enrol(done, u, communes[i], "elu", "confirmed");
        if (i == 0) answer(r, 4, 4, 1, "", 10);
    }
    for (int i = 2; i < 6; ++i) {
        const auto u = add_user("encours" + std::to_string(i) + "@exemple.fr", communes[i], "agent");
        enrol(running, u, communes[i], "agent", "confirmed");
    }
    const auto d = board();
    EXPECT_EQ(d.totals.participations, 6);
    EXPECT_EQ(d.totals.ended_cycles, 1);
    EXPECT_EQ(d.totals.surveyed, 2);
    EXPECT_DOUBLE_EQ(d.totals.response_rate, 50) << "1 response / 2 participants of the ended cycle, not 1 / 6";
    for (const auto& c : d.cycles) {
        if (c.slug == "en-cours") {
            EXPECT_FALSE(c.ended);
            EXPECT_DOUBLE_EQ(c.response_rate, 0);
        } else {
            EXPECT_TRUE(c.ended);
            EXPECT_DOUBLE_EQ(c.response_rate, 50);
        }
    }
    // The CSV leaves the rate of the running cycle empty rather than 0.
    const auto tables = services::report_tables(d);
    for (const auto& row : tables[0].rows) {
        if (row[1] == "en-cours") {
            EXPECT_EQ(row.back(), "");
        } else if (row[1] == "fini") {
            EXPECT_EQ(row.back(), "50");
        }
    }
    EXPECT_EQ(tables[0].rows.back().back(), "50") << "the total";
}

TEST_F(ReportsTest, DashboardFiltersByFirstSessionAndStatus) {
    fill();
    const auto from = paris_time::iso_date(now - 45 * day);
    auto later = board(from);
    ASSERT_EQ(later.cycles.size(), 2u) << "alpha and vide; the draft has no first session";
    EXPECT_EQ(later.cycles[0].slug, "alpha");
    EXPECT_EQ(later.totals.people, 4);
    EXPECT_EQ(later.totals.participations, 4);

    auto earlier = board("", from);
    ASSERT_EQ(earlier.cycles.size(), 1u);
    EXPECT_EQ(earlier.cycles[0].slug, "beta");
    EXPECT_EQ(earlier.totals.people, 2);

    // "to" includes its whole day.
    const auto beta_day = paris_time::iso_date(now - 60 * day);
    EXPECT_EQ(board(beta_day, beta_day).cycles.size(), 1u);

    auto published = board("", "", "published");
    ASSERT_EQ(published.cycles.size(), 2u);
    EXPECT_EQ(published.totals.cycles, 2);
    auto none = board("", "", "draft");
    ASSERT_EQ(none.cycles.size(), 1u);
    EXPECT_EQ(none.totals.participations, 0);
    EXPECT_EQ(none.totals.attendance_rate, 0);
    EXPECT_TRUE(none.regions.empty());
}

TEST_F(ReportsTest, FilterTextIsCheckedWithFrenchMessages) {
    EXPECT_TRUE(services::parse_dashboard_filters("31/01/2030", "2030-02-01", "closed").ok());
    const auto bad_day = services::parse_dashboard_filters("2030-02-30", "", "");
    ASSERT_FALSE(bad_day.ok());
    EXPECT_EQ(bad_day.failure().field, "du");
    const auto reversed = services::parse_dashboard_filters("2030-02-02", "2030-02-01", "");
    ASSERT_FALSE(reversed.ok());
    EXPECT_EQ(reversed.failure().field, "au");
    const auto status = services::parse_dashboard_filters("", "", "ouvert");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.failure().field, "statut");
    const auto same_day = services::parse_dashboard_filters("2030-02-01", "2030-02-01", "");
    ASSERT_TRUE(same_day.ok());
    EXPECT_EQ(*same_day->to - *same_day->from, day);
}

TEST_F(ReportsTest, TablesAndExports) {
    fill();
    const auto tables = services::report_tables(report("alpha"));
    ASSERT_GE(tables.size(), 10u);
    EXPECT_EQ(tables[0].sheet_name, "Synthèse");
    EXPECT_EQ(tables[0].rows[3], (std::vector<std::string>{"Participants confirmés", "4"}));
    const auto find = [&](const std::string& name) -> const spreadsheet::Table& {
        for (const auto& t : tables)
            if (t.sheet_name == name) return t;
        ADD_FAILURE() << "no table " << name;
        return tables[0];
    };
    const auto& presence = find("Présence par séance");
    ASSERT_EQ(presence.rows.size(), 4u);
    const auto iso = paris_time::iso_date(now - 16 * day);  // "2030-03-01" -> "01/03/2030"
    const auto french = iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
    EXPECT_EQ(presence.rows[1], (std::vector<std::string>{"2", french, "oui", "3", "0", "1", "0", "75"}));
    EXPECT_EQ(presence.rows[3][2], "non");
    EXPECT_EQ(presence.rows[3][7], "") << "no rate for a session to come";
    EXPECT_EQ(find("Pistes d’action").rows.size(), 4u);
    EXPECT_EQ(find("Commentaires").rows.size(), 2u);
    EXPECT_EQ(find("Satisfaction").rows[4], (std::vector<std::string>{"5", "1", "1"}));

    const auto dash = services::report_tables(board());
    ASSERT_EQ(dash.size(), 4u);
    EXPECT_EQ(dash[0].rows.size(), 5u) << "four cycles and the total";
    EXPECT_EQ(dash[0].rows[1][1], "alpha");
    EXPECT_EQ(dash[0].rows[1][10], "63") << "62.5 % rounded half up";
    EXPECT_EQ(dash[0].rows[1][13], "4,0");
    EXPECT_EQ(dash[0].rows[2][10], "") << "no session held: no attendance rate";
    EXPECT_EQ(dash[0].rows[4][6], "6");
    EXPECT_EQ(dash[1].rows[0], (std::vector<std::string>{"Auvergne-Rhône-Alpes", "3", "3", "4"}));

    const auto audits = count("SELECT COUNT(*) FROM audit_log");
    auto csv = services::export_dashboard(*db_, {}, services::ExportFormat::csv);
    ASSERT_TRUE(csv.ok()) << csv.failure().message;
    EXPECT_EQ(csv->filename, "rapports.csv");
    EXPECT_EQ(csv->bytes.rfind("\xEF\xBB\xBF" "Cycles\r\nCycle;Identifiant;Statut;", 0), 0u) << csv->bytes.substr(0, 80);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audits) << "aggregated figures: no audit entry";

    auto xlsx = services::export_cycle_report(*db_, 0, "alpha", services::ExportFormat::xlsx);
    ASSERT_TRUE(xlsx.ok()) << xlsx.failure().message;
    EXPECT_EQ(xlsx->filename, "rapport-alpha.xlsx");
    EXPECT_EQ(xlsx->bytes.substr(0, 2), "PK");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.xlsx' AND target = 'cycle:alpha'"), 1);
    auto missing = services::export_cycle_report(*db_, 0, "inconnu", services::ExportFormat::csv);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.failure().kind, FailureKind::not_found);
}
