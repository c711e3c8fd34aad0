// /invitation/TOKEN: the person invited by an organiser creates their account and gets
// the role (services/role_invitations).
#include <nlohmann/json.hpp>

#include "features/roles/services/role_invitations.hpp"
#include "features/roles/web/role_pages.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/http/form_view.hpp"
#include "platform/http/handlers.hpp"

namespace ateliers::web::role_pages {

namespace {

Response dead_link_page(const App& app, Visitor& visitor, const Failure& f) {
    return app.error_page(visitor, http_status(f), "Invitation indisponible", f.message);
}

Response render(const App& app, Visitor& visitor, const std::string& token, const services::RoleInvitationView& v,
                const std::string& name, const std::map<std::string, std::string>& errors, const std::string& summary,
                int status) {
    return app.page(visitor, "roles/invitation",
                    {{"title", "Créer votre compte – Invitation"},
                     {"email", v.email},
                     {"role_text", v.role_text},
                     {"full_name", name},
                     {"action", "/invitation/" + token},
                     {"errors", form_errors_view(summary, errors)}},
                    status);
}

}  // namespace

Response invitation_page(const App& app, Visitor& visitor, const std::string& token) {
    auto v = services::role_invitation_view(app.db(), token);
    if (!v) return dead_link_page(app, visitor, v.failure());
    return render(app, visitor, token, v.value(), "", {}, "", 200);
}

Response invitation_submit(const App& app, Visitor& visitor, const std::string& token, const FormFields& form) {
    const auto name = field(form, "full_name");
    auto accepted =
        services::accept_role_invitation(app.db(), token, name, field(form, "password"), field(form, "password_confirm"));
    if (accepted) return start_session(visitor, accepted->session_token, "/espace");
    const auto& f = accepted.failure();
    if (f.kind != FailureKind::invalid) return dead_link_page(app, visitor, f);
    auto v = services::role_invitation_view(app.db(), token);
    if (!v) return dead_link_page(app, visitor, v.failure());
    return render(app, visitor, token, v.value(), name, f.fields, f.message, 422);
}

}  // namespace ateliers::web::role_pages
