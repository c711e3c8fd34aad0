// /animation/SLUG/groupes: the breakout groups of every session, their score, and
// the facilitator's actions (compose, move and lock, unlock, absences in advance).
#include <limits>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "features/running/services/breakout_planning.hpp"
#include "features/running/web/facilitation_routes.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/core/text.hpp"

namespace ateliers::web::facilitation {

namespace {

using nlohmann::json;

std::string plural(std::int64_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n > 1 ? many : one);
}

json member_view(const services::PlannedMember& m) {
    return {{"registration_id", m.registration_id},
            {"full_name", m.full_name},
            {"mandate", mandate_text(m.mandate)},
            {"collectivite", m.collectivite_label},
            {"is_client", m.is_client},
            {"locked", m.locked}};
}

json session_view(const services::CyclePlanning& p, const services::PlannedSession& s, int& client_slots) {
    const int number = s.session.number;
    const bool editable = !s.held && p.composed;
    json groups = json::array();
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
        const auto& members = s.groups[g];
        if (members.empty()) continue;
        ++client_slots;
        json rows = json::array();
        for (const auto& m : members) {
            auto row = member_view(m);
            row["editable"] = editable;
            json options = json::array();
            for (int target = 1; target <= p.group_count; ++target)
                options.push_back({{"value", target},
                                   {"label", "Groupe " + std::to_string(target)},
                                   {"selected", target == static_cast<int>(g) + 1}});
            row["group_options"] = options;
            rows.push_back(row);
        }
        groups.push_back({{"group_number", g + 1}, {"size", plural(std::ssize(members), "personne", "personnes")},
                          {"members", rows}});
    }
    json absent = json::array();
    for (const auto& m : s.absent) absent.push_back(member_view(m));
    json unplaced = json::array();
    for (const auto& m : s.unplaced) unplaced.push_back(member_view(m));
    // Who may still be marked absent in advance: confirmed and not already absent.
    json absence_options = json::array();
    for (const auto& person : p.participants) {
        const bool already = std::ranges::any_of(
            s.absent, [&](const services::PlannedMember& m) { return m.registration_id == person.registration_id; });
        if (!already) absence_options.push_back({{"value", person.registration_id}, {"label", person.full_name}});
    }
    return {{"session_number", number},
            {"when", session_when(s.session.starts_at)},
            {"held", s.held},
            {"future", !s.held},
            {"editable", editable},
            {"groups", groups},
            {"has_groups", !groups.empty()},
            {"absent", absent},
            {"has_absent", !absent.empty()},
            {"unplaced", unplaced},
            {"has_unplaced", !unplaced.empty()},
            {"absence_options", absence_options},
            {"has_absence_options", !absence_options.empty()}};
}

std::string notice_for(const std::string& done) {
    if (done == "composer") return "Les séances à venir sont composées. Le bilan ci-dessous tient compte des séances "
                                   "déjà tenues.";
    if (done == "deplacer")
        return "La personne est placée et verrouillée dans le groupe choisi ; les autres groupes des séances à venir "
               "ont été recomposés autour d’elle.";
    if (done == "deverrouiller")
        return "La personne est déverrouillée : la prochaine composition pourra la changer de groupe.";
    if (done == "absence")
        return "L’absence est notée comme excusée ; les groupes des séances à venir en tiennent compte.";
    if (done == "retirer-absence")
        return "L’absence est retirée ; les groupes des séances à venir en tiennent compte.";
    return {};
}

Response render(const App& app, const Visitor& visitor, const services::CyclePlanning& p, const std::string& notice,
                const std::string& error, const std::string& typed_groups, int status) {
    json sessions = json::array();
    int client_slots = 0;
    for (const auto& s : p.sessions) sessions.push_back(session_view(p, s, client_slots));
    const int people = static_cast<int>(p.participants.size());
    const auto& sc = p.score;
    const int shown_count = p.composed ? p.group_count : p.suggested_group_count;
    json view{
        {"title", "Groupes – " + p.cycle.title + " – Animation"},
        {"crumbs", breadcrumb(p.cycle.slug, p.cycle.title, "Groupes")},
        {"cycle", {{"slug", p.cycle.slug}, {"title", p.cycle.title}}},
        {"participants", people},
        {"has_participants", people > 0},
        {"suggested", p.suggested_group_count},
        {"suggested_text", plural(people, "participant confirmé", "participants confirmés") + " → " +
                               plural(p.suggested_group_count, "groupe", "groupes")},
        {"groups_value", typed_groups.empty() ? std::to_string(shown_count) : typed_groups},
        {"max_groups", std::max(1, people)},
        {"composed", p.composed},
        {"group_count", p.group_count},
        {"has_future", p.has_future},
        {"needs_recompose", p.needs_recompose},
        {"has_sessions", !p.sessions.empty()},
        {"score",
         {{"same", sc.same_collectivite_pairs},
          {"mix", sc.groups_without_mix},
          {"repeated", sc.repeated_pairs},
          {"has_repeated", sc.repeated_pairs > 0},
          {"summary", services::score_summary(sc)}}},
        {"situations", {{"planned", p.situations_planned}, {"total", people}, {"slots", client_slots}}},
        {"slots_short", client_slots > 0 && client_slots < people},
        {"any_groups", client_slots > 0},
        {"sessions", sessions}};
    if (!notice.empty()) view["notice"] = notice;
    if (!error.empty()) view["error"] = error;
    return app.page(visitor, "running/groups", view, status);
}

Response render_page(const App& app, const Visitor& visitor, const std::string& slug, const std::string& notice,
                     const std::string& error, const std::string& typed_groups, int status) {
    auto data = services::cycle_planning(app.db(), slug);
    if (!data) return service_error(app, visitor, data.failure());
    if (!data.value()) return app.error_page(visitor, 404, "Cycle introuvable", "Ce cycle n’existe pas.");
    return render(app, visitor, *data.value(), notice, error, typed_groups, status);
}

// A positive integer typed in a form field; 0 when it is not one.
int positive(const std::string& typed) {
    return static_cast<int>(text::parse_bounded_integer(typed, 0, 999'999'999).value_or(0));
}

long long positive_id(const std::string& typed) {
    return text::parse_bounded_integer(typed, 0, std::numeric_limits<long long>::max()).value_or(0);
}

}  // namespace

Response groups_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    return render_page(app, visitor, slug, notice_for(req.query_param("fait")), "", "", 200);
}

Response groups_action(const App& app, Visitor& visitor, const FormFields& form, const std::string& slug,
                       const std::string& action) {
    const long long actor = visitor.user->id;
    const int session = positive(field(form, "seance"));
    const long long registration = positive_id(field(form, "inscription"));
    Status done = Done{};
    if (action == "composer") {
        const auto typed = field(form, "groups");
        const int count = positive(typed);
        if (count == 0)
            return render_page(app, visitor, slug, "", "Indiquez le nombre de groupes par séance, un nombre entier "
                               "d’au moins 1.", typed, 422);
        auto r = services::compose_groups(app.db(), actor, slug, count);
        if (!r) done = r.failure();
        if (!r && r.failure().field == "groups")
            return render_page(app, visitor, slug, "", r.failure().message, typed, http_status(r.failure()));
    } else if (action == "deplacer") {
        auto r = services::move_and_lock(app.db(), actor, slug, session, registration, positive(field(form, "groupe")));
        if (!r) done = r.failure();
    } else if (action == "deverrouiller") {
        done = services::unlock_member(app.db(), actor, slug, session, registration);
    } else if (action == "absence") {
        if (registration == 0)
            return render_page(app, visitor, slug, "", "Choisissez la personne absente.", "", 422);
        auto r = services::plan_absence(app.db(), actor, slug, session, registration);
        if (!r) done = r.failure();
    } else {
        auto r = services::withdraw_absence(app.db(), actor, slug, session, registration);
        if (!r) done = r.failure();
    }
    if (!done) {
        const auto& f = done.failure();
        if (f.kind == FailureKind::technical || f.kind == FailureKind::not_found) return service_error(app, visitor, f);
        return render_page(app, visitor, slug, "", f.message, "", http_status(f));
    }
    const std::string anchor = session > 0 ? "#seance-" + std::to_string(session) : "#composition";
    return redirect_to("/animation/" + slug + "/groupes?fait=" + action + anchor);
}

}  // namespace ateliers::web::facilitation
