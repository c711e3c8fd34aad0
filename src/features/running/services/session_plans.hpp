#pragma once
// Session plans: the templates organisers keep (plan_templates, the default one is
// data from migration 005) and each session's own copy (session_plans), taken from
// the default template the first time a facilitator uses it.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "features/running/domain/session_plan.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

inline const std::string default_plan_template = "co-developpement";

// One session and the cycle it belongs to.
struct SessionRef {
    long long session_id = 0;
    long long cycle_id = 0;
    std::string cycle_slug;
    std::string cycle_title;
    int number = 0;
    long long starts_at = 0;  // seconds
    long long ends_at = 0;
    std::string visio_url;
    long long minutes() const { return ends_at > starts_at ? (ends_at - starts_at) / 60 : 0; }
};

std::optional<SessionRef> find_session(soci::session& sql, const std::string& cycle_slug, int number);
std::optional<SessionRef> find_session_by_id(soci::session& sql, long long session_id);

struct PlanTemplate {
    long long id = 0;
    std::string slug;
    std::string name;
    std::vector<session_plan::Phase> phases;
    long long updated_at = 0;
};

Result<std::vector<PlanTemplate>> list_plan_templates(store::Database& db);
Result<PlanTemplate> find_plan_template(store::Database& db, const std::string& slug);
// Organisers and admins only.
Status save_plan_template(store::Database& db, const CurrentUser& user, const std::string& slug,
                          const std::string& name, std::vector<session_plan::Phase> phases);
// A new template, a copy of the default one; returns its slug.
Result<std::string> create_plan_template(store::Database& db, const CurrentUser& user, const std::string& name);

struct SessionPlan {
    SessionRef session;
    std::vector<session_plan::Phase> phases;
    std::string duration_warning;  // empty when the plan fills the session
};

// For the session's facilitators: the plan, copied from the default template on first use.
Result<SessionPlan> session_plan(store::Database& db, const CurrentUser& user, const std::string& cycle_slug,
                                 int number);
// Validates and saves; the pages showing the session learn it (live version + 1).
Result<SessionPlan> save_session_plan(store::Database& db, const CurrentUser& user, const std::string& cycle_slug,
                                      int number, std::vector<session_plan::Phase> phases);
// "Rétablir le modèle": the session's plan becomes a copy of that template again.
Result<SessionPlan> reset_session_plan(store::Database& db, const CurrentUser& user, const std::string& cycle_slug,
                                       int number, const std::string& template_slug);

// Inside a caller's transaction or session.
// The session's own plan, or the default template's phases while it has none.
std::vector<session_plan::Phase> effective_phases(soci::session& sql, long long session_id);
// Copies the default template into session_plans when the session has no plan yet.
void ensure_session_plan(soci::session& sql, long long session_id, long long now_seconds);
// Creates the session's live_states row if needed and bumps its version, so every
// page showing the session (SSE subscribers, other servers) sees a change.
long long bump_live_version(soci::session& sql, long long session_id, long long now_ms);

long long now_utc_millis();

}  // namespace ateliers::services
