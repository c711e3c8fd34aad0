// The radar chart's layout: axis 0 points up, axes go clockwise, 0 % is the centre and
// 100 % the radius (values outside are clamped); the SVG is accessible and states every
// figure in its description.
#include <gtest/gtest.h>

#include "platform/charts/radar.hpp"

using namespace ateliers::charts;

TEST(RadarChart, PointsFollowTheAxesClockwiseOnA100PercentBase) {
    const Point c{100, 100};
    struct Case {
        std::size_t axis, axes;
        double percent;
        double x, y;
    } cases[] = {
        {0, 4, 100, 100, 50},   // up
        {1, 4, 100, 150, 100},  // right
        {2, 4, 50, 100, 125},   // down, half way
        {3, 4, 100, 50, 100},   // left
        {0, 5, 0, 100, 100},    // 0 % is the centre
        {0, 4, 150, 100, 50},   // clamped to 100 %
        {1, 4, -20, 100, 100},  // clamped to 0 %
    };
    for (const auto& k : cases) {
        const auto p = radar_point(k.axis, k.axes, k.percent, c, 50);
        EXPECT_NEAR(p.x, k.x, 1e-9) << k.axis << "/" << k.axes << " " << k.percent;
        EXPECT_NEAR(p.y, k.y, 1e-9) << k.axis << "/" << k.axes << " " << k.percent;
    }
}

TEST(RadarChart, SvgIsAnAccessibleImageStatingItsFigures) {
    RadarChart chart{"radar", "Savoir-faire par famille", {"Coopérer", "Connecter", "Faciliter"},
                     {{"Diagnostic", {50.0, 25.0, std::nullopt}}, {"Bilan année 1", {75.0, 50.0, 100.0}}}};
    const auto svg = radar_svg(chart);
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("<title id=\"radar-titre\">Savoir-faire par famille</title>"), std::string::npos);
    EXPECT_NE(svg.find("Diagnostic : Coopérer 50"), std::string::npos);
    EXPECT_NE(svg.find("Faciliter non évaluée"), std::string::npos);
    EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);
    EXPECT_EQ(radar_svg({"vide", "Vide", {"A", "B"}, {}}).find("<polygon"), std::string::npos);
}
