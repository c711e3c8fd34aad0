#pragma once
// A radar (polar) chart on a 100 % base, drawn on the server as inline SVG like the
// other charts: role="img", a <title> and a <desc> stating every figure, series told
// apart by line style as well as colour, every axis labelled with its name. Pages
// follow it with a table of the same figures. Pure: strings in, a string out.
#include <optional>
#include <string>
#include <vector>

namespace ateliers::charts {

struct RadarSeries {
    std::string name;                     // "Diagnostic", "Bilan année 1"
    std::vector<std::optional<double>> values;  // one per axis, 0..100; none: not measured (drawn at 0)
};

struct RadarChart {
    std::string id;
    std::string title;
    std::vector<std::string> axes;     // at least 3
    std::vector<RadarSeries> series;   // at most 2 are told apart (dashed first, solid second)
    std::string empty_text = "Aucune donnée pour le moment.";
};

struct Point {
    double x = 0;
    double y = 0;
};

// Where `percent` (clamped to 0..100) of axis `axis` of `axes` lies: axis 0 points up,
// the others follow clockwise, 100 % at `radius` from the centre.
Point radar_point(std::size_t axis, std::size_t axes, double percent, Point centre, double radius);

std::string radar_svg(const RadarChart& chart);

}  // namespace ateliers::charts
