#pragma once
// The plan of a co-development session (timed phases) and where a running session
// stands: pure rules, no clock and no I/O, so the runner, the participant pages
// and the tests agree on every second.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/result.hpp"

namespace ateliers::session_plan {

struct Phase {
    std::string key;    // stable name the rules look for ("consultation", "synthese"); "etape-N" for added ones
    std::string title;  // shown to everyone
    int minutes = 0;
    bool in_groups = false;  // breakout groups (true) or everyone together
    // What participants are asked to do, shown on their live page under the title
    // ("Le client expose sa situation en 10 minutes…"); may be empty.
    std::string instructions = {};
};

inline constexpr int min_minutes = 1;
inline constexpr int max_minutes = 240;
inline constexpr std::size_t max_phases = 20;
inline constexpr std::size_t max_title_chars = 120;
inline constexpr std::size_t max_instructions_chars = 600;

// Keys the co-development rules depend on.
inline constexpr std::string_view consultation_key = "consultation";
inline constexpr std::string_view synthesis_key = "synthese";

// French messages; Failure::fields maps "phase_title_<i>" / "phase_minutes_<i>" /
// "phase_instructions_<i>" (i from 0) to messages.
Status validate(const std::vector<Phase>& phases);

int total_minutes(const std::vector<Phase>& phases);

// Empty when the plan fills the session exactly; otherwise a French warning (a plan
// that does not fit is allowed: the facilitator knows their session).
std::string duration_warning(const std::vector<Phase>& phases, long long session_minutes);

// Gives every phase without a key a unique "etape-N".
void assign_missing_keys(std::vector<Phase>& phases);

// [{"key","title","minutes","in_groups","instructions"}, …]; "instructions" may be missing.
Result<std::vector<Phase>> phases_from_json(std::string_view json_text);
std::string phases_to_json(const std::vector<Phase>& phases);

// Where a session stands. phase_index -1: not started; >= number of phases: ended.
struct LiveState {
    int phase_index = -1;
    std::int64_t phase_started_at_ms = 0;
    std::optional<std::int64_t> paused_at_ms;  // set while paused
    std::int64_t paused_total_ms = 0;          // pauses already over, in the current phase
};

enum class Stage { not_started, running, paused, ended };

Stage stage_of(const LiveState& state, std::size_t phase_count);
const char* stage_name(Stage stage);  // "not_started", "running", "paused", "ended"

struct Timing {
    Stage stage = Stage::not_started;
    std::optional<std::size_t> phase_index;  // the current phase, when running or paused
    std::int64_t elapsed_ms = 0;             // in the current phase, pauses excluded
    std::int64_t remaining_ms = 0;           // negative: overtime
};

Timing timing(const std::vector<Phase>& phases, const LiveState& state, std::int64_t now_ms);

enum class Transition { start, pause, resume, next, previous, end };

// "start", "pause", "resume", "next", "previous", "end".
std::optional<Transition> parse_transition(std::string_view name);

// The new state, or why the facilitator cannot do that now (French).
Result<LiveState> apply(Transition transition, const std::vector<Phase>& phases, const LiveState& state,
                        std::int64_t now_ms);

// Ideas are posted to the client during the consultation, paused or not.
bool accepts_posts(const std::vector<Phase>& phases, const LiveState& state);

// The client records action leads from the synthesis on (or from the start, for a
// plan without a synthesis phase), and after the end.
bool accepts_leads(const std::vector<Phase>& phases, const LiveState& state);

}  // namespace ateliers::session_plan
