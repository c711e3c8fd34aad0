#pragma once
// The short questionnaire after an event, as pure functions: who is asked, until when,
// what a valid answer is, and the organisers' summary. Four fixed questions: an overall
// rating (the 1–5 scale and labels of the cycles' questionnaire, feedback::parse_scale),
// the most useful workshop, what the person will do next, a free comment.
//
// Who is asked: the confirmed registrants who came — checked in at the welcome desk, or
// registered to follow online (the desk never sees them). Indico's evaluation asks every
// registrant; asking people who did not come about workshops they did not attend only
// blurs the answers. When the organisers did not use the welcome desk at all, nobody is
// known to have come and every confirmed registrant is asked.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::events {

inline constexpr int questions_version = 1;
// Answers are taken (and edited) for 30 days after the event ends; the invitation goes
// out only within that time, so a first deployment does not write about old events.
inline constexpr std::int64_t questionnaire_open_seconds = 30 * 86400;
std::int64_t questionnaire_closes_at(std::int64_t event_ends_at);

struct Attendee {
    bool confirmed = false;
    bool checked_in = false;
    bool online = false;
};
// `desk_used`: at least one person of the event was checked in.
bool asked_to_answer(const Attendee& a, bool desk_used);

enum class QuestionnaireAccess { open, not_asked, not_ended, closed };
QuestionnaireAccess questionnaire_access(const Attendee& a, bool desk_used, std::int64_t event_ends_at, std::int64_t now);
// The French sentence shown when the access is not open.
std::string access_message(QuestionnaireAccess access, std::int64_t event_ends_at);

// What the person will do next (stored codes, French labels), in the form's order.
const std::vector<std::string>& next_step_codes();  // contact, action, share, undecided
const char* next_step_label(const std::string& code);

struct QuestionnaireInput {
    std::string rating;       // "1".."5"
    std::string useful_item;  // a workshop id of the event, or "" / "0": none
    std::string next_step;
    std::string comment;
};
struct QuestionnaireAnswers {
    int rating = 0;
    long long useful_item_id = 0;  // 0: none
    std::string next_step;
    std::string comment;  // trimmed
};
// Field name -> French message; empty when acceptable. `workshops`: the event's workshop ids.
std::map<std::string, std::string> validate(const QuestionnaireInput& in, const std::vector<long long>& workshops);
QuestionnaireAnswers answers_of(const QuestionnaireInput& in);  // of a valid input

struct QuestionnaireSummary {
    int asked = 0;
    int answers = 0;
    std::optional<int> response_percent;  // rounded half up; none when nobody was asked
    std::optional<double> average_rating;  // none without answers
    std::array<int, 5> ratings{};          // [0]: how many rated 1 … [4]: 5
    std::map<long long, int> useful;       // workshop id -> mentions
    std::map<std::string, int> next_steps;  // code -> count
    std::vector<std::string> comments;     // non-empty ones, in the order given
};
QuestionnaireSummary summarise(const std::vector<QuestionnaireAnswers>& answers, int asked);
// "4,3 / 5", or "–" without answers.
std::string rating_text(const std::optional<double>& average);

}  // namespace ateliers::events
