#pragma once
// Where each actor of the stakeholder map goes. The schéma actantiel gives the zones
// (Greimas's axes: destinateur → objet → destinataires above, adjuvants → sujet ← opposants
// below, the quête between sujet and objet, actors without a role in a band at the foot);
// within a zone, actors fill a grid of cells larger than a node, so no two computed nodes
// overlap. A node someone dragged keeps its place unless it would cover another node, in
// which case it moves down until it is free. Pure: unit-tested and benchmarked
// (bench/projects.sh), drawn as SVG by the web layer.
#include <optional>
#include <string>
#include <vector>

#include "features/projects/domain/actors.hpp"

namespace ateliers::projects {

struct MapActor {
    long long id = 0;
    Actant actant = Actant::none;
    std::optional<int> x, y;  // dragged position (top-left corner), if any
};
struct MapLink {
    long long id = 0;
    long long from = 0, to = 0;
};

struct MapZone {
    Actant actant = Actant::none;
    int x = 0, y = 0, width = 0, height = 0;
};
struct MapNode {
    long long id = 0;
    int x = 0, y = 0;  // top-left corner
};
struct MapSegment {
    long long id = 0;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // from the border of one node to the border of the other
};
struct MapLayout {
    int width = 0, height = 0;
    std::vector<MapZone> zones;     // only zones with at least one actor
    std::vector<MapNode> nodes;     // in the order of the actors given
    std::vector<MapSegment> links;  // in the order of the links given; links naming an unknown actor are left out
};

inline constexpr int map_node_width = 168;
inline constexpr int map_node_height = 44;

MapLayout layout_actor_map(const std::vector<MapActor>& actors, const std::vector<MapLink>& links);

// True when the two nodes' rectangles share any area.
bool nodes_overlap(const MapNode& a, const MapNode& b);

}  // namespace ateliers::projects
