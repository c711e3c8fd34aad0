#include "features/events/web/event_checkin_pages.hpp"

#include <algorithm>

#include "features/events/services/event_checkin.hpp"
#include "features/events/web/event_views.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/export/qr_code.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/paths.hpp"

namespace ateliers::web::events_checkin {

namespace {

std::string when(long long at) { return paris_time::long_date(at) + " à " + paris_time::time_of_day(at); }

// Case and accent-insensitive enough for a name typed on a phone: ASCII lower case, and
// the common French accented letters folded to their base letter.
std::string folded(const std::string& s) {
    static const std::pair<const char*, const char*> accents[] = {
        {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"î", "i"}, {"ï", "i"},
        {"ô", "o"}, {"ö", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"ç", "c"}, {"É", "e"}, {"È", "e"}, {"À", "a"},
        {"Ç", "c"}, {"Î", "i"}, {"Ô", "o"}};
    std::string out = s;
    for (const auto& [from, to] : accents)
        for (auto pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos)) out.replace(pos, std::string(from).size(), to);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool wants_json(const Request& req) { return req.header("accept").find("application/json") != std::string::npos; }

Response json_response(int status, const nlohmann::json& body) {
    Response r;
    r.status = status;
    r.content_type = "application/json; charset=utf-8";
    r.body = body.dump();
    return r;
}

std::string desk_url(const std::string& slug) { return "/admin/evenements/" + slug + "/accueil"; }

Response answer(const Request& req, const std::string& slug, const Result<services::CheckinOutcome>& outcome,
                const std::string& done_message) {
    if (!outcome) {
        if (wants_json(req))
            return json_response(http_status(outcome.failure()), {{"ok", false}, {"message", outcome.failure().message}});
        return redirect_to(desk_url(slug) + "?erreur=" + url_encode(outcome.failure().message));
    }
    const auto& o = outcome.value();
    if (wants_json(req))
        return json_response(200, {{"ok", true}, {"message", done_message}, {"already", o.already}, {"registration_id", o.registration_id}});
    return redirect_to(desk_url(slug) + "?message=" + url_encode(done_message) + "#inscription-" + std::to_string(o.registration_id));
}

}  // namespace

nlohmann::json ticket_view(const App& app, long long event_id, long long user_id) {
    auto ticket = services::my_event_ticket(app.db(), event_id, user_id);
    if (!ticket || !ticket.value()) return nullptr;
    const auto& t = *ticket.value();
    nlohmann::json view{{"token", t.token},
                        {"qr_svg", documents::qr_svg(t.token, "Code QR du billet de " + t.registration.full_name)},
                        {"name", t.registration.full_name},
                        {"organisation", t.registration.organisation},
                        {"checked_in", t.checked_in_at.has_value()}};
    if (t.checked_in_at) view["checked_in_at"] = when(*t.checked_in_at);
    return view;
}

Response desk_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    auto desk = services::welcome_desk(app.db(), slug);
    if (!desk)
        return app.error_page(visitor, http_status(desk.failure()),
                              desk.failure().kind == FailureKind::not_found ? "Événement introuvable" : "Erreur",
                              desk.failure().message);
    const auto& d = desk.value();
    const auto& e = d.roster.programme.event;
    std::map<long long, std::string> titles;
    for (const auto& day : d.roster.programme.days)
        for (const auto& entry : day.entries)
            if (entry.slot)
                for (const auto& w : entry.slot->workshops) titles[w.item.id] = w.item.title;
    const auto query = req.query_param("q");
    const auto needle = folded(query);
    nlohmann::json people = nlohmann::json::array();
    int present = 0, confirmed = 0;
    for (const auto& line : d.roster.lines) {
        const auto& r = line.registration;
        if (r.status != "confirmed") continue;
        ++confirmed;
        const auto at = d.checked_in.find(r.id);
        if (at != d.checked_in.end()) ++present;
        if (!needle.empty() && folded(r.full_name + " " + r.organisation).find(needle) == std::string::npos) continue;
        nlohmann::json workshops = nlohmann::json::array();
        for (const auto& [slot, c] : line.choices)
            if (c.status == "held")
                workshops.push_back({{"id", c.item_id},
                                     {"registration_id", r.id},
                                     {"title", titles[c.item_id]},
                                     {"present", d.presence.count({r.id, c.item_id}) > 0}});
        people.push_back({{"id", r.id},
                          {"name", r.full_name},
                          {"organisation", r.organisation},
                          {"search", folded(r.full_name + " " + r.organisation)},
                          {"checked_in", at != d.checked_in.end()},
                          {"checked_in_at", at != d.checked_in.end() ? paris_time::time_of_day(at->second) : std::string()},
                          {"workshops", workshops},
                          {"has_workshops", !workshops.empty()}});
    }
    nlohmann::json data{{"title", "Accueil – " + e.title},
                        {"event", events_pages::event_card_view(e, store::now_utc_seconds())},
                        {"q", query},
                        {"people", people},
                        {"has_people", !people.empty()},
                        {"present", present},
                        {"confirmed", confirmed}};
    // Only when there is one: an empty string still opens the template's alert section.
    if (const auto m = req.query_param("message"); !m.empty()) data["message"] = m;
    if (const auto p = req.query_param("erreur"); !p.empty()) data["problem"] = p;
    return app.page(visitor, "events/checkin", data);
}

Response checkin_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug) {
    const auto token = field(form, "billet");
    const auto id = path_id(field(form, "inscription")).value_or(0);
    if (token.empty() && id == 0) {
        const Failure f = fail("Scannez un billet, saisissez son code ou choisissez une personne.", "billet", FailureKind::invalid);
        return answer(req, slug, Result<services::CheckinOutcome>(f), "");
    }
    auto outcome = services::check_in(app.db(), visitor.user ? visitor.user->id : 0, slug, token, id);
    std::string message;
    if (outcome)
        message = outcome.value().already
                      ? outcome.value().full_name + " était déjà pointé·e (" + when(outcome.value().checked_in_at) + ")."
                      : outcome.value().full_name + " (" + outcome.value().organisation + ") est pointé·e : bienvenue !";
    return answer(req, slug, outcome, message);
}

Response presence_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug) {
    const auto id = path_id(field(form, "inscription")).value_or(0);
    const auto item = path_id(field(form, "atelier")).value_or(0);
    auto outcome = services::mark_workshop_presence(app.db(), visitor.user ? visitor.user->id : 0, slug, id, item);
    return answer(req, slug, outcome, outcome ? outcome.value().full_name + " est présent·e dans l’atelier." : "");
}

}  // namespace ateliers::web::events_checkin
