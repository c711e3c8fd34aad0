// The organisers' report, one item's .ics and the audit journal of the welcome desk,
// against a real database (SQLite, and PostgreSQL when ATELIERS_TEST_PG_URL is set).
#include <algorithm>

#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_calendar.hpp"
#include "features/events/services/event_checkin.hpp"
#include "features/events/services/event_registrations.hpp"
#include "features/events/services/event_report.hpp"
#include "platform/audit/audit.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class EventsReportTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        starts = store::now_utc_seconds() + 30 * 86400;
        store::EventRow e;
        e.slug = "bilan-test";
        e.title = "Rencontres du bilan";
        e.kind = "rencontre";
        e.starts_at = starts;
        e.ends_at = starts + 86400;
        e.capacity = 10;
        e.published = true;
        auto id = services::create_event(*db_, 0, e);
        ASSERT_TRUE(id.ok()) << id.failure().message;
        event_id = id.value();
        store::ItemRow opening;
        opening.event_id = event_id;
        opening.kind = "plenary";
        opening.title = "Ouverture";
        opening.starts_at = starts;
        opening.ends_at = starts + 1800;
        auto o = services::add_event_item(*db_, 0, opening);
        ASSERT_TRUE(o.ok()) << o.failure().message;
        plenary = o.value();
        auto slot = services::add_event_slot(*db_, 0, {0, event_id, "Ateliers", starts + 3600, starts + 7200});
        ASSERT_TRUE(slot.ok()) << slot.failure().message;
        slot_id = slot.value();
        for (const char* title : {"Coopérer", "Financer"}) {
            store::ItemRow i;
            i.event_id = event_id;
            i.slot_id = slot_id;
            i.kind = "workshop";
            i.title = title;
            i.capacity = 5;
            auto item = services::add_event_item(*db_, 0, i);
            ASSERT_TRUE(item.ok()) << item.failure().message;
            workshops.push_back(item.value());
        }
    }

    long long join(const services::CurrentUser& u, const std::string& kind, const std::string& collectivite,
                   events::Choices choices) {
        services::EventRegistrationRequest r{{"Structure de " + u.full_name, kind, "Chargé·e de mission", "in_person", "", "", false},
                                             collectivite,
                                             std::move(choices)};
        auto out = services::register_to_event(*db_, u, "bilan-test", r, mail);
        EXPECT_TRUE(out.ok()) << out.failure().message;
        return out.ok() ? out->registration_id : 0;
    }

    static const services::EventReportLine* line(const std::vector<services::EventReportLine>& lines, const std::string& label) {
        const auto l = std::find_if(lines.begin(), lines.end(), [&](const auto& x) { return x.label == label; });
        return l == lines.end() ? nullptr : &*l;
    }

    long long starts = 0, event_id = 0, plenary = 0, slot_id = 0;
    std::vector<long long> workshops;
};

}  // namespace

TEST_F(EventsReportTest, WhoCameFromWhereAndPerWorkshop) {
    // Zoé's association: where from is her account's commune (Pélussin, Loire); Ana
    // registers for her collectivité, Saint-Denis de La Réunion.
    const auto zoe = person("zoe", "commune:42168"), ana = person("ana", "commune:42168");
    const auto z = join(zoe, "association", "", {{slot_id, workshops[0]}});
    join(ana, "collectivite", "commune:97411", {{slot_id, workshops[0]}});
    ASSERT_TRUE(services::check_in(*db_, 0, "bilan-test", "", z).ok());
    ASSERT_TRUE(services::mark_workshop_presence(*db_, 0, "bilan-test", z, workshops[0]).ok());

    auto report = services::event_report(*db_, "bilan-test");
    ASSERT_TRUE(report.ok()) << report.failure().message;
    const auto& r = report.value();
    EXPECT_EQ(r.total.registered, 2);
    EXPECT_EQ(r.total.came, 1);
    EXPECT_EQ(r.in_person.registered, 2);
    ASSERT_TRUE(line(r.regions, "Auvergne-Rhône-Alpes"));
    EXPECT_EQ(line(r.regions, "Auvergne-Rhône-Alpes")->came, 1);
    ASSERT_TRUE(line(r.regions, "La Réunion"));
    EXPECT_EQ(line(r.regions, "La Réunion")->came, 0);
    ASSERT_TRUE(line(r.departements, "Loire (42)"));
    EXPECT_TRUE(line(r.territory_kinds, "Outre-mer"));
    ASSERT_TRUE(line(r.organisation_kinds, "Association"));
    EXPECT_EQ(line(r.organisation_kinds, "Association")->came, 1);
    EXPECT_EQ(line(r.organisation_kinds, "Collectivité")->came, 0);
    ASSERT_EQ(r.workshops.size(), 2u);
    EXPECT_EQ(r.workshops[0].title, "Coopérer");
    EXPECT_EQ(r.workshops[0].held, 2);
    EXPECT_EQ(r.workshops[0].checked_in, 1);
    EXPECT_EQ(r.workshops[0].present, 1);
    EXPECT_EQ(r.workshops[1].held, 0);

    const auto csv = spreadsheet::to_csv(services::event_report_tables(r));
    EXPECT_NE(csv.find("Synthèse"), std::string::npos);
    EXPECT_NE(csv.find("Loire (42);1;1;100 %"), std::string::npos) << csv;
    EXPECT_NE(csv.find("Coopérer;5;2;1;1"), std::string::npos) << csv;
}

TEST_F(EventsReportTest, EachItemHasItsOwnIcs) {
    auto one = services::event_item_calendar(*db_, "bilan-test", workshops[1], "https://ateliers.example");
    ASSERT_TRUE(one.ok()) << one.failure().message;
    const auto& ics = one.value();
    EXPECT_NE(ics.find("BEGIN:VEVENT"), std::string::npos);
    EXPECT_EQ(ics.find("BEGIN:VEVENT"), ics.rfind("BEGIN:VEVENT")) << "one event only";
    EXPECT_NE(ics.find("SUMMARY:Financer – Rencontres du bilan"), std::string::npos) << ics;
    EXPECT_NE(ics.find("UID:event-item-" + std::to_string(workshops[1])), std::string::npos);
    EXPECT_TRUE(services::event_item_calendar(*db_, "bilan-test", plenary, "https://ateliers.example").ok());

    store::EventRow other;
    other.slug = "autre-bilan";
    other.title = "Autre";
    other.kind = "rencontre";
    other.starts_at = starts;
    other.ends_at = starts + 3600;
    other.capacity = 5;
    other.published = true;
    ASSERT_TRUE(services::create_event(*db_, 0, other).ok());
    const auto foreign = services::event_item_calendar(*db_, "autre-bilan", workshops[1], "https://ateliers.example");
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.failure().kind, FailureKind::not_found);
}

TEST_F(EventsReportTest, CheckInsAndPresenceGoToTheAuditJournalOnce) {
    const auto zoe = person("zoe", "commune:42168");
    const auto z = join(zoe, "association", "", {{slot_id, workshops[0]}});
    const auto desk = person("olga", "commune:42168");
    ASSERT_TRUE(services::check_in(*db_, desk.id, "bilan-test", "", z).ok());
    ASSERT_TRUE(services::check_in(*db_, desk.id, "bilan-test", "", z).ok());  // the offline queue's replay
    ASSERT_TRUE(services::mark_workshop_presence(*db_, desk.id, "bilan-test", z, workshops[0]).ok());
    ASSERT_TRUE(services::mark_workshop_presence(*db_, desk.id, "bilan-test", z, workshops[0]).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.checkin'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.presence'"), 1);
    auto journal = services::latest_audit_entries(*db_, 10);
    ASSERT_TRUE(journal.ok());
    const auto& latest = journal.value();
    ASSERT_GE(latest.size(), 2u);
    EXPECT_EQ(latest[0].action, "event.presence");
    EXPECT_EQ(latest[0].actor_name, "olga");
    EXPECT_NE(latest[1].details.find("zoe (Structure de zoe) accueilli·e à « Rencontres du bilan »"), std::string::npos)
        << latest[1].details;
    EXPECT_EQ(services::audit_action_label("event.checkin"), "Participant·e accueilli·e à un événement");
    // Organiser changes are journalled too (capacity of a workshop).
    ASSERT_TRUE(services::set_workshop_capacity(*db_, desk.id, workshops[0], 8, mail).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.capacity'"), 1);
}
