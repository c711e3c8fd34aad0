#include "features/running/web/facilitation_routes.hpp"

#include "platform/auth/account_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "features/cycles/services/facilitation_access.hpp"
#include "platform/http/paths.hpp"
#include "platform/http/failure_status.hpp"

namespace ateliers::web {

namespace facilitation {

Response service_error(const App& app, const Visitor& visitor, const Failure& failure) {
    const char* title = failure.kind == FailureKind::not_found   ? "Page introuvable"
                        : failure.kind == FailureKind::technical ? "Erreur technique"
                                                : "Action impossible";
    return app.error_page(visitor, http_status(failure), title, failure.message);
}

nlohmann::json breadcrumb(const std::string& slug, const std::string& cycle_title, const std::string& here) {
    return {{"slug", slug}, {"cycle_title", cycle_title}, {"here", here}};
}

std::string session_when(std::int64_t utc_seconds) {
    return paris_time::long_date(utc_seconds) + " à " + paris_time::time_of_day(utc_seconds);
}

std::string mandate_text(const std::string& mandate) {
    accounts::Mandate m;
    return accounts::parse_mandate(mandate, m) ? accounts::mandate_label(m) : mandate;
}

}  // namespace facilitation

namespace {

// A session number in a path: 1 to 99.
std::optional<int> session_number(const std::string& segment) {
    const auto id = path_id(segment);
    if (!id || *id < 1 || *id > 99) return std::nullopt;
    return static_cast<int>(*id);
}

bool is_groups_action(const std::string& a) {
    return a == "composer" || a == "deplacer" || a == "deverrouiller" || a == "absence" || a == "retirer-absence";
}

}  // namespace

std::optional<Response> facilitation_route(const App& app, const Request& req, Visitor& visitor,
                                           const FormFields* form) {
    const auto parts = path_segments(req.path);
    if (parts.size() < 3 || parts[0] != "animation") return std::nullopt;
    const auto& slug = parts[1];
    enum class Page {
        none,
        groups,
        groups_action,
        session_attendance,
        cycle_attendance,
        situations,
        situations_csv
    } page = Page::none;
    std::optional<int> number;
    if (parts.size() == 3 && parts[2] == "groupes") page = form ? Page::none : Page::groups;
    else if (parts.size() == 4 && parts[2] == "groupes" && is_groups_action(parts[3]))
        page = form ? Page::groups_action : Page::none;
    else if (parts.size() == 5 && parts[2] == "seances" && parts[4] == "presences" &&
             (number = session_number(parts[3])))
        page = Page::session_attendance;
    else if (parts.size() == 3 && parts[2] == "presences") page = form ? Page::none : Page::cycle_attendance;
    else if (parts.size() == 3 && parts[2] == "participants") page = form ? Page::none : Page::situations;
    else if (parts.size() == 3 && parts[2] == "participants.csv") page = form ? Page::none : Page::situations_csv;
    if (page == Page::none) return std::nullopt;

    if (!visitor.user) return redirect_to("/compte/connexion?suivant=" + url_encode(req.path));
    if (!services::can_facilitate(app.db(), *visitor.user, slug))
        return app.error_page(visitor, 403, "Accès réservé",
                              "Cette page est réservée à l’intervenant ou l’intervenante du cycle et à l’équipe des "
                              "ateliers de l’ANCT. Si vous animez ce cycle, demandez à l’équipe de relier votre "
                              "compte au cycle.");
    switch (page) {
        case Page::groups: return facilitation::groups_page(app, req, visitor, slug);
        case Page::groups_action: return facilitation::groups_action(app, visitor, *form, slug, parts[3]);
        case Page::session_attendance:
            return form ? facilitation::session_attendance_submit(app, visitor, *form, slug, *number)
                        : facilitation::session_attendance_page(app, req, visitor, slug, *number);
        case Page::cycle_attendance: return facilitation::cycle_attendance_page(app, req, visitor, slug);
        case Page::situations: return facilitation::situations_page(app, req, visitor, slug);
        case Page::situations_csv: return facilitation::situations_export(app, req, visitor, slug);
        case Page::none: break;
    }
    return std::nullopt;
}

}  // namespace ateliers::web
