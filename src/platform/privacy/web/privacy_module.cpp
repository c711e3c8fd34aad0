#include "platform/privacy/web/privacy_module.hpp"

#include <atomic>
#include <memory>

#include "platform/privacy/personal_data_service.hpp"
#include "platform/privacy/web/personal_data_pages.hpp"
#include "platform/privacy/web/policy_page.hpp"

namespace ateliers::privacy {

modules::Module module(const PrivacySettings& settings, std::vector<PersonalDataSource> sources) {
    const auto shared = std::make_shared<const std::vector<PersonalDataSource>>(std::move(sources));
    modules::Module m;
    m.name = "privacy";
    const int months = settings.retention_months;
    m.pages = [shared, months](const web::App& app, const web::Request& req, web::Visitor& visitor,
                               const web::FormFields* form) -> std::optional<web::Response> {
        const auto& p = req.path;
        if (p == "/donnees-personnelles" && !form) return web::privacy::policy_page(app, visitor, months);
        if (p != "/compte/mes-donnees" && p != "/compte/mes-donnees.json" && p != "/compte/effacer" &&
            p != "/compte/efface")
            return std::nullopt;
        if (p == "/compte/efface") return web::privacy::erased_page(app, visitor);
        if (!visitor.user) return web::redirect_to("/compte/connexion?suivant=" + web::url_encode(p));
        if (form) {
            if (p == "/compte/effacer") return web::privacy::erase_own_account(app, visitor, *form, *shared);
            return std::nullopt;
        }
        if (p == "/compte/mes-donnees") return web::privacy::my_data_page(app, visitor, *shared);
        if (p == "/compte/mes-donnees.json") return web::privacy::my_data_json(app, visitor, *shared);
        return web::privacy::erase_form(app, visitor);
    };
    m.admin_pages = [shared](const web::App& app, const web::Request& req, web::Visitor& visitor,
                             const web::FormFields* form) -> std::optional<web::Response> {
        const std::string prefix = "/admin/donnees-personnelles";
        if (req.path.rfind(prefix, 0) != 0) return std::nullopt;
        return web::privacy::admin_personal_data(app, req, visitor, form, req.path.substr(prefix.size()), *shared);
    };
    // The policy reads the same for every anonymous visitor.
    m.shared_public_page = [](const std::string& path) { return path == "/donnees-personnelles"; };
    // The worker passes every second; texts a few minutes past their term are no harm, so
    // the rules are applied once an hour per process.
    const auto next_run = std::make_shared<std::atomic<std::int64_t>>(0);
    m.jobs.push_back({"retention", [shared, months, next_run](store::Database& db, std::int64_t now,
                                                              const services::MailContext& mail) -> Result<int> {
                          if (now < next_run->load()) return 0;
                          next_run->store(now + 3600);
                          auto done = services::apply_retention(db, *shared, now, months, mail);
                          if (!done) return done.failure();
                          return done->total();
                      }});
    return m;
}

}  // namespace ateliers::privacy
