#include "features/reports/web/report_routes.hpp"

#include "platform/http/paths.hpp"

namespace ateliers::web {

namespace {

// "slug.csv" -> {"slug", "csv"}; no known extension -> {"slug", ""}.
std::pair<std::string, std::string> split_extension(const std::string& segment) {
    for (const char* ext : {"csv", "xlsx"}) {
        const std::string suffix = std::string(".") + ext;
        if (segment.size() > suffix.size() && segment.compare(segment.size() - suffix.size(), suffix.size(), suffix) == 0)
            return {segment.substr(0, segment.size() - suffix.size()), ext};
    }
    return {segment, ""};
}

}  // namespace

std::optional<Response> reports_route(const App& app, const Request& req, Visitor& visitor,
                                      const services::ReachSources& reach) {
    const auto parts = path_segments(req.path);
    if (parts.size() < 2 || parts[0] != "admin") return std::nullopt;
    if (parts.size() == 2) {
        if (parts[1] == "rapports") return reports::dashboard_page(app, req, visitor, reach);
        if (parts[1] == "rapports.csv") return reports::dashboard_download(app, req, visitor, "csv", reach);
        if (parts[1] == "rapports.xlsx") return reports::dashboard_download(app, req, visitor, "xlsx", reach);
        return std::nullopt;
    }
    if (parts.size() == 3 && parts[1] == "rapports") {
        const auto [slug, format] = split_extension(parts[2]);
        if (format.empty()) return reports::cycle_report_page(app, req, visitor, slug);
        return reports::cycle_report_download(app, req, visitor, slug, format);
    }
    return std::nullopt;
}

}  // namespace ateliers::web
