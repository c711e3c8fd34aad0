#include "features/roles/web/role_pages.hpp"

#include <nlohmann/json.hpp>

#include "features/roles/services/role_invitations.hpp"
#include "features/roles/services/staff_roles.hpp"
#include "platform/core/text.hpp"
#include "platform/http/admin_routes.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::role_pages {

namespace {

constexpr const char* roles_path = "/admin/roles";

std::string notice_text(const std::string& code) {
    if (code == "donne") return "Le rôle a été donné ; le journal des actions l’a enregistré.";
    if (code == "retire") return "Le rôle a été retiré ; le journal des actions l’a enregistré.";
    if (code == "accorde") return "La personne avait déjà un compte : le rôle lui est donné et un courriel l’en informe.";
    if (code == "invite") return "Invitation envoyée : le lien, valable 14 jours, permet de créer le compte avec ce rôle.";
    return {};
}

std::string text_of(const FormFields* form, const std::string& name) { return form ? field(*form, name) : ""; }

long long id_of(const std::string& s) { return text::parse_bounded_integer(s, 1, 1'000'000'000'000LL).value_or(0); }

struct Typed {
    const FormFields* grant = nullptr;
    const FormFields* invite = nullptr;
};

Response render(const App& app, Visitor& visitor, const services::StaffRolesView& v, const std::string& search,
                Typed typed, const std::map<std::string, std::string>& errors, const std::string& summary,
                const std::string& notice, int status) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : v.roles) {
        const bool may_revoke =
            std::find(v.grantable.begin(), v.grantable.end(), r.role) != v.grantable.end();
        rows.push_back({{"user_id", r.user_id},
                        {"name", r.full_name},
                        {"email", r.email},
                        {"role", r.role},
                        {"role_label", role_grants::role_label(r.role)},
                        {"scope", r.scope},
                        {"cycle_title", admin::text_or_null(r.cycle_title)},
                        {"cycle_slug", r.cycle_slug},
                        {"no_cycle", r.role == "facilitator" && r.cycle_title.empty()},
                        {"may_revoke", may_revoke}});
    }
    const auto grant_role = text_of(typed.grant, "role");
    nlohmann::json grantable = nlohmann::json::array();
    for (const auto& role : v.grantable)
        grantable.push_back({{"value", role}, {"label", role_grants::role_label(role)}, {"selected", role == grant_role}});
    const auto grant_cycle = text_of(typed.grant, "cycle_id");
    const auto invite_cycle = text_of(typed.invite, "invite_cycle_id");
    nlohmann::json cycles = nlohmann::json::array(), invite_cycles = nlohmann::json::array();
    for (const auto& c : v.cycles) {
        cycles.push_back({{"id", c.id}, {"title", c.title}, {"selected", grant_cycle == std::to_string(c.id)}});
        invite_cycles.push_back({{"id", c.id}, {"title", c.title}, {"selected", invite_cycle == std::to_string(c.id)}});
    }
    const auto territory_typed = text_of(typed.invite, "territory");
    nlohmann::json programmes = nlohmann::json::array(), territory_groups = nlohmann::json::array();
    for (const auto& p : v.programmes) {
        programmes.push_back({{"slug", p.programme.slug}, {"title", p.programme.title},
                              {"territories", p.territories.size()}});
        nlohmann::json options = nlohmann::json::array();
        for (const auto& t : p.territories) {
            const auto value = p.programme.slug + "/" + std::to_string(t.id);
            options.push_back({{"value", value}, {"label", t.label}, {"selected", value == territory_typed}});
        }
        if (!options.empty()) territory_groups.push_back({{"title", p.programme.title}, {"options", options}});
    }
    nlohmann::json found = nlohmann::json::array();
    for (const auto& a : v.found) found.push_back({{"id", a.id}, {"name", a.full_name}, {"email", a.email}});
    const auto invite_role = typed.invite ? field(*typed.invite, "invite_role") : "facilitator";
    nlohmann::json data{
        {"title", "Rôles et invitations – Administration"},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"grantable", grantable},
        {"cycles", cycles},
        {"invite_cycles", invite_cycles},
        {"programmes", programmes},
        {"has_programmes", !programmes.empty()},
        {"territory_groups", territory_groups},
        {"search", search},
        {"searched", text::trim(search).size() >= 3},
        {"found", found},
        {"has_found", !found.empty()},
        {"search_too_short", !search.empty() && text::trim(search).size() < 3},
        {"grant_email", text_of(typed.grant, "email")},
        {"invite_email", text_of(typed.invite, "invite_email")},
        {"organisation", text_of(typed.invite, "organisation")},
        {"invite_facilitator", invite_role != "provider"},
        {"invite_provider", invite_role == "provider"},
        {"errors", form_errors_view(summary, errors)},
        {"notice", admin::text_or_null(notice)},
    };
    return app.page(visitor, "roles/roles", std::move(data), status);
}

Response with_failure(const App& app, Visitor& visitor, Typed typed, const Failure& f, const std::string& summary,
                      const std::string& prefix) {
    if (f.kind == FailureKind::technical) return admin::service_error(app, visitor, f);
    auto v = services::staff_roles_view(app.db(), *visitor.user, "");
    if (!v) return admin::service_error(app, visitor, v.failure());
    std::string field_name = f.field.empty() ? "email" : f.field;
    if (!prefix.empty() && (field_name == "email" || field_name == "role" || field_name == "cycle_id"))
        field_name = prefix + field_name;
    std::map<std::string, std::string> errors{{field_name, f.message}};
    return render(app, visitor, v.value(), "", typed, errors, summary + " : " + f.message, "", http_status(f));
}

Response confirm_page(const App& app, Visitor& visitor, const std::string& action, const std::string& question,
                      const std::string& button, nlohmann::json hidden) {
    return app.page(visitor, "roles/confirm",
                    {{"title", "Confirmer – Rôles"},
                     {"action", action},
                     {"question", question},
                     {"button", button},
                     {"hidden", std::move(hidden)}});
}

}  // namespace

Response roles_page(const App& app, const Request& req, Visitor& visitor) {
    const auto search = req.query_param("q");
    auto v = services::staff_roles_view(app.db(), *visitor.user, search);
    if (!v) return admin::service_error(app, visitor, v.failure());
    return render(app, visitor, v.value(), search, {}, {}, "", notice_text(req.query_param("fait")), 200);
}

Response grant_submit(const App& app, Visitor& visitor, const FormFields& form) {
    services::StaffRoleChange change{std::string(text::trim(field(form, "email"))), field(form, "role"),
                                     id_of(field(form, "cycle_id"))};
    if (field(form, "confirme") != "oui") {
        // Cheap checks first, so that the confirmation never asks about an impossible change.
        if (change.email.empty() || change.role.empty() || (change.role == "facilitator" && !change.cycle_id)) {
            Failure f = fail(change.email.empty() ? "Indiquez l’adresse électronique d’un compte."
                             : change.role.empty() ? "Choisissez un rôle."
                                                   : "Choisissez le cycle que cette personne anime.",
                             change.email.empty() ? "email" : change.role.empty() ? "role" : "cycle_id",
                             FailureKind::invalid);
            return with_failure(app, visitor, {&form, nullptr}, f, "Le rôle n’est pas donné", "");
        }
        std::string what = role_grants::role_label(change.role);
        auto v = services::staff_roles_view(app.db(), *visitor.user, "");
        if (v)
            for (const auto& c : v->cycles)
                if (c.id == change.cycle_id && change.role == "facilitator") what += " (" + c.title + ")";
        return confirm_page(app, visitor, "/admin/roles/donner",
                            "Donner le rôle « " + what + " » au compte " + change.email + " ?", "Donner le rôle",
                            nlohmann::json::array({{{"name", "email"}, {"value", change.email}},
                                                   {{"name", "role"}, {"value", change.role}},
                                                   {{"name", "cycle_id"}, {"value", field(form, "cycle_id")}}}));
    }
    auto done = services::grant_staff_role(app.db(), *visitor.user, change);
    if (!done) return with_failure(app, visitor, {&form, nullptr}, done.failure(), "Le rôle n’est pas donné", "");
    return redirect_to(std::string(roles_path) + "?fait=donne");
}

Response revoke_submit(const App& app, Visitor& visitor, const FormFields& form) {
    const long long user_id = id_of(field(form, "user_id"));
    const auto role = field(form, "role");
    const auto scope = field(form, "scope");
    if (!user_id || role.empty())
        return app.error_page(visitor, 400, "Demande incomplète", "Choisissez le rôle à retirer dans la liste.");
    if (field(form, "confirme") != "oui") {
        const auto who = field(form, "name");
        return confirm_page(app, visitor, "/admin/roles/retirer",
                            "Retirer le rôle « " + role_grants::role_label(role) + " »" +
                                (who.empty() ? "" : " à " + who) + " ? La personne le perd à sa prochaine page.",
                            "Retirer le rôle",
                            nlohmann::json::array({{{"name", "user_id"}, {"value", std::to_string(user_id)}},
                                                   {{"name", "role"}, {"value", role}},
                                                   {{"name", "scope"}, {"value", scope}}}));
    }
    auto done = services::revoke_staff_role(app.db(), *visitor.user, user_id, role, scope);
    if (!done) {
        const auto& f = done.failure();
        return app.error_page(visitor, http_status(f), "Rôle non retiré", f.message);
    }
    return redirect_to(std::string(roles_path) + "?fait=retire");
}

Response invite_submit(const App& app, Visitor& visitor, const FormFields& form) {
    services::RoleInvitationRequest request;
    request.email = text::trim(field(form, "invite_email"));
    request.role = field(form, "invite_role");
    request.organisation = text::trim(field(form, "organisation"));
    if (request.role == "facilitator") request.cycle_id = id_of(field(form, "invite_cycle_id"));
    if (request.role == "provider") {
        const auto territory = field(form, "territory");
        if (const auto slash = territory.rfind('/'); slash != std::string::npos) {
            request.programme_slug = territory.substr(0, slash);
            request.territory_id = id_of(territory.substr(slash + 1));
        }
    }
    if (text::length_in_chars(request.organisation) > 200) {
        Failure f = fail("La structure est limitée à 200 caractères.", "organisation", FailureKind::invalid);
        return with_failure(app, visitor, {nullptr, &form}, f, "L’invitation n’est pas envoyée", "invite_");
    }
    auto sent = services::invite_to_role(app.db(), *visitor.user, request, app.mail_context());
    if (!sent) return with_failure(app, visitor, {nullptr, &form}, sent.failure(), "L’invitation n’est pas envoyée", "invite_");
    return redirect_to(std::string(roles_path) +
                       (sent.value() == services::RoleInvitationOutcome::granted ? "?fait=accorde" : "?fait=invite"));
}

}  // namespace ateliers::web::role_pages
