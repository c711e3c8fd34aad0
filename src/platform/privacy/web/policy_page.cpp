#include "platform/privacy/web/policy_page.hpp"

#include <nlohmann/json.hpp>

#include "platform/privacy/retention_rules.hpp"

namespace ateliers::web::privacy {

Response policy_page(const App& app, const Visitor& visitor, int text_months) {
    namespace rules = ateliers::privacy;
    return app.page(visitor, "privacy",
                    {{"title", "Données personnelles – Ateliers des territoires"},
                     {"texts_expire", text_months > 0},
                     {"text_duration", rules::duration_words(text_months)},
                     {"account_duration", rules::duration_words(rules::account_idle_months)},
                     {"mail_duration", rules::duration_words(rules::mail_log_months)}});
}

}  // namespace ateliers::web::privacy
