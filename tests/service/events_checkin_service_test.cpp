// Tickets and check-in against a real database (SQLite, and PostgreSQL when
// ATELIERS_TEST_PG_URL is set): a confirmed registration has a ticket; checking in twice
// keeps the first time; forged tickets, tickets of another event, people waiting and
// workshop presence before check-in are refused.
#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_checkin.hpp"
#include "features/events/services/event_registrations.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class EventsCheckinTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        const long long starts = store::now_utc_seconds() + 30 * 86400;
        event_id = make_event("accueil-test", starts, 1);
        other_event = make_event("autre-test", starts, 5);
        auto slot = services::add_event_slot(*db_, 0, {0, event_id, "Ateliers", starts + 3600, starts + 7200});
        ASSERT_TRUE(slot.ok()) << slot.failure().message;
        slot_id = slot.value();
        store::ItemRow i;
        i.event_id = event_id;
        i.slot_id = slot_id;
        i.kind = "workshop";
        i.title = "Coopérer";
        i.capacity = 10;
        auto item = services::add_event_item(*db_, 0, i);
        ASSERT_TRUE(item.ok()) << item.failure().message;
        workshop = item.value();
    }

    long long make_event(const std::string& slug, long long starts, int capacity) {
        store::EventRow e;
        e.slug = slug;
        e.title = "Événement " + slug;
        e.kind = "journees";
        e.starts_at = starts;
        e.ends_at = starts + 86400;
        e.capacity = capacity;
        e.published = true;
        auto id = services::create_event(*db_, 0, e);
        EXPECT_TRUE(id.ok()) << id.failure().message;
        return id.ok() ? id.value() : 0;
    }

    long long join(const services::CurrentUser& u, const std::string& slug, events::Choices choices) {
        services::EventRegistrationRequest r{{"UNADEL", "association", "Chargée de mission", "in_person", "", "", false},
                                             "",
                                             std::move(choices)};
        auto out = services::register_to_event(*db_, u, slug, r, mail);
        EXPECT_TRUE(out.ok()) << out.failure().message;
        return out.ok() ? out->registration_id : 0;
    }

    long long event_id = 0, other_event = 0, slot_id = 0, workshop = 0;
};

}  // namespace

TEST_F(EventsCheckinTest, ATicketChecksInOnceAndAReplayKeepsTheFirstTime) {
    const auto ana = person("ana", "commune:42168");
    const auto reg = join(ana, "accueil-test", {{slot_id, workshop}});
    auto ticket = services::my_event_ticket(*db_, event_id, ana.id);
    ASSERT_TRUE(ticket.ok()) << ticket.failure().message;
    ASSERT_TRUE(ticket.value().has_value());
    EXPECT_FALSE(ticket.value()->checked_in_at);
    const auto token = ticket.value()->token;

    auto first = services::check_in(*db_, 0, "accueil-test", token, 0);
    ASSERT_TRUE(first.ok()) << first.failure().message;
    EXPECT_EQ(first->registration_id, reg);
    EXPECT_FALSE(first->already);
    auto again = services::check_in(*db_, 0, "accueil-test", "", reg);  // by name, then a replay
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->already);
    EXPECT_EQ(again->checked_in_at, first->checked_in_at);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_checkins"), 1);
    auto now = services::my_event_ticket(*db_, event_id, ana.id);
    ASSERT_TRUE(now.ok() && now.value() && now.value()->checked_in_at);
}

TEST_F(EventsCheckinTest, ForgedTicketsAndOtherEventsAreRefusedInFrench) {
    const auto ana = person("ana", "commune:42168");
    const auto reg = join(ana, "accueil-test", {});
    auto forged = services::check_in(*db_, 0, "accueil-test", std::to_string(reg) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 0);
    ASSERT_FALSE(forged.ok());
    EXPECT_EQ(forged.failure().kind, FailureKind::invalid);
    EXPECT_NE(forged.failure().message.find("n’est pas valide"), std::string::npos);
    auto token = services::event_ticket_token(*db_, reg);
    ASSERT_TRUE(token.ok());
    auto elsewhere = services::check_in(*db_, 0, "autre-test", token.value(), 0);
    ASSERT_FALSE(elsewhere.ok());
    EXPECT_NE(elsewhere.failure().message.find("pas celui de cet événement"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_checkins"), 0);
}

TEST_F(EventsCheckinTest, PeopleWaitingHaveNoTicketAndCannotBeCheckedIn) {
    const auto ana = person("ana", "commune:42168"), bea = person("bea", "commune:42056");
    join(ana, "accueil-test", {});
    const auto waiting = join(bea, "accueil-test", {});  // capacity 1: queue
    auto ticket = services::my_event_ticket(*db_, event_id, bea.id);
    ASSERT_TRUE(ticket.ok());
    EXPECT_FALSE(ticket.value().has_value());
    auto r = services::check_in(*db_, 0, "accueil-test", "", waiting);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.failure().kind, FailureKind::conflict);
}

TEST_F(EventsCheckinTest, WorkshopPresenceNeedsCheckInAndASeatThere) {
    const auto ana = person("ana", "commune:42168");
    const auto reg = join(ana, "accueil-test", {{slot_id, workshop}});
    auto early = services::mark_workshop_presence(*db_, 0, "accueil-test", reg, workshop);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.failure().kind, FailureKind::conflict);
    ASSERT_TRUE(services::check_in(*db_, 0, "accueil-test", "", reg).ok());
    auto wrong = services::mark_workshop_presence(*db_, 0, "accueil-test", reg, workshop + 1000);
    EXPECT_FALSE(wrong.ok());
    ASSERT_TRUE(services::mark_workshop_presence(*db_, 0, "accueil-test", reg, workshop).ok());
    ASSERT_TRUE(services::mark_workshop_presence(*db_, 0, "accueil-test", reg, workshop).ok());  // idempotent
    auto desk = services::welcome_desk(*db_, "accueil-test");
    ASSERT_TRUE(desk.ok());
    EXPECT_EQ(desk->checked_in.count(reg), 1u);
    EXPECT_EQ(desk->presence.count({reg, workshop}), 1u);
}
