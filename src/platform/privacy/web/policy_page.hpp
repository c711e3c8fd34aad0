#pragma once
// The privacy policy, /donnees-personnelles: its durations are those the retention job
// applies (privacy/retention_rules.hpp and the `--retention-months` setting).
#include "platform/http/app.hpp"

namespace ateliers::web::privacy {

// `text_months`: the setting; 0 means texts are kept as long as the account.
Response policy_page(const App& app, const Visitor& visitor, int text_months);

}  // namespace ateliers::web::privacy
