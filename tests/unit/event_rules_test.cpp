// The rules of an event's programme: slots, capacities, choices, registration input.
#include <gtest/gtest.h>

#include "features/events/domain/programme_rules.hpp"

namespace ev = ateliers::events;

namespace {

const ev::Span day{1000, 10000};

}  // namespace

TEST(EventSlotRules, TableOfSlots) {
    const std::vector<ev::SlotSpan> others{{1, "Ateliers 13h45", {2000, 3000}}, {2, "Ateliers 15h30", {4000, 5000}}};
    struct Case {
        ev::SlotSpan candidate;
        bool accepted;
        std::string contains;
    } cases[] = {
        {{0, "Avant", {1000, 2000}}, true, ""},                        // ends where the next begins
        {{0, "Entre", {3000, 4000}}, true, ""},                        // fits between
        {{0, "Chevauche", {2500, 3500}}, false, "Ateliers 13h45"},     // overlaps the first
        {{0, "Englobe", {1500, 5500}}, false, "chevauche"},            // covers both
        {{0, "À l’envers", {3000, 3000}}, false, "finir après"},       // empty
        {{0, "Hors événement", {9000, 11000}}, false, "pendant"},      // after the event
        {{1, "Ateliers 13h45", {2100, 3100}}, true, ""},               // edits itself
        {{1, "Ateliers 13h45", {3900, 4100}}, false, "Ateliers 15h30"},  // edit runs into another
    };
    for (const auto& c : cases) {
        const auto problem = ev::slot_problem(c.candidate, day, others);
        EXPECT_EQ(problem.empty(), c.accepted) << c.candidate.title << ": " << problem;
        if (!c.accepted) EXPECT_NE(problem.find(c.contains), std::string::npos) << problem;
    }
}

TEST(EventCapacityRules, CapacityCannotFallBelowSeatsTaken) {
    EXPECT_EQ(ev::capacity_problem(30, 12), "");
    EXPECT_EQ(ev::capacity_problem(12, 12), "");
    EXPECT_NE(ev::capacity_problem(11, 12).find("12 places déjà attribuées"), std::string::npos);
    EXPECT_NE(ev::capacity_problem(-1, 0), "");
    EXPECT_EQ(ev::capacity_problem(std::nullopt, 500), "");  // no limit
}

TEST(EventCapacityRules, PlacementKeepsArrivalOrder) {
    EXPECT_EQ(ev::place(30, 0, 0), ev::Placement::seat);
    EXPECT_EQ(ev::place(30, 29, 0), ev::Placement::seat);
    EXPECT_EQ(ev::place(30, 30, 0), ev::Placement::queue);
    EXPECT_EQ(ev::place(30, 10, 1), ev::Placement::queue);  // someone waits already: no jumping the queue
    EXPECT_EQ(ev::place(0, 0, 0), ev::Placement::queue);
    EXPECT_EQ(ev::place(std::nullopt, 1000, 0), ev::Placement::seat);
    EXPECT_TRUE(ev::has_room(std::nullopt, 1000000));
    EXPECT_FALSE(ev::has_room(2, 2));
}

TEST(EventChoiceRules, OneWorkshopOfItsOwnSlot) {
    const ev::WorkshopSlots workshops{{11, 1}, {12, 1}, {21, 2}};
    EXPECT_TRUE(ev::choices_problems({{1, 11}, {2, 21}}, workshops).empty());
    EXPECT_TRUE(ev::choices_problems({}, workshops).empty());  // "je ne sais pas encore" everywhere
    const auto other_slot = ev::choices_problems({{1, 21}}, workshops);
    ASSERT_EQ(other_slot.count("choix_1"), 1u);
    EXPECT_NE(other_slot.at("choix_1").find("autre créneau"), std::string::npos);
    const auto unknown = ev::choices_problems({{2, 99}}, workshops);
    ASSERT_EQ(unknown.count("choix_2"), 1u);
    EXPECT_NE(unknown.at("choix_2").find("n’existe pas"), std::string::npos);
}

TEST(EventRegistrationRules, ValidatesTheForm) {
    ev::RegistrationInput ok{"UNADEL", "association", "Chargée de mission", "in_person", "déjeuner", "", false};
    EXPECT_TRUE(ev::validate(ok).empty());
    auto bad = ok;
    bad.organisation = "  ";
    bad.organisation_kind = "banque";
    bad.function_title = "";
    bad.attendance = "les deux";
    bad.accessibility = std::string(2001, 'a');
    const auto errors = ev::validate(bad);
    for (const char* f : {"organisation", "organisation_kind", "function_title", "attendance", "accessibility"})
        EXPECT_EQ(errors.count(f), 1u) << f;
}

TEST(EventRegistrationRules, ChangesUntilTheEventStarts) {
    EXPECT_TRUE(ev::open_for_changes(100, 99));
    EXPECT_FALSE(ev::open_for_changes(100, 100));
}

TEST(EventKinds, CodesRoundTrip) {
    for (auto k : {ev::ItemKind::plenary, ev::ItemKind::workshop, ev::ItemKind::round_table, ev::ItemKind::witnesses,
                   ev::ItemKind::talk, ev::ItemKind::break_time, ev::ItemKind::meal}) {
        ev::ItemKind back;
        ASSERT_TRUE(ev::parse_item_kind(ev::item_kind_code(k), back));
        EXPECT_EQ(back, k);
    }
    ev::Kind kind;
    EXPECT_TRUE(ev::parse_kind("seminaire", kind));
    EXPECT_STREQ(ev::kind_label(kind), "Séminaire");
    EXPECT_FALSE(ev::parse_kind("fête", kind));
}
