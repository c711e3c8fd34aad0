#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "features/registration/domain/registration_rules.hpp"
#include "platform/referential/territory_types.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "platform/http/admin_routes.hpp"
#include "platform/http/form_view.hpp"
#include "features/cycles/web/cycle_pages.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/core/text.hpp"

namespace ateliers::web::admin {

namespace {

using nlohmann::json;

constexpr int default_session_rows = 4;
constexpr int max_session_rows = 12;

int clamp_rows(const std::string& typed, int at_least) {
    int rows = at_least;
    if (const auto wanted = text::parse_bounded_integer(typed, 0, 99)) rows = std::max(rows, static_cast<int>(*wanted));
    return std::clamp(rows, 1, max_session_rows);
}

services::CycleInput input_from_form(const FormFields& form) {
    services::CycleInput in;
    in.title = field(form, "title");
    in.theme = field(form, "theme");
    in.summary = field(form, "summary");
    in.description = field(form, "description");
    // One checkbox per type, each with its own name: a repeated name would keep only the first value.
    for (const auto& t : territory::all_types())
        if (!field(form, std::string("territory_") + t.code).empty()) in.territory_types.push_back(t.code);
    in.region_code = field(form, "region_code");
    in.capacity = field(form, "capacity");
    in.mode = field(form, "mode");
    in.opens_date = field(form, "opens_date");
    in.opens_time = field(form, "opens_time");
    in.closes_date = field(form, "closes_date");
    in.closes_time = field(form, "closes_time");
    in.facilitator_choice = field(form, "facilitator_choice");
    in.new_facilitator_name = field(form, "new_facilitator_name");
    in.new_facilitator_bio = field(form, "new_facilitator_bio");
    in.facilitator_email = field(form, "facilitator_email");
    const int rows = clamp_rows(field(form, "session_rows"), 1);
    for (int i = 1; i <= rows; ++i) {
        const auto key = "session_" + std::to_string(i) + "_";
        in.sessions.push_back({field(form, key + "id"), field(form, key + "date"), field(form, key + "start"),
                               field(form, key + "end"), field(form, key + "visio")});
    }
    return in;
}

// "Ajouter une ligne de séance" submits the form to show it again, everything typed kept,
// with one more row; nothing is saved.
bool wants_another_row(const FormFields& form) { return field(form, "ajouter_ligne") == "1"; }
int one_more_row(const services::CycleInput& input) {
    return std::min(static_cast<int>(input.sessions.size()) + 1, max_session_rows);
}

// Position of a field in the form, so that the error summary follows the page.
int field_rank(const std::string& name) {
    static const std::vector<std::string> order{
        "title",          "theme",       "summary",   "description", "territory_types", "region_code",
        "facilitator_choice", "new_facilitator_name", "new_facilitator_bio", "facilitator_email", "capacity",
        "mode",           "opens_date",  "opens_time", "closes_date", "closes_time"};
    if (const auto it = std::find(order.begin(), order.end(), name); it != order.end())
        return static_cast<int>(it - order.begin());
    int row = 0;
    static const std::vector<std::string> parts{"date", "start", "end", "visio"};
    if (std::sscanf(name.c_str(), "session_%d_", &row) == 1) {
        const auto part = name.substr(name.rfind('_') + 1);
        const auto p = std::find(parts.begin(), parts.end(), part) - parts.begin();
        return 100 + row * 10 + static_cast<int>(p);
    }
    return 10000;
}

// `focus_last`: after "Ajouter une ligne de séance", the new row takes the focus.
json form_view(const App& app, const services::CycleInput& in, int rows,
               const std::map<std::string, std::string>& errors, const std::string& summary, bool focus_last = false) {
    json view;
    view["errors"] = form_errors_view(summary, errors);
    auto& list = view["errors"]["list"];
    std::stable_sort(list.begin(), list.end(), [](const json& a, const json& b) {
        return field_rank(a["field"].get<std::string>()) < field_rank(b["field"].get<std::string>());
    });
    view["values"] = {{"title", in.title},
                      {"theme", in.theme},
                      {"summary", in.summary},
                      {"description", in.description},
                      {"capacity", in.capacity},
                      {"mode_first_come", in.mode == "first_come"},
                      {"mode_application", in.mode == "application"},
                      {"opens_date", in.opens_date},
                      {"opens_time", in.opens_time},
                      {"closes_date", in.closes_date},
                      {"closes_time", in.closes_time},
                      {"new_facilitator_name", in.new_facilitator_name},
                      {"new_facilitator_bio", in.new_facilitator_bio},
                      {"facilitator_email", in.facilitator_email}};
    json types = json::array();
    for (const auto& t : territory::all_types())
        types.push_back({{"code", t.code},
                         {"label", t.label},
                         {"checked", std::find(in.territory_types.begin(), in.territory_types.end(), t.code) !=
                                         in.territory_types.end()}});
    view["territory_options"] = types;

    json regions = json::array({{{"value", ""}, {"label", "Toutes les régions"}, {"selected", in.region_code.empty()}}});
    if (auto list = services::region_options(app.db()))
        for (const auto& r : list.value())
            regions.push_back({{"value", r.code}, {"label", r.name}, {"selected", r.code == in.region_code}});
    view["region_options"] = regions;

    const bool is_new_facilitator = in.facilitator_choice == "new";
    json facilitators = json::array(
        {{{"value", ""}, {"label", "Aucun pour le moment"}, {"selected", in.facilitator_choice.empty()}}});
    if (auto list = services::facilitator_options(app.db()))
        for (const auto& f : list.value()) {
            const auto value = std::to_string(f.id);
            facilitators.push_back({{"value", value},
                                    {"label", f.full_name + (f.account_email.empty() ? "" : " – compte " + f.account_email)},
                                    {"selected", value == in.facilitator_choice}});
        }
    facilitators.push_back({{"value", "new"}, {"label", "Nouvel intervenant (à saisir ci-dessous)"},
                            {"selected", is_new_facilitator}});
    view["facilitator_options"] = facilitators;

    json sessions = json::array();
    rows = std::max<int>(rows, static_cast<int>(in.sessions.size()));
    for (int i = 1; i <= rows; ++i) {
        const services::SessionInput blank;
        const auto& s = i <= static_cast<int>(in.sessions.size()) ? in.sessions[i - 1] : blank;
        const auto key = "session_" + std::to_string(i) + "_";
        json row_errors = json::object();
        for (const auto* part : {"date", "start", "end", "visio"})
            if (auto it = errors.find(key + part); it != errors.end()) row_errors[part] = it->second;
        sessions.push_back({{"index", i},
                            {"id", s.id},
                            {"date", s.date},
                            {"start", s.start},
                            {"end", s.end},
                            {"visio", s.visio_url},
                            {"existing", !s.id.empty()},
                            {"focus", focus_last && i == rows},
                            {"row_errors", row_errors}});
    }
    view["session_rows"] = sessions;
    view["session_row_count"] = rows;
    view["more_rows"] = rows + 1;
    view["can_add_row"] = rows < max_session_rows;
    return view;
}

json warnings_view(const std::vector<std::string>& warnings) {
    json list = json::array();
    for (const auto& w : warnings) list.push_back(w);
    return list;
}

std::string notice_for(const Request& req) {
    const auto done = req.query_param("enregistre");
    std::string notice;
    if (done == "cree") notice = "Le cycle a été créé en brouillon. Vérifiez-le, puis publiez-le pour ouvrir les inscriptions.";
    else if (done == "1") notice = "Les modifications ont été enregistrées.";
    else if (done == "publie") notice = "Le cycle est publié : il apparaît dans le catalogue.";
    else if (done == "clos") notice = "Le cycle est clos : il n’apparaît plus dans le catalogue.";
    else if (done == "duplique")
        notice = "Voici la copie du cycle, en brouillon. Modifiez le titre et les dates des séances avant de la publier.";
    const auto told = req.query_param("prevenus");
    if (!told.empty() && told != "0" && told.find_first_not_of("0123456789") == std::string::npos)
        notice += " " + told + (told == "1" ? " participant a été prévenu" : " participants ont été prévenus") +
                  " par e-mail du nouveau calendrier.";
    return notice;
}

// The edit page of an existing cycle, with `input` (the stored values, or what was typed).
Response edit_page(const App& app, const Visitor& visitor, const services::CycleEditing& editing,
                   const services::CycleInput& input, int rows, const std::map<std::string, std::string>& errors,
                   const std::string& summary, const std::string& notice, const std::string& error, int status,
                   bool focus_last = false) {
    auto view = form_view(app, input, rows, errors, summary, focus_last);
    const auto& c = editing.cycle;
    view["title"] = "Modifier « " + c.title + " » – Administration";
    view["heading"] = c.title;
    view["is_new"] = false;
    view["action"] = "/admin/cycles/" + c.slug;
    view["cycle"] = {{"slug", c.slug},
                     {"status", status_badge(c.status)},
                     {"is_draft", c.status == CycleStatus::draft},
                     {"is_published", c.status == CycleStatus::published},
                     {"is_closed", c.status == CycleStatus::closed},
                     {"mode_label", registration::mode_label(c.mode)},
                     {"capacity", c.capacity},
                     {"confirmed", editing.confirmed},
                     {"waiting", editing.waiting},
                     {"applied", editing.applied},
                     {"facilitator", text_or_null(editing.facilitator_name)}};
    view["warnings"] = warnings_view(editing.warnings);
    view["has_warnings"] = !editing.warnings.empty();
    if (!notice.empty()) view["notice"] = notice;
    if (!error.empty()) view["error"] = error;
    return app.page(visitor, "cycles/admin_cycle_form", view, status);
}

Response new_page(const App& app, const Visitor& visitor, const services::CycleInput& input, int rows,
                  const std::map<std::string, std::string>& errors, const std::string& summary, int status,
                  bool focus_last = false) {
    auto view = form_view(app, input, rows, errors, summary, focus_last);
    view["title"] = "Nouveau cycle – Administration";
    view["heading"] = "Nouveau cycle";
    view["is_new"] = true;
    view["action"] = "/admin/nouveau-cycle";
    view["warnings"] = json::array();
    return app.page(visitor, "cycles/admin_cycle_form", view, status);
}

std::string summary_of(const Failure& f) { return f.message; }

// A failure that concerns one field but came without the per-field map.
std::map<std::string, std::string> fields_of(const Failure& f) {
    auto fields = f.fields;
    if (fields.empty() && !f.field.empty()) fields[f.field] = f.message;
    return fields;
}

}  // namespace

Response home_page(const App& app, const Request&, Visitor& visitor) {
    auto cycles = services::admin_cycles(app.db());
    if (!cycles) return service_error(app, visitor, cycles.failure());
    struct Group {
        CycleStatus status;
        const char* heading;
        const char* empty;
    };
    const Group groups[] = {{CycleStatus::draft, "Brouillons", "Aucun cycle en brouillon."},
                            {CycleStatus::published, "Cycles publiés", "Aucun cycle publié."},
                            {CycleStatus::closed, "Cycles clos", "Aucun cycle clos."}};
    json sections = json::array();
    for (const auto& g : groups) {
        json items = json::array();
        for (const auto& c : cycles.value()) {
            if (c.status != g.status) continue;
            items.push_back({{"slug", c.slug},
                             {"title", c.title},
                             {"theme", c.theme},
                             {"facilitator", text_or_null(c.facilitator_name)},
                             {"mode_label", registration::mode_label(c.mode)},
                             {"first_session", c.first_session_at ? date_time_text(c.first_session_at) : "Non programmée"},
                             {"session_count", c.session_count},
                             {"capacity", c.capacity},
                             {"confirmed", c.confirmed},
                             {"waiting", c.waiting},
                             {"applied", c.applied}});
        }
        sections.push_back({{"id", "cycles-" + std::string(code_of(g.status))},
                            {"heading", g.heading},
                            {"empty", g.empty},
                            {"count", items.size()},
                            {"has_items", !items.empty()},
                            {"items", items}});
    }
    return app.page(visitor, "cycles/admin_home",
                    {{"title", "Administration des ateliers – Ateliers des territoires"},
                     {"sections", sections},
                     {"total", cycles.value().size()}});
}

Response new_cycle_form(const App& app, const Request& req, Visitor& visitor) {
    services::CycleInput input;
    const int rows = clamp_rows(req.query_param("lignes"), default_session_rows);
    return new_page(app, visitor, input, rows, {}, "", 200);
}

Response create_cycle_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form) {
    const auto input = input_from_form(form);
    if (wants_another_row(form))
        return new_page(app, visitor, input, one_more_row(input), {}, "", 200, true);
    auto saved = services::create_cycle(app.db(), visitor.user->id, input, app.mail_context());
    if (saved) return redirect_to("/admin/cycles/" + saved->slug + "?enregistre=cree");
    const auto& f = saved.failure();
    if (f.kind == FailureKind::technical) return service_error(app, visitor, f);
    return new_page(app, visitor, input, static_cast<int>(input.sessions.size()), fields_of(f), summary_of(f),
                    http_status(f));
}

Response edit_cycle_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    auto found = services::cycle_for_edit(app.db(), slug);
    if (!found) return service_error(app, visitor, found.failure());
    if (!found.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    const auto& editing = *found.value();
    const int rows = clamp_rows(req.query_param("lignes"),
                                std::max<int>(default_session_rows, static_cast<int>(editing.input.sessions.size())));
    return edit_page(app, visitor, editing, editing.input, rows, {}, "", notice_for(req), "", 200);
}

Response update_cycle_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                             const std::string& slug) {
    const auto input = input_from_form(form);
    if (wants_another_row(form)) {
        auto found = services::cycle_for_edit(app.db(), slug);
        if (!found) return service_error(app, visitor, found.failure());
        if (!found.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
        return edit_page(app, visitor, *found.value(), input, one_more_row(input), {}, "", "", "", 200, true);
    }
    auto saved = services::update_cycle(app.db(), visitor.user->id, slug, input, app.mail_context());
    if (saved)
        return redirect_to("/admin/cycles/" + saved->slug + "?enregistre=1" +
                           (saved->participants_notified > 0
                                ? "&prevenus=" + std::to_string(saved->participants_notified)
                                : ""));
    const auto& f = saved.failure();
    if (f.kind == FailureKind::technical || f.kind == FailureKind::not_found) return service_error(app, visitor, f);
    auto found = services::cycle_for_edit(app.db(), slug);
    if (!found) return service_error(app, visitor, found.failure());
    if (!found.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    return edit_page(app, visitor, *found.value(), input, static_cast<int>(input.sessions.size()), fields_of(f),
                     summary_of(f), "", "", http_status(f));
}

Response cycle_status_submit(const App& app, const Request&, Visitor& visitor, const std::string& slug,
                             const std::string& action) {
    const long long actor = visitor.user->id;
    std::optional<Failure> failure;
    if (action == "dupliquer") {
        auto copy = services::duplicate_cycle(app.db(), actor, slug);
        if (copy) return redirect_to("/admin/cycles/" + copy->slug + "?enregistre=duplique");
        failure = copy.failure();
    } else {
        auto done = action == "publier" ? services::publish_cycle(app.db(), actor, slug)
                                        : services::close_cycle(app.db(), actor, slug);
        if (done) return redirect_to("/admin/cycles/" + slug + "?enregistre=" + (action == "publier" ? "publie" : "clos"));
        failure = done.failure();
    }
    if (failure->kind == FailureKind::technical || failure->kind == FailureKind::not_found) return service_error(app, visitor, *failure);
    auto found = services::cycle_for_edit(app.db(), slug);
    if (!found) return service_error(app, visitor, found.failure());
    if (!found.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    const auto& editing = *found.value();
    const int rows = std::max<int>(default_session_rows, static_cast<int>(editing.input.sessions.size()));
    return edit_page(app, visitor, editing, editing.input, rows, {}, "", "", failure->message, http_status(*failure));
}

}  // namespace ateliers::web::admin

namespace ateliers::web::admin {

nlohmann::json status_badge(CycleStatus cycle_status) {
    const char* badge = cycle_status == CycleStatus::published ? "fr-badge--success"
                        : cycle_status == CycleStatus::draft   ? "fr-badge--info"
                                                               : "";
    return {{"label", label_of(cycle_status)}, {"class", badge}};
}

}  // namespace ateliers::web::admin
