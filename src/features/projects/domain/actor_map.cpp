#include "features/projects/domain/actor_map.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace ateliers::projects {

namespace {

constexpr int cell_w = map_node_width + 16;
constexpr int cell_h = map_node_height + 16;
constexpr int zone_pad = 12;
constexpr int zone_header = 28;  // room for the zone's title
constexpr int gap = 24;          // between zones

// Grid place of each role: {row, column}; none goes in the band at the foot (row 2).
std::pair<int, int> slot(Actant a) {
    switch (a) {
        case Actant::destinateur: return {0, 0};
        case Actant::objet: return {0, 1};
        case Actant::destinataire: return {0, 2};
        case Actant::adjuvant: return {1, 0};
        case Actant::sujet: return {1, 1};
        case Actant::opposant: return {1, 2};
        case Actant::quete: return {0, 3};  // drawn between objet and sujet: see below
        case Actant::none: return {2, 0};
    }
    return {2, 0};
}

int columns_for(std::size_t count) {
    if (count == 0) return 1;
    return std::clamp(static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count)))), 1, 8);
}

int rows_for(std::size_t count, int columns) {
    return static_cast<int>((count + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
}

// The point where the segment from the centre of `n` towards (tx, ty) leaves the node.
std::pair<double, double> border_point(const MapNode& n, double tx, double ty) {
    const double cx = n.x + map_node_width / 2.0, cy = n.y + map_node_height / 2.0;
    const double dx = tx - cx, dy = ty - cy;
    if (dx == 0 && dy == 0) return {cx, cy};
    const double sx = dx != 0 ? (map_node_width / 2.0) / std::abs(dx) : 1e18;
    const double sy = dy != 0 ? (map_node_height / 2.0) / std::abs(dy) : 1e18;
    const double s = std::min({sx, sy, 1.0});
    return {cx + dx * s, cy + dy * s};
}

}  // namespace

bool nodes_overlap(const MapNode& a, const MapNode& b) {
    return a.x < b.x + map_node_width && b.x < a.x + map_node_width && a.y < b.y + map_node_height &&
           b.y < a.y + map_node_height;
}

MapLayout layout_actor_map(const std::vector<MapActor>& actors, const std::vector<MapLink>& links) {
    // Actors of each role, in the order given (computed places only; dragged ones later).
    std::map<Actant, std::vector<std::size_t>> by_role;
    for (std::size_t i = 0; i < actors.size(); ++i)
        if (!(actors[i].x && actors[i].y)) by_role[actors[i].actant].push_back(i);
    std::map<Actant, int> count;
    for (const auto& a : actors) ++count[a.actant];

    // Columns of the three grid columns: as many cells as the fullest zone in that column needs.
    // The quête shares the middle column, between objet (row 0) and sujet (row 1).
    auto zone_count = [&](Actant a) { return count.count(a) ? static_cast<std::size_t>(count[a]) : 0u; };
    int cols[3];
    const Actant column_roles[3][3] = {{Actant::destinateur, Actant::adjuvant, Actant::destinateur},
                                       {Actant::objet, Actant::sujet, Actant::quete},
                                       {Actant::destinataire, Actant::opposant, Actant::destinataire}};
    for (int c = 0; c < 3; ++c) {
        std::size_t most = 0;
        for (auto a : column_roles[c]) most = std::max(most, zone_count(a));
        cols[c] = columns_for(most);
    }
    int col_x[3], col_w[3];
    int x = 0;
    for (int c = 0; c < 3; ++c) {
        col_w[c] = cols[c] * cell_w + 2 * zone_pad;
        col_x[c] = x;
        x += col_w[c] + gap;
    }
    const int grid_width = x - gap;

    auto zone_height = [&](Actant a, int columns) {
        return zone_header + rows_for(zone_count(a), columns) * cell_h + 2 * zone_pad;
    };
    const int row0_h = std::max({zone_height(Actant::destinateur, cols[0]), zone_height(Actant::objet, cols[1]),
                                 zone_height(Actant::destinataire, cols[2])});
    const int quete_h = zone_count(Actant::quete) ? zone_height(Actant::quete, cols[1]) : 0;
    const int row1_h = std::max({zone_height(Actant::adjuvant, cols[0]), zone_height(Actant::sujet, cols[1]),
                                 zone_height(Actant::opposant, cols[2])});
    const int y0 = 0;
    const int yq = row0_h + gap;
    const int y1 = yq + (quete_h ? quete_h + gap : 0);
    const int y2 = y1 + row1_h + gap;
    const int band_cols = std::max(1, (grid_width - 2 * zone_pad) / cell_w);

    MapLayout out;
    std::vector<std::optional<MapNode>> placed(actors.size());
    auto place_zone = [&](Actant a, int zx, int zy, int zw, int columns) {
        if (!zone_count(a)) return;
        MapZone z{a, zx, zy, zw, zone_header + rows_for(zone_count(a), columns) * cell_h + 2 * zone_pad};
        out.zones.push_back(z);
        int k = 0;
        for (auto i : by_role[a]) {
            placed[i] = MapNode{actors[i].id, zx + zone_pad + (k % columns) * cell_w + (cell_w - map_node_width) / 2,
                                zy + zone_header + zone_pad + (k / columns) * cell_h + (cell_h - map_node_height) / 2};
            ++k;
        }
    };
    for (auto a : all_actants()) {
        const auto [row, c] = slot(a);
        if (a == Actant::quete) place_zone(a, col_x[1], yq, col_w[1], cols[1]);
        else if (row == 2) place_zone(a, 0, y2, grid_width, band_cols);
        else place_zone(a, col_x[c], row == 0 ? y0 : y1, col_w[c], cols[c]);
    }
    int height = y2;
    for (const auto& z : out.zones) height = std::max(height, z.y + z.height);

    // Dragged nodes: where they were put, moved down past any node already there.
    for (std::size_t i = 0; i < actors.size(); ++i) {
        if (placed[i]) continue;
        MapNode n{actors[i].id, std::max(0, *actors[i].x), std::max(0, *actors[i].y)};
        for (bool moved = true; moved;) {
            moved = false;
            for (const auto& other : placed)
                if (other && nodes_overlap(n, *other)) {
                    n.y = other->y + map_node_height + 4;
                    moved = true;
                }
        }
        placed[i] = n;
    }
    std::map<long long, MapNode> by_id;
    int width = grid_width;
    for (const auto& n : placed) {
        out.nodes.push_back(*n);
        by_id[n->id] = *n;
        height = std::max(height, n->y + map_node_height);
        width = std::max(width, n->x + map_node_width);  // a node dragged to the right widens the drawing
    }
    for (const auto& l : links) {
        auto f = by_id.find(l.from), t = by_id.find(l.to);
        if (f == by_id.end() || t == by_id.end()) continue;
        const double fx = f->second.x + map_node_width / 2.0, fy = f->second.y + map_node_height / 2.0;
        const double tx = t->second.x + map_node_width / 2.0, ty = t->second.y + map_node_height / 2.0;
        const auto [x1, y1p] = border_point(f->second, tx, ty);
        const auto [x2, y2p] = border_point(t->second, fx, fy);
        out.links.push_back({l.id, x1, y1p, x2, y2p});
    }
    out.width = width + zone_pad;
    out.height = height + zone_pad;
    return out;
}

}  // namespace ateliers::projects
