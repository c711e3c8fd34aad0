// The stakeholder map's rules: the four fantastiques, the names of roles, the layout
// (no two nodes overlap, every link drawn from border to border) and value comparison.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "features/projects/domain/actor_map.hpp"
#include "features/projects/domain/actors.hpp"
#include "features/projects/domain/value_sessions.hpp"

namespace pj = ateliers::projects;

namespace {

void expect_no_overlap(const pj::MapLayout& layout) {
    for (std::size_t i = 0; i < layout.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < layout.nodes.size(); ++j)
            ASSERT_FALSE(pj::nodes_overlap(layout.nodes[i], layout.nodes[j]))
                << "nodes " << layout.nodes[i].id << " and " << layout.nodes[j].id << " overlap at (" << layout.nodes[i].x
                << "," << layout.nodes[i].y << ") and (" << layout.nodes[j].x << "," << layout.nodes[j].y << ")";
}

// A link's ends lie on the border of its two nodes.
bool on_border(const pj::MapNode& n, double x, double y) {
    const double eps = 0.01;
    const bool inside_x = x >= n.x - eps && x <= n.x + pj::map_node_width + eps;
    const bool inside_y = y >= n.y - eps && y <= n.y + pj::map_node_height + eps;
    const bool on_vertical = std::abs(x - n.x) < eps || std::abs(x - (n.x + pj::map_node_width)) < eps;
    const bool on_horizontal = std::abs(y - n.y) < eps || std::abs(y - (n.y + pj::map_node_height)) < eps;
    return inside_x && inside_y && (on_vertical || on_horizontal);
}

}  // namespace

TEST(ProjectActors, FourFantastiquesMissing) {
    using C = pj::ActorCategory;
    EXPECT_EQ(pj::missing_fantastiques({}).size(), 4u);
    EXPECT_EQ(pj::missing_fantastiques({C::elu, C::habitant, C::autre}),
              (std::vector<C>{C::agent, C::etat_territorial, C::acteur_socio_economique}));
    EXPECT_TRUE(pj::missing_fantastiques({C::acteur_socio_economique, C::etat_territorial, C::agent, C::elu, C::elu}).empty());
    EXPECT_TRUE(pj::is_fantastique(C::etat_territorial));
    EXPECT_FALSE(pj::is_fantastique(C::habitant));
}

TEST(ProjectActors, NamesRoundTripAndUnknownIsRefused) {
    for (auto c : pj::all_categories()) EXPECT_EQ(pj::parse_category(pj::category_name(c)), c);
    for (auto a : pj::all_actants()) EXPECT_EQ(pj::parse_actant(pj::actant_name(a)), a);
    for (auto s : pj::all_stances()) EXPECT_EQ(pj::parse_stance(pj::stance_name(s)), s);
    EXPECT_EQ(pj::parse_actant(""), pj::Actant::none);
    EXPECT_FALSE(pj::parse_actant("heros"));
    EXPECT_FALSE(pj::parse_category("ELU"));
    EXPECT_FALSE(pj::parse_link_kind(""));
    EXPECT_EQ(pj::link_kind_label(pj::LinkKind::influence), "a une influence sur…");
}

TEST(ProjectMapLayout, EmptyMapHasNoNodes) {
    auto layout = pj::layout_actor_map({}, {});
    EXPECT_TRUE(layout.nodes.empty());
    EXPECT_TRUE(layout.links.empty());
    EXPECT_GT(layout.width, 0);
}

TEST(ProjectMapLayout, EveryRoleGetsItsZoneAndNoNodesOverlap) {
    std::vector<pj::MapActor> actors;
    long long id = 1;
    for (auto a : pj::all_actants())
        for (int k = 0; k < 7; ++k) actors.push_back({id++, a, {}, {}});
    auto layout = pj::layout_actor_map(actors, {});
    ASSERT_EQ(layout.nodes.size(), actors.size());
    EXPECT_EQ(layout.zones.size(), pj::all_actants().size());
    expect_no_overlap(layout);
    // Each node lies inside its role's zone, and inside the drawing.
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const auto& n = layout.nodes[i];
        EXPECT_EQ(n.id, actors[i].id);
        bool inside = false;
        for (const auto& z : layout.zones)
            if (z.actant == actors[i].actant)
                inside = n.x >= z.x && n.y >= z.y && n.x + pj::map_node_width <= z.x + z.width &&
                         n.y + pj::map_node_height <= z.y + z.height;
        EXPECT_TRUE(inside) << "actor " << n.id;
        EXPECT_LE(n.x + pj::map_node_width, layout.width);
        EXPECT_LE(n.y + pj::map_node_height, layout.height);
    }
    // Zones do not overlap either.
    for (std::size_t i = 0; i < layout.zones.size(); ++i)
        for (std::size_t j = i + 1; j < layout.zones.size(); ++j) {
            const auto &a = layout.zones[i], &b = layout.zones[j];
            EXPECT_FALSE(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
                << pj::actant_label(a.actant) << " / " << pj::actant_label(b.actant);
        }
}

TEST(ProjectMapLayout, DraggedNodesKeepTheirPlaceUnlessTheyWouldCoverAnother) {
    std::vector<pj::MapActor> actors{{1, pj::Actant::sujet, {}, {}}, {2, pj::Actant::none, 700, 900}};
    auto free_place = pj::layout_actor_map(actors, {});
    EXPECT_EQ(free_place.nodes[1].x, 700);
    EXPECT_EQ(free_place.nodes[1].y, 900);
    // Dropped exactly on the sujet: moved down until free.
    actors[1].x = free_place.nodes[0].x;
    actors[1].y = free_place.nodes[0].y;
    actors.push_back({3, pj::Actant::none, free_place.nodes[0].x + 10, free_place.nodes[0].y + 5});
    auto layout = pj::layout_actor_map(actors, {});
    expect_no_overlap(layout);
    EXPECT_EQ(layout.nodes[1].x, free_place.nodes[0].x);
    EXPECT_GT(layout.nodes[1].y, free_place.nodes[0].y);
}

TEST(ProjectMapLayout, TwoHundredActorsSixHundredLinksAllDrawnWithoutOverlap) {
    std::mt19937 random(13);
    std::vector<pj::MapActor> actors;
    for (long long id = 1; id <= 200; ++id) {
        const auto& roles = pj::all_actants();
        pj::MapActor a{id, roles[random() % roles.size()], {}, {}};
        if (id % 10 == 0) {  // some dragged, some onto each other
            a.x = static_cast<int>(random() % 1500);
            a.y = static_cast<int>(random() % 1500);
        }
        actors.push_back(a);
    }
    std::vector<pj::MapLink> links;
    for (long long id = 1; id <= 600; ++id) {
        long long from = 1 + static_cast<long long>(random() % 200), to = 1 + static_cast<long long>(random() % 200);
        if (to == from) to = from % 200 + 1;
        links.push_back({id, from, to});
    }
    links.push_back({601, 5, 999});  // an actor that is not on the map: left out, not drawn to nowhere
    auto layout = pj::layout_actor_map(actors, links);
    ASSERT_EQ(layout.nodes.size(), 200u);
    expect_no_overlap(layout);
    ASSERT_EQ(layout.links.size(), 600u);
    std::map<long long, pj::MapNode> by_id;
    for (const auto& n : layout.nodes) by_id[n.id] = n;
    for (std::size_t i = 0; i < 600; ++i) {
        const auto& s = layout.links[i];
        EXPECT_EQ(s.id, links[i].id);
        EXPECT_TRUE(on_border(by_id[links[i].from], s.x1, s.y1)) << "link " << s.id << " start";
        EXPECT_TRUE(on_border(by_id[links[i].to], s.x2, s.y2)) << "link " << s.id << " end";
    }
}

TEST(ProjectValueSessions, ComparisonLinesUpDimensionsAcrossSessions) {
    std::vector<pj::ValueSessionEntries> sessions{
        {"2025-03-01", {{"cooperation", "Coopération", "Groupe des agents actif", "2 réunions", "agents présents", "12"}}},
        {"2025-09-15", {{"cooperation", "Coopération", "Espace DGS en place", "", "agents présents", "25"},
                        {"competences", "Compétences", "40 managers formés", "CNFPT", "", ""}}}};
    auto rows = pj::compare_value_sessions({{"economique", "Économique"}, {"cooperation", "Coopération"}, {"competences", "Compétences"}},
                                           sessions);
    ASSERT_EQ(rows.size(), 2u);  // économique was never discussed: no row
    EXPECT_EQ(rows[0].dimension, "cooperation");
    ASSERT_EQ(rows[0].cells.size(), 2u);
    EXPECT_EQ(rows[0].cells[0].indicator_value, "12");
    EXPECT_EQ(rows[0].cells[1].indicator_value, "25");
    EXPECT_EQ(rows[1].dimension, "competences");
    EXPECT_FALSE(rows[1].cells[0].discussed);
    EXPECT_TRUE(rows[1].cells[1].discussed);
}
