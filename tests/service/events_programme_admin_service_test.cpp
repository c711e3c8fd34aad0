// The back office's forms against a real database (SQLite, and PostgreSQL when
// ATELIERS_TEST_PG_URL is set): create an event, duplicate it with its programme at shifted
// dates and without registrations, edit the programme; e-mail registrants once per form; refusals keep nothing and say why
// per field; every change is journalled.
#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_mailing.hpp"
#include "features/events/services/event_programme.hpp"
#include "features/events/services/event_programme_admin.hpp"
#include "features/events/services/event_registrations.hpp"
#include "platform/core/paris_time.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class EventsProgrammeAdminTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto created = services::create_event_from_form(*db_, 0, form());
        ASSERT_TRUE(created.ok()) << created.failure().message;
        ASSERT_EQ(created.value(), "journees-2027");
        auto s = services::save_event_slot(*db_, 0, "journees-2027", 0, {"Ateliers du jeudi", "", "25/11/2027", "13:45", "15:30"});
        ASSERT_TRUE(s.ok()) << s.failure().message;
        slot = s.value();
        auto w = services::save_event_item(*db_, 0, "journees-2027", 0, {"workshop", "Coopérer", "", "Salle 2", std::to_string(slot), "", "", "", "1"}, mail);
        ASSERT_TRUE(w.ok()) << w.failure().message;
        workshop = w.value();
        auto p = services::save_event_item(*db_, 0, "journees-2027", 0, {"round_table", "Les territoires se racontent", "", "Grande salle", "", "25/11/2027", "10:00", "11:30", ""}, mail);
        ASSERT_TRUE(p.ok()) << p.failure().message;
        round_table = p.value();
        auto sp = services::add_item_speaker(*db_, 0, "journees-2027", round_table, {"", "Claude Grivel", "", "UNADEL", "moderator"});
        ASSERT_TRUE(sp.ok()) << sp.failure().message;
        speaker = sp.value();
    }

    static events::EventForm form() {
        return {"Journées 2027", "", "journees", "25/11/2027", "9:00", "26/11/2027", "17:30", "Halle Pajol", "Paris 18e",
                "Oui", "Déjeuners", "", "250", "", "", "UNADEL", ""};
    }

    void take_the_workshop_seat() {
        auto p = services::event_programme(*db_, "journees-2027", true);
        ASSERT_TRUE(p.ok());
        ASSERT_TRUE(services::publish_event(*db_, 0, p->event.id, true).ok());
        auto ana = person("ana", "commune:42168");
        services::EventRegistrationRequest r{{"UNADEL", "association", "Chargée de mission", "in_person", "", "", false}, "", {{slot, workshop}}};
        auto done = services::register_to_event(*db_, ana, "journees-2027", r, mail);
        ASSERT_TRUE(done.ok()) << done.failure().message;
    }

    long long slot = 0, workshop = 0, round_table = 0, speaker = 0;
};

}  // namespace

TEST_F(EventsProgrammeAdminTest, CreatesAnUnpublishedEventAndJournalsEachChange) {
    auto p = services::event_programme(*db_, "journees-2027", true);
    ASSERT_TRUE(p.ok());
    EXPECT_FALSE(p->event.published);
    EXPECT_EQ(p->event.capacity, 250);
    EXPECT_EQ(p->event.starts_at, paris_time::to_utc(2027, 11, 25, 9, 0));
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.create'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.programme'"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_item_speakers WHERE role = 'moderator'"), 1);
    // The same slug twice: refused on the slug field, nothing stored.
    auto again = services::create_event_from_form(*db_, 0, form());
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::conflict);
    EXPECT_NE(again.failure().fields.at("slug").find("journees-2027"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 1);
}

TEST_F(EventsProgrammeAdminTest, EditsWithErrorsKeepNothingAndSayWhyPerField) {
    // Overlapping slot.
    auto overlap = services::save_event_slot(*db_, 0, "journees-2027", 0, {"Autres ateliers", "", "25/11/2027", "15:00", "16:00"});
    ASSERT_FALSE(overlap.ok());
    EXPECT_NE(overlap.failure().fields.at("start_time").find("Ateliers du jeudi"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_slots"), 1);
    // A workshop in the slot of another day than the one typed.
    auto other_day = services::save_event_item(*db_, 0, "journees-2027", 0, {"workshop", "Animer", "", "", std::to_string(slot), "26/11/2027", "", "", ""}, mail);
    ASSERT_FALSE(other_day.ok());
    EXPECT_TRUE(other_day.failure().fields.count("slot_id"));
    // A capacity below the seats already taken.
    take_the_workshop_seat();
    auto below = services::save_event_item(*db_, 0, "journees-2027", workshop, {"workshop", "Coopérer", "", "Salle 2", std::to_string(slot), "", "", "", "0"}, mail);
    ASSERT_FALSE(below.ok());
    EXPECT_EQ(below.failure().fields.at("capacity"), events::capacity_problem(0, 1));
    EXPECT_EQ(count("SELECT capacity FROM event_items WHERE id = " + std::to_string(workshop)), 1);
    // A raise is journalled as a capacity change; moving the slot moves its workshop.
    auto raised = services::save_event_item(*db_, 0, "journees-2027", workshop, {"workshop", "Coopérer ensemble", "", "Salle 3", std::to_string(slot), "", "", "", "20"}, mail);
    ASSERT_TRUE(raised.ok()) << raised.failure().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.capacity'"), 1);
    ASSERT_TRUE(services::save_event_slot(*db_, 0, "journees-2027", slot, {"Ateliers du jeudi", "", "25/11/2027", "14:00", "15:45"}).ok());
    EXPECT_EQ(count("SELECT starts_at FROM event_items WHERE id = " + std::to_string(workshop)), paris_time::to_utc(2027, 11, 25, 14, 0));
    // The same person twice on an item.
    auto twice = services::add_item_speaker(*db_, 0, "journees-2027", round_table, {std::to_string(speaker), "", "", "", "speaker"});
    ASSERT_FALSE(twice.ok());
    EXPECT_TRUE(twice.failure().fields.count("speaker_id"));
}

TEST_F(EventsProgrammeAdminTest, DuplicateCopiesTheProgrammeAtShiftedDatesWithoutRegistrations) {
    take_the_workshop_seat();
    auto copy = services::duplicate_event(*db_, 0, "journees-2027", {"Journées 2028", "", "364"});
    ASSERT_TRUE(copy.ok()) << copy.failure().message;
    EXPECT_EQ(copy.value(), "journees-2028");
    auto p = services::event_programme(*db_, "journees-2028", true);
    ASSERT_TRUE(p.ok());
    EXPECT_FALSE(p->event.published);
    EXPECT_EQ(p->confirmed, 0);
    EXPECT_EQ(p->event.starts_at, paris_time::to_utc(2028, 11, 23, 9, 0));  // 364 days: same weekday
    ASSERT_EQ(p->slots.size(), 1u);
    EXPECT_EQ(p->slots[0].starts_at, paris_time::to_utc(2028, 11, 23, 13, 45));
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_items WHERE event_id = " + std::to_string(p->event.id)), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_items i JOIN event_slots s ON s.id = i.slot_id WHERE s.event_id = " +
                    std::to_string(p->event.id)),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_item_speakers l JOIN event_speakers s ON s.id = l.speaker_id WHERE s.event_id = " +
                    std::to_string(p->event.id)),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_registrations"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.duplicate'"), 1);
    // Twice under the same slug: refused, nothing copied a second time.
    auto again = services::duplicate_event(*db_, 0, "journees-2027", {"Journées 2028", "", "364"});
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.failure().fields.count("slug"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM events"), 2);
}

TEST_F(EventsProgrammeAdminTest, MailingReachesTheChosenGroupOncePerForm) {
    take_the_workshop_seat();
    auto bea = person("bea", "commune:42056");
    services::EventRegistrationRequest r{{"ANCT", "etat", "Cheffe de projet", "online", "", "", false}, "", {}};
    ASSERT_TRUE(services::register_to_event(*db_, bea, "journees-2027", r, mail).ok());
    auto audiences = services::event_mailing_audiences(*db_, "journees-2027");
    ASSERT_TRUE(audiences.ok());
    ASSERT_EQ(audiences->size(), 3u);  // everyone, the one workshop, the waiting list
    EXPECT_EQ(audiences.value()[0].recipients, 2);
    EXPECT_EQ(audiences.value()[1].code, "atelier-" + std::to_string(workshop));
    EXPECT_EQ(audiences.value()[1].recipients, 1);
    EXPECT_EQ(audiences.value()[2].recipients, 0);
    const auto before = count("SELECT COUNT(*) FROM outbox");

    const services::EventMailingForm to_workshop{"jeton-1", "atelier-" + std::to_string(workshop), "Salle changée",
                                                 "L’atelier a lieu salle 4.\n\nÀ bientôt."};
    auto sent = services::send_event_mailing(*db_, 0, "journees-2027", to_workshop, mail);
    ASSERT_TRUE(sent.ok()) << sent.failure().message;
    EXPECT_EQ(sent->recipients, 1);
    EXPECT_FALSE(sent->already_sent);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), before + 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject = 'Salle changée' AND recipient = 'ana@exemple.fr'"), 1);
    // The same form submitted again: nothing more queued.
    auto again = services::send_event_mailing(*db_, 0, "journees-2027", to_workshop, mail);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->already_sent);
    EXPECT_EQ(again->recipients, 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), before + 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.mailing'"), 1);

    auto everyone = services::send_event_mailing(*db_, 0, "journees-2027", {"jeton-2", "inscrits", "Programme", "Le voici."}, mail);
    ASSERT_TRUE(everyone.ok());
    EXPECT_EQ(everyone->recipients, 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), before + 3);
    // Nobody waits: refused on the audience, nothing recorded, so the form can be sent later.
    auto nobody = services::send_event_mailing(*db_, 0, "journees-2027", {"jeton-3", "attente", "Place libérée", "Bonne nouvelle."}, mail);
    ASSERT_FALSE(nobody.ok());
    EXPECT_TRUE(nobody.failure().fields.count("audience"));
    auto bad = services::send_event_mailing(*db_, 0, "journees-2027", {"jeton-4", "atelier-999999", "", ""}, mail);
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.failure().fields.count("subject"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_mailings"), 2);
}

TEST_F(EventsProgrammeAdminTest, DocumentLinksArePublishedOnTheEventAndWithdrawn) {
    auto bad = services::add_event_link(*db_, 0, "journees-2027", "Synthèse", "javascript:alert(1)");
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.failure().fields.count("url"));
    auto id = services::add_event_link(*db_, 0, "journees-2027", " Synthèse des ateliers ", "https://www.unadel.org/synthese.pdf");
    ASSERT_TRUE(id.ok()) << id.failure().message;
    auto p = services::event_programme(*db_, "journees-2027", true);
    ASSERT_TRUE(p.ok());
    ASSERT_EQ(p->links.size(), 1u);
    EXPECT_EQ(p->links[0].title, "Synthèse des ateliers");
    EXPECT_FALSE(services::remove_event_link(*db_, 0, "journees-2027", id.value() + 1000).ok());
    ASSERT_TRUE(services::remove_event_link(*db_, 0, "journees-2027", id.value()).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_links"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.document'"), 2);
}
