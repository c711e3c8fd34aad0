#include <nlohmann/json.hpp>

#include "features/events/web/event_file_pages.hpp"
#include "features/events/services/event_calendar.hpp"
#include "features/events/services/event_programme.hpp"
#include "features/events/services/event_questionnaire.hpp"
#include "features/events/web/event_checkin_pages.hpp"
#include "features/events/web/event_pages.hpp"
#include "features/events/web/event_views.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/json_script.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::events_pages {

namespace {

Response not_found(const App& app, const Visitor& visitor) {
    return app.error_page(visitor, 404, "Événement introuvable", "Cet événement n’existe pas ou n’est plus publié.");
}

nlohmann::json option(const std::string& value, const std::string& label, const std::string& current) {
    return {{"value", value}, {"label", label}, {"selected", value == current}};
}

}  // namespace

Response list_page(const App& app, const Request& req, Visitor& visitor) {
    auto events = services::list_events(app.db(), false);
    if (!events) return app.error_page(visitor, http_status(events.failure()), "Erreur technique", events.failure().message);
    const auto type = req.query_param("type"), month = req.query_param("mois"), place = req.query_param("lieu");
    const long long now = store::now_utc_seconds();
    nlohmann::json upcoming = nlohmann::json::array(), past = nlohmann::json::array(), months = nlohmann::json::array();
    months.push_back(option("", "Tous les mois", month));
    std::string last_month;
    for (const auto& e : events.value()) {
        const auto key = paris_time::month_key(e.starts_at);
        if (key != last_month) months.push_back(option(key, paris_time::month_and_year(e.starts_at), month));
        last_month = key;
        if (!type.empty() && e.kind != type) continue;
        if (!month.empty() && key != month) continue;
        if (place == "sur-place" && e.kind == "webinaire") continue;
        if (place == "en-ligne" && e.kind != "webinaire") continue;
        (e.ends_at < now ? past : upcoming).push_back(event_card_view(e, now));
    }
    nlohmann::json types = nlohmann::json::array({option("", "Tous les types", type), option("journees", "Journées", type),
                                                  option("seminaire", "Séminaire", type), option("rencontre", "Rencontre", type),
                                                  option("webinaire", "Webinaire", type)});
    nlohmann::json places = nlohmann::json::array(
        {option("", "Sur place ou en ligne", place), option("sur-place", "Sur place", place), option("en-ligne", "En ligne", place)});
    return app.page(visitor, "events/list",
                    {{"title", "Événements – Ateliers des territoires"},
                     {"upcoming", upcoming},
                     {"has_upcoming", !upcoming.empty()},
                     {"past", past},
                     {"has_past", !past.empty()},
                     {"types", types},
                     {"months", months},
                     {"places", places}});
}

Response event_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    auto programme = services::event_programme(app.db(), slug, false);
    if (!programme) {
        if (programme.failure().kind == FailureKind::not_found) return not_found(app, visitor);
        return app.error_page(visitor, http_status(programme.failure()), "Erreur technique", programme.failure().message);
    }
    const auto& p = programme.value();
    const auto& e = p.event;
    std::map<long long, long long> chosen;
    nlohmann::json mine;
    nlohmann::json my_slots = nlohmann::json::array();
    if (visitor.user) {
        auto my = services::my_event_registration(app.db(), e.id, visitor.user->id);
        if (my && my.value()) {
            const auto& r = *my.value();
            nlohmann::json choices = nlohmann::json::object();
            for (const auto& c : r.choices) chosen[c.slot_id] = c.item_id;
            for (const auto& day : programme_view(p, chosen))
                for (const auto& entry : day["entries"])
                    if (entry.contains("slot")) {
                        auto slot = entry["slot"];
                        slot["date"] = day["date"];
                        slot["none_chosen"] = !chosen.count(slot["id"].get<long long>());
                        my_slots.push_back(slot);
                    }
            mine = {{"confirmed", r.registration.status == "confirmed"},
                    {"waiting", r.registration.status == "waiting"},
                    {"id", r.registration.id}};
        }
    }
    const long long now = store::now_utc_seconds();
    nlohmann::json documents = nlohmann::json::array();
    for (const auto& l : p.links) documents.push_back({{"title", l.title}, {"url", l.url}});
    for (const auto& f : p.files) documents.push_back(events_files::file_document_view(e.slug, f));
    nlohmann::json data{{"title", e.title + " – Événements"},
                        {"event", event_card_view(e, now)},
                        {"description", paragraphs(e.description)},
                        {"venue", e.venue},
                        {"address", e.address},
                        {"online_policy", e.online_policy},
                        {"pmr_access", e.pmr_access},
                        {"meals", e.meals},
                        {"organisers", e.organisers},
                        {"has_venue", !e.venue.empty()},
                        {"has_address", !e.address.empty()},
                        {"has_pmr_access", !e.pmr_access.empty()},
                        {"has_meals", !e.meals.empty()},
                        {"has_online_policy", !e.online_policy.empty()},
                        {"has_organisers", !e.organisers.empty()},
                        {"contacts", paragraphs(obfuscated_email(e.contacts))},
                        {"has_contacts", !e.contacts.empty()},
                        {"programme_html", app.fragment("events/programme", {{"days", programme_view(p, chosen)}, {"slug", e.slug}})},
                        {"has_programme", !p.days.empty()},
                        {"has_slots", !p.slots.empty()},
                        {"open", e.starts_at > now},
                        {"full", p.confirmed >= e.capacity},
                        {"registered", !mine.is_null()},
                        {"participants", p.public_participants},
                        {"has_participants", !p.public_participants.empty()},
                        {"documents", documents},
                        {"has_documents", !documents.empty()},
                        {"my_slots", my_slots},
                        {"mine", mine},
                        {"ticket", visitor.user ? events_checkin::ticket_view(app, e.id, visitor.user->id) : nlohmann::json()},
                        {"jsonld", json_for_script(json_ld(p, app.config().base_url))}};
    if (visitor.user && e.ends_at <= now)
        if (auto q = services::event_questionnaire(app.db(), visitor.user->id, e.slug, now);
            q && q->access == events::QuestionnaireAccess::open)
            data["questionnaire"] = {{"answered", q->answers.has_value()}};
    const auto notice = req.query_param("message");
    if (notice == "inscrit") data["notice"] = "Votre inscription est enregistrée. Un courriel de confirmation vous a été envoyé.";
    if (notice == "attente") data["notice"] = "L’événement est complet : vous êtes sur la liste d’attente, dans l’ordre d’arrivée.";
    if (notice == "choix") data["notice"] = "Vos choix d’ateliers sont enregistrés.";
    if (notice == "attestation")
        data["notice"] = "Votre attestation de présence vous est envoyée par courriel, en pièce jointe, à l’adresse de votre compte.";
    if (notice == "annule") data["notice"] = "Votre inscription est annulée et vos places libérées.";
    return app.page(visitor, "events/event", data);
}

namespace {

Response ics_response(const Result<std::string>& ics, const std::string& filename) {
    Response r;
    if (!ics) {
        r.status = http_status(ics.failure());
        r.content_type = "text/plain; charset=utf-8";
        r.body = ics.failure().message;
        return r;
    }
    r.content_type = "text/calendar; charset=utf-8";
    r.body = ics.value();
    r.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return r;
}

}  // namespace

Response programme_ics(const App& app, const std::string& slug) {
    return ics_response(services::event_calendar(app.db(), slug, app.config().base_url), "programme-" + slug + ".ics");
}

Response item_ics(const App& app, const std::string& slug, const std::string& file) {
    const std::string suffix = ".ics";
    const auto id = file.size() > suffix.size() && file.ends_with(suffix)
                        ? path_id(file.substr(0, file.size() - suffix.size()))
                        : std::nullopt;
    if (!id) return ics_response(fail("Cette intervention n’est pas au programme de cet événement.", {}, FailureKind::not_found), "");
    return ics_response(services::event_item_calendar(app.db(), slug, *id, app.config().base_url),
                        slug + "-" + std::to_string(*id) + ".ics");
}

}  // namespace ateliers::web::events_pages
