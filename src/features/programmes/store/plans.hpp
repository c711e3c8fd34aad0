#pragma once
// A territory's three-year plan: its actions (the working set, which is the draft of
// adjustments once a version is adopted), the follow-ups of each action, and the plan's
// versions (draft | adopted, an adopted one keeping a JSON snapshot of the actions).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct PlanActionRow {
    long long id = 0;
    long long territory_id = 0;
    std::string title;
    std::string description;
    std::string kind;           // formation | conduite_changement | projet_phare
    std::string years;          // "1,2"
    std::string families;       // "cooperer,faciliter"
    std::string providers;      // free text: the providers' names
    std::string field_support;  // "cifre,vta"
    std::string status;         // proposee | en_cours | bloquee | faite | abandonnee
    int progress = 0;
    long long updated_at = 0;
    long long created_at = 0;
};

std::vector<PlanActionRow> plan_actions_of(soci::session& sql, long long territory_id);  // by kind, then id
std::optional<PlanActionRow> find_plan_action(soci::session& sql, long long territory_id, long long action_id);
long long insert_plan_action(soci::session& sql, const PlanActionRow& a, long long now);
// Title, description, kind, years, families, providers and field support; not the status.
void update_plan_action(soci::session& sql, const PlanActionRow& a, long long now);
void set_plan_action_progress(soci::session& sql, long long action_id, const std::string& status, int progress,
                              long long now);

struct ActionFollowUpRow {
    long long id = 0;
    long long action_id = 0;
    long long author_id = 0;
    std::string author_name;
    std::string status_before;
    std::string status_after;
    int progress_before = 0;
    int progress_after = 0;
    std::string comment;
    long long created_at = 0;
};

long long insert_action_follow_up(soci::session& sql, const ActionFollowUpRow& f);
std::vector<ActionFollowUpRow> action_follow_ups_of(soci::session& sql, long long action_id);  // newest first

struct PlanVersionRow {
    long long id = 0;
    long long territory_id = 0;
    int number = 0;
    std::string status;    // draft | adopted
    std::string snapshot;  // adopted: the actions as JSON
    std::optional<long long> adopted_at;
    long long created_at = 0;
};

std::vector<PlanVersionRow> plan_versions_of(soci::session& sql, long long territory_id);  // by number
long long insert_plan_version(soci::session& sql, long long territory_id, int number, long long now);
// Opens the next draft version unless one is open (any change to the actions is a draft).
void open_plan_draft_if_none(soci::session& sql, long long territory_id, long long now);
void adopt_plan_version(soci::session& sql, long long version_id, const std::string& snapshot, long long user_id,
                        long long now);

}  // namespace ateliers::store
