#include "platform/charts/radar.hpp"

#include <algorithm>
#include <cmath>

#include "platform/charts/charts.hpp"
#include "platform/core/text.hpp"

namespace ateliers::charts {

namespace {

constexpr double width = 520;
constexpr double height = 440;
constexpr Point centre{260, 215};
constexpr double radius = 140;
constexpr const char* font = "font-family=\"Marianne, arial, sans-serif\"";
constexpr const char* text_colour = "#161616";
constexpr const char* grid_colour = "#929292";
// First series: grey, dashed (the earlier state); second: blue France, solid, filled.
constexpr const char* strokes[] = {"#666666", "#000091"};
constexpr const char* dashes[] = {" stroke-dasharray=\"6 4\"", ""};
constexpr const char* fills[] = {"none", "#000091"};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string text_at(double x, double y, const std::string& content, const std::string& anchor, int size = 14) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" " + font + " font-size=\"" + std::to_string(size) +
           "\" fill=\"" + text_colour + "\" text-anchor=\"" + anchor + "\">" + text::escape_html(content) + "</text>";
}

std::string polygon(const std::vector<Point>& points) {
    std::string s;
    for (const auto& p : points) s += (s.empty() ? "" : " ") + num(p.x) + "," + num(p.y);
    return s;
}

std::string describe(const RadarChart& chart) {
    std::string d;
    for (const auto& s : chart.series) {
        d += s.name + " : ";
        for (std::size_t i = 0; i < chart.axes.size(); ++i) {
            const auto& v = i < s.values.size() ? s.values[i] : std::nullopt;
            d += (i ? ", " : "") + chart.axes[i] + " " + (v ? format_value(*v, 0, "%") : std::string("non évaluée"));
        }
        d += ". ";
    }
    return d;
}

}  // namespace

Point radar_point(std::size_t axis, std::size_t axes, double percent, Point c, double r) {
    if (axes == 0) return c;
    const double p = std::clamp(std::isfinite(percent) ? percent : 0.0, 0.0, 100.0) / 100.0;
    const double angle = 2 * M_PI * static_cast<double>(axis) / static_cast<double>(axes);
    return {c.x + r * p * std::sin(angle), c.y - r * p * std::cos(angle)};
}

std::string radar_svg(const RadarChart& chart) {
    const bool empty = chart.axes.size() < 3 || chart.series.empty();
    const std::string desc = empty ? chart.empty_text : describe(chart);
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ateliers-chart\" role=\"img\" focusable=\"false\" "
                    "width=\"100%\" viewBox=\"0 0 " + num(width) + " " + num(empty ? 40 : height) +
                    "\" aria-labelledby=\"" + chart.id + "-titre\" aria-describedby=\"" + chart.id + "-desc\">";
    s += "<title id=\"" + chart.id + "-titre\">" + text::escape_html(chart.title) + "</title>";
    s += "<desc id=\"" + chart.id + "-desc\">" + text::escape_html(desc) + "</desc>";
    s += "<rect x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" + num(empty ? 40 : height) + "\" fill=\"#ffffff\"/>";
    if (empty) return s + text_at(10, 25, chart.empty_text, "start") + "</svg>";
    const auto n = chart.axes.size();
    // Rings at 25, 50, 75 and 100 %, numbered along the first axis.
    for (int ring = 25; ring <= 100; ring += 25) {
        std::vector<Point> pts;
        for (std::size_t i = 0; i < n; ++i) pts.push_back(radar_point(i, n, ring, centre, radius));
        s += "<polygon points=\"" + polygon(pts) + "\" fill=\"none\" stroke=\"" + grid_colour + "\" stroke-width=\"1\"/>";
        const auto at = radar_point(0, n, ring, centre, radius);
        s += text_at(at.x + 4, at.y + 4, std::to_string(ring) + " %", "start", 11);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto end = radar_point(i, n, 100, centre, radius);
        s += "<line x1=\"" + num(centre.x) + "\" y1=\"" + num(centre.y) + "\" x2=\"" + num(end.x) + "\" y2=\"" +
             num(end.y) + "\" stroke=\"" + grid_colour + "\" stroke-width=\"1\"/>";
        const auto label = radar_point(i, n, 100, centre, radius + 22);
        const std::string anchor = std::abs(label.x - centre.x) < 1 ? "middle" : (label.x > centre.x ? "start" : "end");
        s += text_at(label.x, label.y + 5, chart.axes[i], anchor);
    }
    for (std::size_t k = 0; k < chart.series.size() && k < 2; ++k) {
        const auto& series = chart.series[k];
        std::vector<Point> pts;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& v = i < series.values.size() ? series.values[i] : std::nullopt;
            pts.push_back(radar_point(i, n, v.value_or(0), centre, radius));
        }
        s += "<polygon points=\"" + polygon(pts) + "\" fill=\"" + fills[k] + "\" fill-opacity=\"0.12\" stroke=\"" +
             strokes[k] + "\" stroke-width=\"2.5\"" + dashes[k] + "/>";
        for (const auto& p : pts)
            s += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"3.5\" fill=\"" + strokes[k] + "\"/>";
    }
    // Legend: the line style says which series is which, not the colour alone.
    double y = height - 40;
    for (std::size_t k = 0; k < chart.series.size() && k < 2; ++k, y += 22) {
        s += "<line x1=\"20\" y1=\"" + num(y - 5) + "\" x2=\"56\" y2=\"" + num(y - 5) + "\" stroke=\"" + strokes[k] +
             "\" stroke-width=\"2.5\"" + dashes[k] + "/>";
        s += text_at(64, y, chart.series[k].name + (k == 0 ? " (tirets)" : " (trait plein)"), "start");
    }
    return s + "</svg>";
}

}  // namespace ateliers::charts
