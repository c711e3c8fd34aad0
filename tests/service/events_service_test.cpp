// Events against a real database (SQLite, and PostgreSQL when ATELIERS_TEST_PG_URL is
// set): one choice per slot, capacities per workshop and per event, promotion order,
// cancelling frees every place, the programme's rules refuse bad input and keep nothing.
#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_calendar.hpp"
#include "features/events/services/event_programme.hpp"
#include "features/events/services/event_registrations.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class EventsTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        starts = store::now_utc_seconds() + 30 * 86400;
        store::EventRow e;
        e.slug = "journees-test";
        e.title = "Journées de test";
        e.kind = "journees";
        e.venue = "Halle Pajol";
        e.starts_at = starts;
        e.ends_at = starts + 86400;
        e.capacity = 3;
        e.published = true;
        auto id = services::create_event(*db_, 0, e);
        ASSERT_TRUE(id.ok()) << id.failure().message;
        event_id = id.value();
        slot_a = slot("Ateliers du matin", 3600, 2 * 3600);
        slot_b = slot("Ateliers de l’après-midi", 5 * 3600, 6 * 3600);
        a1 = workshop(slot_a, "Coopérer", 2);
        a2 = workshop(slot_a, "Animer", 1);
        b1 = workshop(slot_b, "Se former autrement", std::nullopt);
    }

    long long slot(const std::string& title, long long from, long long to) {
        auto id = services::add_event_slot(*db_, 0, {0, event_id, title, starts + from, starts + to});
        EXPECT_TRUE(id.ok()) << id.failure().message;
        return id.ok() ? id.value() : 0;
    }

    long long workshop(long long slot_id, const std::string& title, std::optional<int> capacity) {
        store::ItemRow i;
        i.event_id = event_id;
        i.slot_id = slot_id;
        i.kind = "workshop";
        i.title = title;
        i.capacity = capacity;
        auto id = services::add_event_item(*db_, 0, i);
        EXPECT_TRUE(id.ok()) << id.failure().message;
        return id.ok() ? id.value() : 0;
    }

    Result<services::EventRegistrationOutcome> join(const services::CurrentUser& u, events::Choices choices) {
        services::EventRegistrationRequest r{{"UNADEL", "association", "Chargée de mission", "in_person", "", "", false},
                                             "",
                                             std::move(choices)};
        return services::register_to_event(*db_, u, "journees-test", r, mail);
    }

    long long held(long long item) {
        return count("SELECT COUNT(*) FROM event_choices WHERE status = 'held' AND item_id = " + std::to_string(item));
    }
    long long waiting(long long item) {
        return count("SELECT COUNT(*) FROM event_choices WHERE status = 'waiting' AND item_id = " + std::to_string(item));
    }

    long long starts = 0, event_id = 0, slot_a = 0, slot_b = 0, a1 = 0, a2 = 0, b1 = 0;
};

}  // namespace

TEST_F(EventsTest, SeatsUpToEachCapacityThenQueuesInArrivalOrder) {
    const auto ana = person("ana", "commune:42168"), bea = person("bea", "commune:42056"),
               cloe = person("cloe", "commune:42218"), dan = person("dan", "commune:69072");
    auto r1 = join(ana, {{slot_a, a2}, {slot_b, b1}});
    ASSERT_TRUE(r1.ok()) << r1.failure().message;
    EXPECT_EQ(r1->status, "confirmed");
    EXPECT_EQ(r1->choices.at(slot_a), "held");
    auto r2 = join(bea, {{slot_a, a2}});  // a2 holds one place: queue
    ASSERT_TRUE(r2.ok());
    EXPECT_EQ(r2->choices.at(slot_a), "waiting");
    auto r3 = join(cloe, {});  // "je ne sais pas encore" everywhere
    ASSERT_TRUE(r3.ok());
    EXPECT_EQ(r3->status, "confirmed");
    auto r4 = join(dan, {{slot_a, a1}});  // the event holds 3: queue, the choice is a wish
    ASSERT_TRUE(r4.ok());
    EXPECT_EQ(r4->status, "waiting");
    EXPECT_EQ(r4->choices.at(slot_a), "wish");
    EXPECT_EQ(held(a1), 0);
    EXPECT_EQ(held(a2), 1);
    EXPECT_EQ(waiting(a2), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Inscription confirmée%'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Liste d%'"), 1);
    auto again = join(ana, {});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::conflict);
}

TEST_F(EventsTest, TheDatabaseHoldsOneChoicePerSlotAndOnlyWorkshopsOfThatSlot) {
    const auto ana = person("ana", "commune:42168");
    auto r = join(ana, {{slot_a, a1}});
    ASSERT_TRUE(r.ok());
    const auto reg = std::to_string(r->registration_id);
    soci::session sql(db_->pool());
    EXPECT_ANY_THROW(sql << "INSERT INTO event_choices (registration_id, slot_id, item_id, status, arrival) VALUES (" + reg +
                                ", " + std::to_string(slot_a) + ", " + std::to_string(a2) + ", 'waiting', 1)");
    EXPECT_ANY_THROW(sql << "INSERT INTO event_choices (registration_id, slot_id, item_id, status, arrival) VALUES (" + reg +
                                ", " + std::to_string(slot_b) + ", " + std::to_string(a2) + ", 'waiting', 1)");
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_choices"), 1);
}

TEST_F(EventsTest, AChoiceFromAnotherSlotIsRefusedInFrenchAndNothingIsWritten) {
    const auto ana = person("ana", "commune:42168");
    auto r = join(ana, {{slot_b, a1}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.failure().kind, FailureKind::invalid);
    EXPECT_NE(r.failure().fields.at("choix_" + std::to_string(slot_b)).find("autre créneau"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_registrations"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
    services::EventRegistrationRequest empty{{"", "banque", "", "", "", "", false}, "", {}};
    auto refused = services::register_to_event(*db_, person("bob", "commune:42056"), "journees-test", empty, mail);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().fields.size(), 4u);
}

TEST_F(EventsTest, AFreedWorkshopPlaceGoesToTheFirstInTheQueueWithAnEmail) {
    const auto ana = person("ana", "commune:42168"), bea = person("bea", "commune:42056"),
               cloe = person("cloe", "commune:42218");
    auto r1 = join(ana, {{slot_a, a2}});
    ASSERT_TRUE(join(bea, {{slot_a, a2}}).ok());
    ASSERT_TRUE(join(cloe, {{slot_a, a2}}).ok());
    EXPECT_EQ(waiting(a2), 2);
    auto changed = services::change_event_choices(*db_, ana, r1->registration_id, {{slot_a, a1}}, mail);
    ASSERT_TRUE(changed.ok()) << changed.failure().message;
    EXPECT_EQ(changed->choices.at(slot_a), "held");
    EXPECT_EQ(held(a2), 1);
    EXPECT_EQ(waiting(a2), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_choices c JOIN event_registrations r ON r.id = c.registration_id "
                    "JOIN users u ON u.id = r.user_id WHERE u.email = 'bea@exemple.fr' AND c.status = 'held'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'bea@exemple.fr' AND subject LIKE 'Une place%'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'cloe@exemple.fr' AND subject LIKE 'Une place%'"), 0);
    // A choice kept as it was keeps its place in the queue.
    auto mine = services::my_event_registration(*db_, event_id, cloe.id);
    ASSERT_TRUE(mine.ok() && mine.value());
    auto kept = services::change_event_choices(*db_, cloe, mine.value()->registration.id, {{slot_a, a2}}, mail);
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept->choices.at(slot_a), "waiting");
}

TEST_F(EventsTest, CancellingFreesEveryPlaceHeld) {
    const auto ana = person("ana", "commune:42168"), bea = person("bea", "commune:42056"),
               cloe = person("cloe", "commune:42218"), dan = person("dan", "commune:69072"),
               eve = person("eve", "commune:13055");
    auto r1 = join(ana, {{slot_a, a2}, {slot_b, b1}});
    ASSERT_TRUE(join(bea, {{slot_a, a2}}).ok());   // waits for a2
    ASSERT_TRUE(join(cloe, {}).ok());
    ASSERT_TRUE(join(dan, {{slot_a, a1}}).ok());   // waits for the event
    ASSERT_TRUE(join(eve, {}).ok());               // waits for the event, after dan
    ASSERT_TRUE(services::cancel_event_registration(*db_, ana, r1->registration_id, mail).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_choices c JOIN event_registrations r ON r.id = c.registration_id "
                    "WHERE r.user_id = " + std::to_string(ana.id)),
              0);
    EXPECT_EQ(held(a2), 1);  // bea's
    EXPECT_EQ(held(b1), 0);
    EXPECT_EQ(held(a1), 1);  // dan confirmed, his wish placed
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_registrations WHERE status = 'confirmed'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_registrations r JOIN users u ON u.id = r.user_id "
                    "WHERE u.email = 'eve@exemple.fr' AND r.status = 'waiting'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'dan@exemple.fr' AND subject LIKE 'Votre place%'"), 1);
    auto twice = services::cancel_event_registration(*db_, ana, r1->registration_id, mail);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.failure().kind, FailureKind::conflict);
}

TEST_F(EventsTest, CapacityCannotFallBelowSeatsTakenAndARaisePromotes) {
    const auto ana = person("ana", "commune:42168"), bea = person("bea", "commune:42056");
    ASSERT_TRUE(join(ana, {{slot_a, a1}}).ok());
    ASSERT_TRUE(join(bea, {{slot_a, a1}}).ok());
    auto lower = services::set_workshop_capacity(*db_, 0, a1, 1, mail);
    ASSERT_FALSE(lower.ok());
    EXPECT_NE(lower.failure().message.find("2 places déjà attribuées"), std::string::npos);
    EXPECT_EQ(count("SELECT capacity FROM event_items WHERE id = " + std::to_string(a1)), 2);
    ASSERT_TRUE(services::set_event_capacity(*db_, 0, event_id, 2, mail).ok());
    EXPECT_FALSE(services::set_event_capacity(*db_, 0, event_id, 1, mail).ok());
    const auto cloe = person("cloe", "commune:42218");
    ASSERT_TRUE(join(cloe, {{slot_a, a1}}).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_registrations WHERE status = 'waiting'"), 1);
    ASSERT_TRUE(services::set_event_capacity(*db_, 0, event_id, 3, mail).ok());
    EXPECT_EQ(waiting(a1), 1);  // confirmed to the event, queued for a full workshop
    ASSERT_TRUE(services::set_workshop_capacity(*db_, 0, a1, 3, mail).ok());
    EXPECT_EQ(held(a1), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'event.capacity'"), 3);
}

TEST_F(EventsTest, OverlappingSlotsAndMisplacedItemsAreRefused) {
    auto overlap = services::add_event_slot(*db_, 0, {0, event_id, "Doublon", starts + 5400, starts + 9000});
    ASSERT_FALSE(overlap.ok());
    EXPECT_NE(overlap.failure().message.find("chevauche"), std::string::npos);
    store::ItemRow plenary;
    plenary.event_id = event_id;
    plenary.kind = "workshop";  // a workshop without a slot
    plenary.title = "Atelier perdu";
    plenary.starts_at = starts;
    EXPECT_FALSE(services::add_event_item(*db_, 0, plenary).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_slots"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_items"), 3);
}

TEST_F(EventsTest, TheProgrammeReadsByDayAndTimeWithSpeakersAndExportsToIcs) {
    store::ItemRow opening;
    opening.event_id = event_id;
    opening.kind = "round_table";
    opening.title = "Politiques publiques et transitions";
    opening.starts_at = starts + 7 * 3600;
    opening.ends_at = starts + 8 * 3600;
    auto item = services::add_event_item(*db_, 0, opening);
    ASSERT_TRUE(item.ok());
    ASSERT_TRUE(services::add_event_speaker(*db_, 0, {0, event_id, "Claude GRIVEL", "", "UNADEL"},
                                            {{item.value(), "moderator"}})
                    .ok());
    auto p = services::event_programme(*db_, "journees-test", false);
    ASSERT_TRUE(p.ok());
    ASSERT_FALSE(p->days.empty());
    std::size_t entries = 0;
    for (const auto& d : p->days) entries += d.entries.size();
    EXPECT_EQ(entries, 3u);  // two slots, one round table
    const auto& last = p->days.back().entries.back();
    ASSERT_TRUE(last.item);
    EXPECT_EQ(last.item->speakers.at(0).role, "moderator");
    auto ics = services::event_calendar(*db_, "journees-test", "https://ateliers.example");
    ASSERT_TRUE(ics.ok());
    std::size_t vevents = 0;
    for (auto pos = ics->find("BEGIN:VEVENT"); pos != std::string::npos; pos = ics->find("BEGIN:VEVENT", pos + 1)) ++vevents;
    EXPECT_EQ(vevents, 4u);  // three workshops, one round table
}
