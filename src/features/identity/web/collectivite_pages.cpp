#include "features/identity/web/collectivite_pages.hpp"

#include <nlohmann/json.hpp>

#include "platform/referential/web/territory_link.hpp"
#include "features/identity/services/collectivite_verification.hpp"
#include "platform/core/text.hpp"
#include "platform/http/admin_routes.hpp"

namespace ateliers::web::collectivite_pages {

namespace {

const char* badge_class(identity::CollectiviteMark mark) {
    switch (mark) {
        case identity::CollectiviteMark::verified:
        case identity::CollectiviteMark::confirmed: return "fr-badge--success";
        case identity::CollectiviteMark::contested: return "fr-badge--error";
        case identity::CollectiviteMark::declared: return "fr-badge--info";
    }
    return "fr-badge--info";
}

std::string notice_text(const std::string& code) {
    if (code == "confirmee") return "La collectivité a été confirmée ; le journal des actions l’a enregistré.";
    if (code == "contestee") return "La collectivité a été contestée ; le journal des actions l’a enregistré.";
    return {};
}

}  // namespace

Response list_page(const App& app, const Request& req, Visitor& visitor) {
    auto rows = identity::registration_collectivites(app.db());
    if (!rows) return admin::service_error(app, visitor, rows.failure());
    nlohmann::json list = nlohmann::json::array();
    int declared = 0;
    for (const auto& r : rows.value()) {
        declared += r.mark == identity::CollectiviteMark::declared;
        const bool reviewed =
            r.mark == identity::CollectiviteMark::confirmed || r.mark == identity::CollectiviteMark::contested;
        list.push_back({{"id", r.registration_id},
                        {"cycle_slug", r.cycle_slug},
                        {"cycle_title", r.cycle_title},
                        {"name", r.full_name},
                        {"email", r.email},
                        {"collectivite", r.collectivite_name},
                        {"collectivite_href", territory_href(r.collectivite_id)},
                        {"mark", identity::collectivite_mark_label(r.mark)},
                        {"mark_code", identity::collectivite_mark_code(r.mark)},
                        {"badge", badge_class(r.mark)},
                        {"by", reviewed && !r.reviewer_name.empty() ? nlohmann::json("par " + r.reviewer_name)
                                                                    : nlohmann::json(nullptr)},
                        {"can_confirm", r.mark != identity::CollectiviteMark::confirmed},
                        {"can_contest", r.mark != identity::CollectiviteMark::contested}});
    }
    return app.page(visitor, "identity/collectivites",
                    {{"title", "Collectivités des inscrits – Administration"},
                     {"rows", list},
                     {"none", list.empty()},
                     {"count", list.size()},
                     {"declared", declared},
                     {"notice", admin::text_or_null(notice_text(req.query_param("fait")))}});
}

Response review_submit(const App& app, const Request&, Visitor& visitor, const std::string& registration_id,
                       const std::string& decision) {
    const auto id = text::parse_bounded_integer(registration_id, 1, 1'000'000'000'000LL);
    if (!id) return app.error_page(visitor, 404, "Page introuvable", "Cette inscription n'existe pas.");
    const auto review = decision == "confirmer" ? identity::CollectiviteReview::confirmed
                                                : identity::CollectiviteReview::contested;
    auto done = identity::review_registration_collectivite(app.db(), visitor.user->id, *id, review);
    if (!done) return admin::service_error(app, visitor, done.failure());
    return redirect_to(std::string("/admin/collectivites?fait=") + (decision == "confirmer" ? "confirmee" : "contestee") +
                       "#inscription-" + std::to_string(*id));
}

}  // namespace ateliers::web::collectivite_pages
