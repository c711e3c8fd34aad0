// What the facilitator reads before session 1: each confirmed participant's
// collectivité, function, mandate and situation, and its audited CSV export.
#include "running_cycle_fixture.hpp"
#include "features/running/services/roster_situations.hpp"

using namespace ateliers;

namespace {

class RosterSituationsTest : public test_support::RunningCycleTest {
protected:
    void SetUp() override {
        RunningCycleTest::SetUp();
        enrol("Zoé Zermatt", "elu");
        enrol("Émile Allard", "agent");
        enrol("Bruno Bel", "agent");
        set_status(people_[2].registration, "waiting");  // not confirmed: not listed
        soci::session sql(db_->pool());
        const std::string situation = "Notre commune ferme son école ;\n« comment garder les familles ? »";
        sql << "UPDATE registrations SET situation = :s, function_title = 'Maire' WHERE id = :id",
            soci::use(situation), soci::use(people_[0].registration);
    }
};

}  // namespace

TEST_F(RosterSituationsTest, ListsConfirmedParticipantsByNameWithTheirSituation) {
    auto s = services::cycle_situations(*db_, slug_);
    ASSERT_TRUE(s.ok() && s.value());
    const auto& people = s.value()->people;
    ASSERT_EQ(people.size(), 2u);
    EXPECT_EQ(people[0].full_name, "Émile Allard") << "sorted as a reader expects, accents folded";
    EXPECT_EQ(people[1].full_name, "Zoé Zermatt");
    EXPECT_EQ(people[1].function_title, "Maire");
    EXPECT_EQ(people[1].mandate, "elu");
    EXPECT_EQ(people[1].collectivite, "Villeneuve-1 (42) – commune");
    EXPECT_EQ(people[1].situation, "Notre commune ferme son école ;\n« comment garder les familles ? »");
    EXPECT_EQ(people[0].situation, "Une situation à partager avec le groupe.");
    auto none = services::cycle_situations(*db_, "inconnu");
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none.value().has_value());
}

TEST_F(RosterSituationsTest, TheCsvExportIsFrenchExcelReadyAndAudited) {
    auto file = services::export_situations(*db_, organiser_, slug_);
    ASSERT_TRUE(file.ok()) << file.failure().message;
    EXPECT_EQ(file->filename, "situations-" + slug_ + ".csv");
    EXPECT_EQ(file->content_type, "text/csv; charset=utf-8");
    const auto& csv = file->bytes;
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBFNom;Collectivité;Fonction;Élu ou agent;Situation\r\n", 0), 0u) << csv;
    EXPECT_NE(csv.find("Zoé Zermatt;Villeneuve-1 (42) – commune;Maire;Élu ou élue;\"Notre commune ferme son école ;\n« "
                       "comment garder les familles ? »\"\r\n"),
              std::string::npos)
        << csv;
    EXPECT_EQ(csv.find("Bruno Bel"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'situations.export' AND target = 'cycle:" + slug_ +
                    "' AND details = '2 situation(s) de participants confirmés'"),
              1);
    auto unknown = services::export_situations(*db_, organiser_, "inconnu");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().kind, FailureKind::not_found);
}
