#pragma once
// The rules of a territory's three-year plan, as pure functions: kinds of actions, field
// support, the status an action may move to, progress, and what changed between the
// adopted version of a plan and the draft of adjustments.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::programmes {

enum class ActionKind { formation, conduite_changement, projet_phare };
const char* action_kind_code(ActionKind k);
bool parse_action_kind(const std::string& s, ActionKind& out);
const char* action_kind_label(ActionKind k);  // "Formation", "Conduite du changement", "Projet phare"

enum class FieldSupport { cifre, vta, service_civique };
const char* field_support_code(FieldSupport f);
bool parse_field_support(const std::string& s, FieldSupport& out);
const char* field_support_label(FieldSupport f);  // "Doctorant·e CIFRE (1000 doctorants)"…

enum class Status { proposee, en_cours, bloquee, faite, abandonnee };
const char* status_code(Status s);
bool parse_status(const std::string& s, Status& out);
const char* status_label(Status s);  // "Proposée", "En cours"…

// Whether an action may go from `from` to `to`. Moving to the same status is not a
// transition. An abandoned action may only be proposed again; a finished one reopened.
bool can_move(Status from, Status to);
std::vector<Status> next_statuses(Status from);

// French message when a follow-up cannot set these values; empty when acceptable:
// progress within 0..100, "faite" means 100 %, a status change must be allowed.
std::string follow_up_problem(Status from, Status to, int progress);

// Years of a three-year plan: 1..3, at least one.
std::string years_problem(const std::vector<int>& years);

// An action as it stands in one version of the plan, for comparing versions.
struct PlanItem {
    std::string key;  // stable across versions (the action's id as text)
    std::string title;
    std::string kind;
    std::string years;  // "1,2"
    std::string status;
};

enum class ChangeKind { added, changed, dropped };
struct PlanChange {
    ChangeKind kind;
    std::string key;
    std::string title;
};

// What the draft changes relative to the adopted version, ordered by key.
std::vector<PlanChange> plan_changes(const std::vector<PlanItem>& adopted, const std::vector<PlanItem>& draft);

// Adjustments recorded at the annual review.
enum class Adjustment { added, changed, dropped, postponed };
const char* adjustment_code(Adjustment a);
bool parse_adjustment(const std::string& s, Adjustment& out);
const char* adjustment_label(Adjustment a);

}  // namespace ateliers::programmes
