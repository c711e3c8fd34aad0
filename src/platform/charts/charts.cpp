#include "platform/charts/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "platform/core/text.hpp"

namespace ateliers::charts {

namespace {

// Geometry, in SVG user units (the chart scales down with its container).
constexpr double width = 720;
constexpr double margin = 8;
constexpr double value_room = 130;  // after the longest bar, for its value
constexpr double line_height = 18;
constexpr double bar_height = 20;
constexpr double row_gap = 14;
constexpr std::size_t wrap_at = 78;  // characters per label line at 14 px

// DSFR colours: texts "grey-50" on white, bars "blue-france-sun-113", then the
// "blue-france-main-525", "error-425" and "grey-625" tints for the other series.
constexpr const char* text_colour = "#161616";
constexpr const char* series_colours[] = {"#000091", "#6a6af4", "#ce0500", "#929292"};
constexpr const char* font = "font-family=\"Marianne, arial, sans-serif\"";

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

// Keeps letters, digits, '-' and '_' so the id is valid in XML and in aria-labelledby.
std::string safe_id(const std::string& id) {
    std::string out;
    for (char c : id)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
            out.push_back(c);
    return out.empty() ? "graphique" : out;
}

// Word wrap by characters (an estimate of the width: SVG text does not wrap itself).
std::vector<std::string> wrap(const std::string& label) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= label.size()) {
        auto end = label.find(' ', start);
        if (end == std::string::npos) end = label.size();
        const auto word = label.substr(start, end - start);
        if (word.empty()) {  // repeated or trailing spaces
            start = end + 1;
            continue;
        }
        if (!line.empty() && text::length_in_chars(line) + 1 + text::length_in_chars(word) > wrap_at) {
            lines.push_back(line);
            line = word;
        } else {
            line += (line.empty() ? "" : " ") + word;
        }
        start = end + 1;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

std::string open_svg(const std::string& id, double height, const std::string& title, const std::string& desc) {
    const auto h = num(height);
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ateliers-chart\" role=\"img\" "
                    "focusable=\"false\" width=\"" + num(width) + "\" height=\"" + h + "\" viewBox=\"0 0 " +
                    num(width) + " " + h + "\" aria-labelledby=\"" + id + "-titre\" aria-describedby=\"" + id +
                    "-desc\">";
    s += "<title id=\"" + id + "-titre\">" + text::escape_html(title) + "</title>";
    s += "<desc id=\"" + id + "-desc\">" + text::escape_html(desc) + "</desc>";
    s += "<rect x=\"0\" y=\"0\" width=\"" + num(width) + "\" height=\"" + h + "\" fill=\"#ffffff\"/>";
    return s;
}

std::string text_at(double x, double y, const std::string& content, const char* extra = "") {
    return std::string("<text x=\"") + num(x) + "\" y=\"" + num(y) + "\" " + font + " font-size=\"14\" fill=\"" +
           text_colour + "\"" + extra + ">" + text::escape_html(content) + "</text>";
}

std::string empty_svg(const std::string& id, const std::string& title, const std::string& message) {
    return open_svg(id, 40, title, message) + text_at(margin, 25, message) + "</svg>";
}

// Label lines from y (their baseline is one line below); returns the y after them.
double draw_label(std::string& out, const std::string& label, double y) {
    for (const auto& line : wrap(label)) {
        y += line_height;
        out += text_at(margin, y - 4, line);
    }
    return y + 4;
}

double bar_width(double value, double scale, double area) {
    if (scale <= 0 || value <= 0) return 0;
    const double w = std::min(value, scale) / scale * area;
    return std::max(w, 2.0);  // a small value stays visible
}

std::string join_parts(const std::vector<std::string>& series, const std::vector<double>& parts) {
    std::string s;
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (i > 0) s += " · ";
        s += series[i] + " : " + format_number(i < parts.size() ? parts[i] : 0, 0);
    }
    return s;
}

}  // namespace


std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) value = 0;
    decimals = std::clamp(decimals, 0, 6);
    // Half up (4,25 → 4,3) as people round, where printf alone rounds half to even.
    const double factor = std::pow(10.0, decimals);
    value = std::round(value * factor) / factor;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string raw = buf;
    // "-0,0" is written "0,0".
    if (raw[0] == '-' && raw.find_first_not_of("-0.") == std::string::npos) raw.erase(0, 1);
    const bool negative = !raw.empty() && raw[0] == '-';
    if (negative) raw.erase(0, 1);
    const auto dot = raw.find('.');
    const std::string whole = raw.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : raw.substr(dot + 1);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += "\u202F";
        out.push_back(whole[i]);
    }
    if (!fraction.empty()) out += "," + fraction;
    return (negative ? "-" : "") + out;
}

std::string format_value(double value, int decimals, const std::string& unit) {
    const auto n = format_number(value, decimals);
    if (unit.empty()) return n;
    return n + (unit == "%" ? "\u202F" : "\u00A0") + unit;
}

std::string horizontal_bar_svg(const BarChart& chart) {
    const auto id = safe_id(chart.id);
    if (chart.bars.empty()) return empty_svg(id, chart.title, chart.empty_text);
    double scale = chart.scale_max;
    if (scale <= 0)
        for (const auto& b : chart.bars) scale = std::max(scale, b.value);

    std::string desc = chart.title + ". ";
    for (std::size_t i = 0; i < chart.bars.size(); ++i)
        desc += (i ? " ; " : "") + chart.bars[i].label + " : " +
                format_value(chart.bars[i].value, chart.decimals, chart.unit);
    desc += ".";

    const double area = width - 2 * margin - value_room;
    std::string body;
    double y = 6;
    for (const auto& b : chart.bars) {
        y = draw_label(body, b.label, y);
        const double w = bar_width(b.value, scale, area);
        if (w > 0)
            body += "<rect x=\"" + num(margin) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
                    num(bar_height) + "\" fill=\"" + series_colours[0] + "\"/>";
        body += text_at(margin + w + 6, y + bar_height - 5, format_value(b.value, chart.decimals, chart.unit),
                        " font-weight=\"bold\" class=\"ateliers-chart__value\"");
        y += bar_height + row_gap;
    }
    return open_svg(id, y, chart.title, desc) + body + "</svg>";
}

std::string stacked_bar_svg(const StackedChart& chart) {
    const auto id = safe_id(chart.id);
    if (chart.bars.empty() || chart.series.empty()) return empty_svg(id, chart.title, chart.empty_text);
    double scale = 0;
    for (const auto& b : chart.bars) {
        double total = 0;
        for (double p : b.parts) total += std::max(p, 0.0);
        scale = std::max(scale, total);
    }

    std::string desc = chart.title + ". ";
    for (std::size_t i = 0; i < chart.bars.size(); ++i)
        desc += (i ? " ; " : "") + chart.bars[i].label + " : " + join_parts(chart.series, chart.bars[i].parts);
    desc += ".";

    const std::size_t colours = std::size(series_colours);
    // Legend: a swatch and the name of each series.
    std::string body;
    double x = margin;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        body += "<rect x=\"" + num(x) + "\" y=\"8\" width=\"14\" height=\"14\" fill=\"" +
                series_colours[s % colours] + "\"/>";
        body += text_at(x + 20, 20, chart.series[s]);
        x += 20 + 8.0 * static_cast<double>(text::length_in_chars(chart.series[s])) + 24;
    }
    double y = 30;
    const double area = width - 2 * margin;
    for (const auto& b : chart.bars) {
        y = draw_label(body, b.label, y);
        double at = margin;
        for (std::size_t s = 0; s < chart.series.size() && s < b.parts.size(); ++s) {
            const double w = bar_width(b.parts[s], scale, area);
            if (w <= 0) continue;
            body += "<rect x=\"" + num(at) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
                    num(bar_height) + "\" fill=\"" + series_colours[s % colours] +
                    "\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
            at += w;
        }
        y += bar_height + line_height;
        body += text_at(margin, y - 4, join_parts(chart.series, b.parts), " class=\"ateliers-chart__value\"");
        y += row_gap;
    }
    return open_svg(id, y, chart.title, desc) + body + "</svg>";
}

}  // namespace ateliers::charts
