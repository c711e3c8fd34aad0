#include <nlohmann/json.hpp>

#include "features/programmes/domain/access.hpp"
#include "features/programmes/services/programme_admin.hpp"
#include "features/programmes/services/programme_members.hpp"
#include "features/programmes/web/page_support.hpp"
#include "features/programmes/web/programme_pages.hpp"
#include "platform/core/text.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"

namespace ateliers::web::programmes_pages {

namespace {

using programmes::Role;
constexpr Role roles[] = {Role::territory_team, Role::provider, Role::manager};

std::string members_path(const std::string& slug) { return "/programmes/" + slug + "/membres"; }

Response render(const App& app, Visitor& visitor, const services::ProgrammeMembersView& v, const FormFields* typed,
                const std::map<std::string, std::string>& errors, const std::string& summary, const std::string& notice,
                int status) {
    std::map<long long, std::string> labels;
    for (const auto& t : v.territories) labels[t.id] = t.label;
    nlohmann::json members = nlohmann::json::array();
    for (const auto& m : v.members) {
        Role r;
        members.push_back({{"id", m.id},
                           {"email", m.email},
                           {"role", programmes::parse_role(m.role, r) ? programmes::role_label(r) : m.role},
                           {"where", m.territory_id ? labels[m.territory_id] : "Tout le programme"},
                           {"organisation", m.organisation},
                           {"has_account", m.user_id != 0},
                           {"revoke", members_path(v.programme.slug) + "/" + std::to_string(m.id) + "/retirer"}});
    }
    const std::string role_typed = typed ? field(*typed, "role") : "provider";
    nlohmann::json role_options = nlohmann::json::array();
    for (auto r : roles)
        role_options.push_back({{"value", programmes::role_code(r)}, {"label", programmes::role_label(r)},
                                {"selected", role_typed == programmes::role_code(r)}});
    const std::string territory_typed = typed ? field(*typed, "territory_id") : "";
    nlohmann::json territories = nlohmann::json::array();
    for (const auto& t : v.territories)
        territories.push_back({{"id", t.id}, {"label", t.label}, {"selected", territory_typed == std::to_string(t.id)}});
    nlohmann::json data{
        {"title", "Membres – " + v.programme.title},
        {"programme", {{"slug", v.programme.slug}, {"title", v.programme.title}}},
        {"members", members},
        {"has_members", !members.empty()},
        {"roles", role_options},
        {"territories", territories},
        {"values", {{"email", typed ? field(*typed, "email") : ""}, {"organisation", typed ? field(*typed, "organisation") : ""}}},
        {"post", members_path(v.programme.slug)},
        {"errors", form_errors_view(summary, errors)},
        {"notice", notice},
    };
    return render_page(app, visitor, "programmes/members", data, status);
}

}  // namespace

Response members_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug) {
    if (!visitor.user) return login_first(members_path(slug));
    auto v = services::programme_members_view(app.db(), *visitor.user, slug);
    if (!v) return app.error_page(visitor, http_status(v.failure()), "Membres indisponibles", v.failure().message);
    const auto message = req.query_param("message");
    const std::string notice = message == "invite" ? "Invitation envoyée." : message == "retire" ? "Rôle retiré." : "";
    return render(app, visitor, v.value(), nullptr, {}, "", notice, 200);
}

Response member_invite(const App& app, const Request&, Visitor& visitor, const FormFields& form, const std::string& slug) {
    if (!visitor.user) return login_first(members_path(slug));
    auto v = services::programme_members_view(app.db(), *visitor.user, slug);
    if (!v) return app.error_page(visitor, http_status(v.failure()), "Membres indisponibles", v.failure().message);
    services::MemberInvitation in;
    in.email = text::trim(field(form, "email"));
    in.role = field(form, "role");
    in.organisation = text::trim(field(form, "organisation"));
    const auto territory = field(form, "territory_id");
    // A manager covers the whole programme: the territory chosen is ignored for that role.
    if (in.role != "manager" && !territory.empty())
        in.territory_id = text::parse_bounded_integer(territory, 1, 1'000'000'000'000).value_or(-1);
    if (text::length_in_chars(in.organisation) > 200) {
        std::map<std::string, std::string> errors{{"organisation", "La structure est limitée à 200 caractères."}};
        return render(app, visitor, v.value(), &form, errors, "L’invitation n’est pas envoyée.", "", 422);
    }
    auto sent = services::invite_programme_member(app.db(), visitor.user.has_value() ? &*visitor.user : nullptr, slug, in,
                                                  app.mail_context());
    if (sent) return redirect_to(members_path(slug) + "?message=invite");
    const auto& f = sent.failure();
    if (f.kind == FailureKind::forbidden || f.kind == FailureKind::technical)
        return app.error_page(visitor, http_status(f), "Invitation non envoyée", f.message);
    std::map<std::string, std::string> errors{{f.field.empty() ? "email" : f.field, f.message}};
    return render(app, visitor, v.value(), &form, errors, "L’invitation n’est pas envoyée : " + f.message, "", http_status(f));
}

Response member_revoke(const App& app, const Request&, Visitor& visitor, const std::string& slug, long long member_id) {
    if (!visitor.user) return login_first(members_path(slug));
    auto done = services::revoke_programme_member(app.db(), *visitor.user, slug, member_id);
    if (!done) return app.error_page(visitor, http_status(done.failure()), "Rôle non retiré", done.failure().message);
    return redirect_to(members_path(slug) + "?message=retire");
}

}  // namespace ateliers::web::programmes_pages
