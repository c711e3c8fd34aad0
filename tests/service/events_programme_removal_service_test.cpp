// Deleting an item or a slot of the programme against a real database (SQLite, and
// PostgreSQL when ATELIERS_TEST_PG_URL is set): refused, with the count, while someone holds
// or awaits a place in it; once free, it goes with its workshops and speaker links (the
// speakers' cards stay) and the journal says so.
#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_programme.hpp"
#include "features/events/services/event_programme_admin.hpp"
#include "features/events/services/event_programme_removal.hpp"
#include "features/events/services/event_registrations.hpp"
#include <map>

#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string slug = "journees-2027";

class EventsProgrammeRemovalTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto created = services::create_event_from_form(
            *db_, 0, {"Journées 2027", "", "journees", "25/11/2027", "9:00", "26/11/2027", "17:30", "Halle Pajol", "Paris 18e",
                      "Oui", "Déjeuners", "", "250", "", "", "UNADEL", ""});
        ASSERT_TRUE(created.ok()) << created.failure().message;
        auto s = services::save_event_slot(*db_, 0, slug, 0, {"Ateliers du jeudi", "", "25/11/2027", "13:45", "15:30"});
        ASSERT_TRUE(s.ok()) << s.failure().message;
        slot = s.value();
        for (const auto* title : {"Coopérer", "Mobiliser"}) {
            auto w = services::save_event_item(*db_, 0, slug, 0, {"workshop", title, "", "Salle 2", std::to_string(slot), "", "", "", "1"},
                                               mail);
            ASSERT_TRUE(w.ok()) << w.failure().message;
            workshops.push_back(w.value());
        }
        auto p = services::save_event_item(
            *db_, 0, slug, 0, {"round_table", "Les territoires se racontent", "", "Grande salle", "", "25/11/2027", "10:00", "11:30", ""}, mail);
        ASSERT_TRUE(p.ok()) << p.failure().message;
        round_table = p.value();
        ASSERT_TRUE(services::add_item_speaker(*db_, 0, slug, round_table, {"", "Claude Grivel", "", "UNADEL", "moderator"}).ok());
        auto programme = services::event_programme(*db_, slug, true);
        ASSERT_TRUE(programme.ok());
        ASSERT_TRUE(services::publish_event(*db_, 0, programme->event.id, true).ok());
    }

    // Registers someone choosing `workshop` (capacity 1: the second one waits).
    long long choose(const std::string& name, long long workshop) {
        services::EventRegistrationRequest r{{"UNADEL", "association", "Chargée de mission", "in_person", "", "", false}, "", {{slot, workshop}}};
        people[name] = person(name, "commune:42168");
        auto done = services::register_to_event(*db_, people[name], slug, r, mail);
        EXPECT_TRUE(done.ok()) << done.failure().message;
        return done.ok() ? done->registration_id : 0;
    }

    long long slot = 0, round_table = 0;
    std::vector<long long> workshops;
    std::map<std::string, services::CurrentUser> people;
};

}  // namespace

TEST_F(EventsProgrammeRemovalTest, APlenaryItemGoesWithItsSpeakerLinksAndIsJournalled) {
    auto preview = services::programme_removal_preview(*db_, slug, services::ProgrammePart::item, round_table);
    ASSERT_TRUE(preview.ok()) << preview.failure().message;
    EXPECT_EQ(preview->title, "Les territoires se racontent");
    EXPECT_FALSE(preview->refusal);
    ASSERT_TRUE(services::remove_from_programme(*db_, 0, slug, services::ProgrammePart::item, round_table).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_items WHERE id = " + std::to_string(round_table)), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_item_speakers"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_speakers"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.programme' AND details LIKE "
                    "'Intervention supprimée : Les territoires se racontent'"),
              1);
    // Twice: not found, nothing else deleted.
    auto again = services::remove_from_programme(*db_, 0, slug, services::ProgrammePart::item, round_table);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::not_found);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_items"), 2);
}

TEST_F(EventsProgrammeRemovalTest, RefusedWhileSomeoneHoldsOrAwaitsAPlaceWithTheCount) {
    choose("ana", workshops[0]);
    const auto ben = choose("ben", workshops[0]);  // capacity 1: ben waits
    auto refused = services::remove_from_programme(*db_, 0, slug, services::ProgrammePart::item, workshops[0]);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::conflict);
    EXPECT_NE(refused.failure().message.find("1 personne y a une place et 1 personne en attente"), std::string::npos)
        << refused.failure().message;
    auto slot_refused = services::remove_from_programme(*db_, 0, slug, services::ProgrammePart::slot, slot);
    ASSERT_FALSE(slot_refused.ok());
    EXPECT_NE(slot_refused.failure().message.find("Ce créneau"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_items"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_choices"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%supprim%'"), 0);
    // The other workshop of the slot, chosen by nobody, may go.
    ASSERT_TRUE(services::remove_from_programme(*db_, 0, slug, services::ProgrammePart::item, workshops[1]).ok());
    // Once the waiting person cancels and the other changes her mind, the slot goes with its workshop.
    ASSERT_TRUE(services::cancel_event_registration(*db_, people["ben"], ben, mail).ok());
    auto preview = services::programme_removal_preview(*db_, slug, services::ProgrammePart::slot, slot);
    ASSERT_TRUE(preview.ok());
    ASSERT_TRUE(preview->refusal);
    EXPECT_NE(preview->refusal->find("1 personne y a une place."), std::string::npos) << *preview->refusal;
    EXPECT_EQ(preview->workshops, std::vector<std::string>{"Coopérer"});
}

TEST_F(EventsProgrammeRemovalTest, AFreeSlotGoesWithItsWorkshops) {
    ASSERT_TRUE(services::remove_from_programme(*db_, 0, slug, services::ProgrammePart::slot, slot).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_slots"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_items"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE details = 'Créneau supprimé : Ateliers du jeudi (avec ses ateliers : "
                    "« Coopérer », « Mobiliser »)'"),
              1);
    // Another event's slot id, or a wrong slug: not found.
    auto other = services::remove_from_programme(*db_, 0, "autre", services::ProgrammePart::slot, slot);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.failure().kind, FailureKind::not_found);
}
