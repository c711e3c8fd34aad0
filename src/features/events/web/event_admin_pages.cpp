#include "features/events/web/event_admin_pages.hpp"

#include <nlohmann/json.hpp>

#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_roster.hpp"
#include "features/events/web/event_views.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::events_admin {

namespace {

Response failed(const App& app, const Visitor& visitor, const Failure& f) {
    return app.error_page(visitor, http_status(f), f.kind == FailureKind::not_found ? "Événement introuvable" : "Erreur", f.message);
}

}  // namespace

Response events_page(const App& app, const Request&, Visitor& visitor) {
    auto events = services::list_events(app.db(), true);
    if (!events) return failed(app, visitor, events.failure());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : events.value()) list.push_back(events_pages::event_card_view(e, store::now_utc_seconds()));
    return app.page(visitor, "events/admin_list", {{"title", "Événements – Administration"}, {"events", list}});
}

Response event_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, const std::string& problem) {
    const auto attendance = req.query_param("participation");
    auto roster = services::event_roster(app.db(), slug, attendance == "in_person" || attendance == "online" ? attendance : "");
    if (!roster) return failed(app, visitor, roster.failure());
    const auto& r = roster.value();
    const auto& e = r.programme.event;
    nlohmann::json workshops = nlohmann::json::array();
    for (const auto& day : r.programme.days)
        for (const auto& entry : day.entries)
            if (entry.slot)
                for (const auto& w : entry.slot->workshops)
                    workshops.push_back({{"id", w.item.id},
                                         {"slot", entry.slot->slot.title + " (" + day.date + ")"},
                                         {"title", w.item.title},
                                         {"capacity", w.item.capacity ? std::to_string(*w.item.capacity) : std::string()},
                                         {"held", w.held},
                                         {"waiting", w.waiting}});
    std::map<std::string, int> meals;
    nlohmann::json people = nlohmann::json::array();
    for (const auto& line : r.lines) {
        const auto& reg = line.registration;
        if (!reg.meals.empty()) ++meals[reg.meals];
        people.push_back({{"name", reg.full_name},
                          {"organisation", reg.organisation},
                          {"function", reg.function_title},
                          {"attendance", reg.attendance == "online" ? "En ligne" : "Sur place"},
                          {"status", reg.status == "confirmed" ? "Inscrit·e" : "Liste d’attente"},
                          {"accessibility", reg.accessibility},
                          {"has_accessibility", !reg.accessibility.empty()}});
    }
    nlohmann::json meal_counts = nlohmann::json::array();
    for (const auto& [label, n] : meals) meal_counts.push_back({{"label", label}, {"count", n}});
    const auto query = attendance.empty() ? std::string() : "?participation=" + url_encode(attendance);
    nlohmann::json data{{"title", e.title + " – Administration"},
                        {"event", events_pages::event_card_view(e, store::now_utc_seconds())},
                        {"published", e.published},
                        {"confirmed", r.programme.confirmed},
                        {"waiting", r.programme.waiting},
                        {"capacity", e.capacity},
                        {"in_person", r.in_person},
                        {"online", r.online},
                        {"workshops", workshops},
                        {"has_workshops", !workshops.empty()},
                        {"meals", meal_counts},
                        {"has_meals", !meal_counts.empty()},
                        {"people", people},
                        {"has_people", !people.empty()},
                        {"filter_all", attendance.empty()},
                        {"filter_in_person", attendance == "in_person"},
                        {"filter_online", attendance == "online"},
                        {"csv_href", "/admin/evenements/" + e.slug + "/inscrits.csv" + query},
                        {"xlsx_href", "/admin/evenements/" + e.slug + "/inscrits.xlsx" + query}};
    if (!problem.empty()) data["problem"] = problem;
    return app.page(visitor, "events/admin_event", data, problem.empty() ? 200 : 422);
}

Response export_download(const App& app, const Request& req, Visitor& visitor, const std::string& slug, bool xlsx) {
    const auto attendance = req.query_param("participation");
    auto roster = services::event_roster(app.db(), slug, attendance == "in_person" || attendance == "online" ? attendance : "");
    if (!roster) return failed(app, visitor, roster.failure());
    const auto tables = services::event_roster_tables(roster.value());
    Response r;
    if (xlsx) {
        auto file = spreadsheet::to_xlsx(tables);
        if (!file) return failed(app, visitor, file.failure());
        r.body = file.value();
        r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    } else {
        r.body = spreadsheet::to_csv(tables);
        r.content_type = "text/csv; charset=utf-8";
    }
    r.header("Content-Disposition", "attachment; filename=\"inscrits-" + slug + (xlsx ? ".xlsx\"" : ".csv\""));
    return r;
}

Response publish_submit(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug) {
    auto p = services::event_programme(app.db(), slug, true);
    if (!p) return failed(app, visitor, p.failure());
    auto done = services::publish_event(app.db(), visitor.user->id, p->event.id, field(form, "publier") == "1");
    if (!done) return failed(app, visitor, done.failure());
    return redirect_to("/admin/evenements/" + slug);
}

Response capacity_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                         const std::string& slug, long long item_id) {
    const auto typed = field(form, "capacite");
    std::optional<int> capacity;
    if (!typed.empty()) {
        const auto n = path_id(typed);
        if (!n || *n > 100000) return event_page(app, req, visitor, slug, "La capacité doit être un nombre entier de places.");
        capacity = static_cast<int>(*n);
    }
    auto done = services::set_workshop_capacity(app.db(), visitor.user->id, item_id, capacity, app.mail_context());
    if (!done) return event_page(app, req, visitor, slug, done.failure().message);
    return redirect_to("/admin/evenements/" + slug + "#ateliers");
}

}  // namespace ateliers::web::events_admin
