// /animation/SLUG/participants (who comes and the situation each one brings) and
// its CSV export, for the cycle's facilitator and organisers.
#include <nlohmann/json.hpp>

#include "features/running/services/roster_situations.hpp"
#include "features/running/web/facilitation_routes.hpp"

namespace ateliers::web::facilitation {

namespace {

using nlohmann::json;

// One paragraph per line typed, blank lines dropped.
json paragraphs_of(const std::string& text) {
    json out = json::array();
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(line);
        start = end + 1;
    }
    return out;
}

}  // namespace

Response situations_page(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    auto data = services::cycle_situations(app.db(), slug);
    if (!data) return service_error(app, visitor, data.failure());
    if (!data.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    const auto& s = *data.value();
    json people = json::array();
    for (const auto& p : s.people)
        people.push_back({{"registration_id", p.registration_id},
                          {"full_name", p.full_name},
                          {"collectivite", p.collectivite},
                          {"function_title", p.function_title},
                          {"mandate", mandate_text(p.mandate)},
                          {"paragraphs", paragraphs_of(p.situation)}});
    const auto n = s.people.size();
    json view{{"title", "Participants et situations – " + s.cycle.title + " – Animation"},
              {"crumbs", breadcrumb(s.cycle.slug, s.cycle.title, "Participants et situations")},
              {"cycle", {{"slug", s.cycle.slug}, {"title", s.cycle.title}}},
              {"people", people},
              {"has_people", !people.empty()},
              {"count_text", std::to_string(n) + (n > 1 ? " participants confirmés" : " participant confirmé")}};
    return app.page(visitor, "running/situations", view);
}

Response situations_export(const App& app, const Request&, Visitor& visitor, const std::string& slug) {
    auto file = services::export_situations(app.db(), visitor.user->id, slug);
    if (!file) return service_error(app, visitor, file.failure());
    Response r;
    r.content_type = file->content_type;
    r.body = file->bytes;
    r.header("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
    r.header("Cache-Control", "no-store");
    return r;
}

}  // namespace ateliers::web::facilitation
