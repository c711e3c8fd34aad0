#pragma once
// The organisers' cycle use cases: create, edit (with its sessions), duplicate,
// publish, close; and what the back office lists. Each is one transaction that
// also writes the audit log, and the e-mails it causes to the outbox.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/cycles/domain/cycle_status.hpp"
#include "platform/mail/outbox.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

// One row of the sessions table of the form, as typed (Paris wall-clock time).
struct SessionInput {
    std::string id;         // existing session id, empty for a new one
    std::string date;       // "2027-01-14" (or "14/01/2027")
    std::string start;      // "09:30"
    std::string end;        // "11:30"
    std::string visio_url;  // optional, http(s)
    bool blank() const;     // nothing typed: the row is ignored (or the session removed)
};

// The cycle form, as typed. Field names match the form's controls.
struct CycleInput {
    std::string title;
    std::string theme;
    std::string summary;
    std::string description;
    std::vector<std::string> territory_types;  // codes from territory::all_types()
    std::string region_code;                   // empty: open to every région
    std::string capacity = "15";
    std::string mode = "first_come";           // first_come | application
    std::string opens_date, opens_time;        // registration window, Paris time
    std::string closes_date, closes_time;
    std::string facilitator_choice;            // "" none, "new", or an existing facilitator id
    std::string new_facilitator_name;
    std::string new_facilitator_bio;
    std::string facilitator_email;             // optional: links the facilitator to this account
    std::vector<SessionInput> sessions;
};

struct CycleSaved {
    long long id = 0;
    std::string slug;
    std::vector<std::string> warnings;  // departures from the format (cycle_format::warnings)
    int sessions_moved = 0;             // sessions whose start or end changed
    int participants_notified = 0;      // "Modification du cycle" e-mails queued
};

Result<CycleSaved> create_cycle(store::Database& db, long long actor_id, const CycleInput& input,
                                const MailContext& mail);

// Edits every field and the sessions. On a published cycle, a session whose start or
// end changes gets its `sequence` increased, and every confirmed or waiting participant
// is e-mailed the new calendar. The slug follows the title while the cycle is a draft.
Result<CycleSaved> update_cycle(store::Database& db, long long actor_id, const std::string& slug,
                                const CycleInput& input, const MailContext& mail);

// A draft copy (same texts, facilitator, capacity, mode, window and sessions) with a new slug.
Result<CycleSaved> duplicate_cycle(store::Database& db, long long actor_id, const std::string& slug);

// draft -> published (needs at least one session); published -> closed.
Status publish_cycle(store::Database& db, long long actor_id, const std::string& slug);
Status close_cycle(store::Database& db, long long actor_id, const std::string& slug);

// The cycle as the edit form shows it.
struct CycleEditing {
    store::CycleRow cycle;
    std::string region_code;
    CycleInput input;
    std::vector<std::string> warnings;
    std::string facilitator_name;
    int confirmed = 0, waiting = 0, applied = 0;
};
Result<std::optional<CycleEditing>> cycle_for_edit(store::Database& db, const std::string& slug);

struct FacilitatorOption {
    long long id = 0;
    std::string full_name;
    std::string account_email;  // empty when no account is linked
};
Result<std::vector<FacilitatorOption>> facilitator_options(store::Database& db);

struct RegionOption {
    std::string code, name;
};
Result<std::vector<RegionOption>> region_options(store::Database& db);

struct AdminCycleItem {
    long long id = 0;
    std::string slug, title, theme, facilitator_name;
    CycleStatus status = CycleStatus::draft;
    registration::Mode mode = registration::Mode::first_come;
    int capacity = 0, confirmed = 0, waiting = 0, applied = 0;
    std::int64_t first_session_at = 0;  // 0 when no session yet
    int session_count = 0;
};
// Every cycle: drafts, then published, then closed; soonest first within each.
Result<std::vector<AdminCycleItem>> admin_cycles(store::Database& db);

// "Forêts : comment coopérer ?" -> "forets-comment-cooperer" (lower-case ASCII, hyphens).
std::string slugify(const std::string& title);


}  // namespace ateliers::services
