// When an item or a slot may leave the programme: never while someone holds or awaits a
// place in it, and the refusal says how many people are concerned.
#include <gtest/gtest.h>

#include "features/events/domain/programme_removal.hpp"

namespace ev = ateliers::events;

TEST(EventProgrammeRemoval, EmptyItemsAndSlotsMayGo) {
    EXPECT_FALSE(ev::removal_refusal(ev::RemovalTarget::item, {0, 0}));
    EXPECT_FALSE(ev::removal_refusal(ev::RemovalTarget::slot, {0, 0}));
}

TEST(EventProgrammeRemoval, RefusedWithTheCountsOfPeopleConcerned) {
    struct Case {
        ev::RemovalTarget target;
        ev::SeatsInUse seats;
        std::string starts;
        std::string counts;
    };
    const std::vector<Case> cases{
        {ev::RemovalTarget::item, {1, 0}, "Cet atelier ne peut pas être supprimé", "1 personne y a une place."},
        {ev::RemovalTarget::item, {3, 0}, "Cet atelier ne peut pas être supprimé", "3 personnes y ont une place."},
        {ev::RemovalTarget::item, {0, 2}, "Cet atelier ne peut pas être supprimé", "2 personnes en attente."},
        {ev::RemovalTarget::slot, {12, 1}, "Ce créneau ne peut pas être supprimé",
         "12 personnes y ont une place et 1 personne en attente."},
    };
    for (const auto& c : cases) {
        const auto refusal = ev::removal_refusal(c.target, c.seats);
        ASSERT_TRUE(refusal) << c.counts;
        EXPECT_EQ(refusal->rfind(c.starts, 0), 0u) << *refusal;
        EXPECT_NE(refusal->find(c.counts), std::string::npos) << *refusal;
        EXPECT_NE(refusal->find("E-mail aux inscrit·es"), std::string::npos) << *refusal;
    }
}

TEST(EventProgrammeRemoval, PeopleCountAgrees) {
    EXPECT_EQ(ev::people_count(1), "1 personne");
    EXPECT_EQ(ev::people_count(2), "2 personnes");
}
