#include <nlohmann/json.hpp>

#include "features/programmes/services/supervision.hpp"
#include "features/programmes/services/territory_scope.hpp"
#include "features/programmes/web/page_support.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::programmes_pages {

namespace {

std::string french_date(const std::string& iso) {
    if (auto d = paris_time::parse_civil_date(iso))
        return std::to_string(d->day) + " " + paris_time::month_name(d->month) + " " + std::to_string(d->year);
    return iso;
}

Response render(const App& app, Visitor& visitor, const services::TerritoryScope& s,
                const services::SupervisionView& notes, const FormFields* typed,
                const std::map<std::string, std::string>& errors, const std::string& summary, const std::string& notice,
                int status) {
    const std::string base = territory_path(s.programme.slug, s.territory.id);
    nlohmann::json reviews = nlohmann::json::array();
    for (int y = 1; y <= s.programme.years && y <= 3; ++y)
        reviews.push_back({{"year", y}, {"link", base + "/bilans/" + std::to_string(y)}});
    nlohmann::json list = nlohmann::json::array();
    for (const auto& n : notes.notes)
        list.push_back({{"date", french_date(n.noted_on)},
                        {"internal", n.visibility == "internal"},
                        {"author", n.author_name.empty() ? "ANCT" : n.author_name},
                        {"body", n.body}});
    const std::string visibility = typed ? field(*typed, "visibility") : (notes.can_write_shared ? "territory" : "internal");
    nlohmann::json data{
        {"title", s.territory.label + " – " + s.programme.title},
        {"programme", {{"slug", s.programme.slug}, {"title", s.programme.title}}},
        {"territory", {{"id", s.territory.id}, {"label", s.territory.label}, {"demo", s.territory.demo}, {"path", base}}},
        {"manages", programmes::manages(s.viewer)},
        {"reviews", reviews},
        {"notes", list},
        {"has_notes", !list.empty()},
        {"can_write", notes.can_write_shared || notes.can_write_internal},
        {"can_write_shared", notes.can_write_shared},
        {"can_write_internal", notes.can_write_internal},
        {"shared_checked", visibility == "territory"},
        {"internal_checked", visibility == "internal"},
        {"values", {{"body", typed ? field(*typed, "body") : ""},
                    {"noted_on", typed ? field(*typed, "noted_on") : paris_time::iso_date(store::now_utc_seconds())}}},
        {"note_post", base + "/notes"},
        {"errors", form_errors_view(summary, errors)},
        {"notice", notice},
    };
    return render_page(app, visitor, "programmes/territory", data, status);
}

}  // namespace

Response territory_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                        long long territory_id) {
    const std::string base = territory_path(slug, territory_id);
    if (!visitor.user) return login_first(base);
    auto scope = services::open_territory(app.db(), user_of(visitor), slug, territory_id);
    if (!scope) return app.error_page(visitor, http_status(scope.failure()), "Territoire indisponible", scope.failure().message);
    auto notes = services::supervision_notes(app.db(), user_of(visitor), slug, territory_id);
    if (!notes) return app.error_page(visitor, http_status(notes.failure()), "Territoire indisponible", notes.failure().message);
    const std::string notice = req.query_param("message") == "note" ? "Note enregistrée." : "";
    return render(app, visitor, scope.value(), notes.value(), nullptr, {}, "", notice, 200);
}

Response supervision_note_add(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                              const std::string& slug, long long territory_id) {
    const std::string base = territory_path(slug, territory_id);
    if (!visitor.user) return login_first(base);
    services::SupervisionNoteInput in{field(form, "visibility"), field(form, "body"), field(form, "noted_on")};
    auto saved = services::add_supervision_note(app.db(), user_of(visitor), slug, territory_id, in);
    if (saved) return redirect_to(base + "?message=note#notes");
    const auto& f = saved.failure();
    if (f.kind != FailureKind::invalid) return app.error_page(visitor, http_status(f), "Note non enregistrée", f.message);
    auto scope = services::open_territory(app.db(), user_of(visitor), slug, territory_id);
    auto notes = services::supervision_notes(app.db(), user_of(visitor), slug, territory_id);
    if (!scope || !notes) return app.error_page(visitor, 500, "Note non enregistrée", f.message);
    return render(app, visitor, scope.value(), notes.value(), &form, f.fields, f.message, "", http_status(f));
}

}  // namespace ateliers::web::programmes_pages
