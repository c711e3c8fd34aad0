// Collectivités reached across the four kinds of work, and the territory page's lines.
#include <gtest/gtest.h>

#include "features/reports/domain/territory_reach.hpp"

using namespace ateliers;
using reports::count_reached;
using reports::territory_overview;

namespace {

int count_of(const std::vector<reports::ReachCount>& counts, const std::string& label) {
    for (const auto& c : counts)
        if (c.label == label) return c.count;
    return -1;
}

modules::TerritoryParticipation line(const std::string& kind, const std::string& who, const std::string& offer,
                                     std::int64_t at) {
    modules::TerritoryParticipation p;
    p.kind = kind;
    p.kind_label = kind + "s";
    p.collectivite_id = who;
    p.offer = offer;
    p.starts_at = at;
    return p;
}

}  // namespace

TEST(CollectiviteKind, IsThePrefixOfTheReferentialId) {
    EXPECT_EQ(reports::collectivite_kind_of("commune:42168"), "commune");
    EXPECT_EQ(reports::collectivite_kind_of("epci:244200895"), "epci");
    EXPECT_EQ(reports::collectivite_kind_of("42168"), "");
}

TEST(CollectivitesReached, CountsEachCollectiviteOnceAcrossKindsOfWork) {
    const auto r = count_reached({{"Cycles", {"commune:42168", "commune:42168", "commune:69072"}},
                                  {"Événements", {"commune:42168", "departement:42"}},
                                  {"Programmes", {}},
                                  {"Projets", {"commune:69072"}}},
                                 {});
    EXPECT_EQ(r.total, 3);
    EXPECT_EQ(count_of(r.by_work, "Cycles"), 2);
    EXPECT_EQ(count_of(r.by_work, "Événements"), 2);
    EXPECT_EQ(count_of(r.by_work, "Programmes"), 0);
    EXPECT_EQ(count_of(r.by_work, "Projets"), 1);
    EXPECT_EQ(count_of(r.by_kind, "Communes"), 2);
    EXPECT_EQ(count_of(r.by_kind, "Départements"), 1);
    EXPECT_EQ(count_of(r.by_kind, "Intercommunalités (EPCI)"), -1);  // no empty line
    EXPECT_EQ(r.communes_through_epci, 0);
}

TEST(CollectivitesReached, CommunesCoveredThroughTheirEpciAreCountedApartAndOnlyOnce) {
    const std::map<std::string, std::vector<std::string>> members{
        {"epci:244200895", {"commune:42168", "commune:42056"}},
        {"epci:244200622", {"commune:42224", "commune:42056"}}};
    // Pélussin took part itself: it is not counted again through its EPCI; Chavanay
    // belongs to both EPCI and counts once.
    const auto r = count_reached({{"Cycles", {"commune:42168"}},
                                  {"Programmes", {"epci:244200895", "epci:244200622"}}},
                                 members);
    EXPECT_EQ(r.total, 3);
    EXPECT_EQ(r.epcis_reached, 2);
    EXPECT_EQ(r.communes_through_epci, 2);  // Chavanay, Saint-Genest-Malifaux
    EXPECT_EQ(count_of(r.by_kind, "Communes"), 1);
}

TEST(CollectivitesReached, NothingReachedIsZeroEverywhere) {
    const auto r = count_reached({{"Cycles", {}}}, {});
    EXPECT_EQ(r.total, 0);
    EXPECT_TRUE(r.by_kind.empty());
    EXPECT_EQ(r.communes_through_epci, 0);
}

TEST(TerritoryOverview, GroupsByKindOfWorkMostRecentFirstAndSaysWhichCommune) {
    const std::map<std::string, std::string> names{{"epci:1", "CC du Pilat Rhodanien"},
                                                   {"commune:42168", "Pélussin"},
                                                   {"commune:42056", "Chavanay"}};
    const auto o = territory_overview({line("cycle", "commune:42168", "Forêts", 100),
                                       line("event", "commune:42056", "Journées", 300),
                                       line("cycle", "commune:42056", "Eau", 200),
                                       line("programme", "epci:1", "Territoires d’engagement", 0),
                                       line("cycle", "commune:99999", "Ailleurs", 400)},
                                      "epci:1", names);
    ASSERT_EQ(o.groups.size(), 3u);
    EXPECT_EQ(o.groups[0].kind, "cycle");
    EXPECT_EQ(o.groups[1].kind, "event");
    EXPECT_EQ(o.groups[2].kind, "programme");
    ASSERT_EQ(o.groups[0].lines.size(), 2u);  // the other territory's line is left out
    EXPECT_EQ(o.groups[0].lines[0].participation.offer, "Eau");
    EXPECT_EQ(o.groups[0].lines[0].where, "Chavanay");
    EXPECT_EQ(o.groups[0].lines[1].where, "Pélussin");
    EXPECT_EQ(o.groups[2].lines[0].where, "");  // the EPCI's own participation
    EXPECT_EQ(o.participations, 4);
    EXPECT_EQ(o.offers, 4);
    EXPECT_EQ(o.collectivites, (std::vector<std::string>{"CC du Pilat Rhodanien", "Chavanay", "Pélussin"}));
}

TEST(TerritoryOverview, NoParticipationGivesNoGroup) {
    const auto o = territory_overview({}, "commune:42168", {{"commune:42168", "Pélussin"}});
    EXPECT_TRUE(o.groups.empty());
    EXPECT_EQ(o.participations, 0);
    EXPECT_TRUE(o.collectivites.empty());
}
