#pragma once
// Session plans: the sessions they belong to, each session's own phases, and the
// plan templates they are copied from. Phases are stored as JSON text.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct SessionRefRow {
    long long session_id = 0;
    long long cycle_id = 0;
    std::string cycle_slug;
    std::string cycle_title;
    int number = 0;
    long long starts_at = 0;
    long long ends_at = 0;
    std::string visio_url;
};

std::optional<SessionRefRow> find_session_ref(soci::session& sql, const std::string& cycle_slug, int number);
std::optional<SessionRefRow> find_session_ref_by_id(soci::session& sql, long long session_id);

// The session's own phases, nullopt when it has no plan of its own.
std::optional<std::string> session_phases(soci::session& sql, long long session_id);
bool has_session_plan(soci::session& sql, long long session_id);
// `if_absent`: ON CONFLICT DO NOTHING; otherwise the phases replace the existing ones.
void upsert_session_plan(soci::session& sql, long long session_id, const std::string& phases, long long updated_at,
                         bool if_absent);

struct PlanTemplateRow {
    long long id = 0;
    std::string slug, name, phases;
    long long updated_at = 0;
};

// The default template first, then by name.
std::vector<PlanTemplateRow> plan_templates(soci::session& sql, const std::string& default_slug);
std::optional<std::string> template_phases(soci::session& sql, const std::string& slug);
bool plan_template_exists(soci::session& sql, const std::string& slug);
void update_plan_template(soci::session& sql, const std::string& slug, const std::string& name,
                          const std::string& phases, long long updated_at);
void insert_plan_template(soci::session& sql, const std::string& slug, const std::string& name,
                          const std::string& phases, long long updated_at);

}  // namespace ateliers::store
