#pragma once
// Rules of the post-cycle questionnaire, of testimonials and of theme suggestions,
// as pure functions: what may be answered, what may be published, how ideas rank.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ateliers::feedback {

inline constexpr std::size_t max_comment_chars = 2000;
inline constexpr std::size_t max_testimonial_chars = 600;
inline constexpr std::size_t max_theme_title_chars = 120;
inline constexpr std::size_t max_theme_description_chars = 1000;

// Only cycles that ended within this window send the questionnaire e-mail, so that
// a first deployment does not write to everyone of every past cycle.
inline constexpr std::int64_t invitation_window_seconds = 30 * 86400;

// The form as typed (radio values are "1".."5", "oui"/"non").
struct QuestionnaireInput {
    std::string satisfaction;
    std::string usefulness;
    std::string would_recommend;
    std::string comment;
    std::string testimonial;
    bool consent = false;
};

struct Answers {
    int satisfaction = 0;  // 1..5
    int usefulness = 0;    // 1..5
    bool would_recommend = false;
    std::string comment;      // trimmed, may be empty
    std::string testimonial;  // trimmed, empty: none
    bool consent = false;     // to publish the testimonial with name, function and commune
};

// Field name -> French message; empty when acceptable.
std::map<std::string, std::string> validate(const QuestionnaireInput& in);
// The answers of a valid input (call validate first).
Answers answers_of(const QuestionnaireInput& in);

std::optional<int> parse_scale(const std::string& s);  // "1".."5"
const char* satisfaction_label(int level);              // 1 "Très insatisfait·e" … 5 "Très satisfait·e"
const char* usefulness_label(int level);                // 1 "Pas du tout utile" … 5 "Très utile"

// The questionnaire is for confirmed participants, once the cycle's last session has
// ended (a cycle without sessions never ends).
enum class Eligibility { open, not_confirmed, not_ended };
Eligibility eligibility(bool confirmed, std::int64_t last_session_ends_at, std::int64_t now);

// A testimonial goes on the site only with its author's consent, or when the agency
// added it itself (seed content, consent collected outside the site).
bool can_publish(bool has_consent, bool editorial);

// How a testimonial signs: "Pélussin (42)" for a commune or an intercommunalité.
std::string place_text(const std::string& collectivite_name, const std::string& departement_code);

// What a participant's testimonial becomes once saved.
enum class TestimonialState { none, private_only, pending_review, published };
// Re-saving unpublishes when the quote or the signature changed or consent is gone:
// the organisers review what will actually be shown.
TestimonialState state_after_save(const std::string& quote, bool consent, bool was_published, bool same_as_before);

// Theme suggestions.
struct ThemeInput {
    std::string title;
    std::string description;
};
std::map<std::string, std::string> validate(const ThemeInput& in);
// Titles equal after this are duplicates ("Forêts" and "forets !").
std::string title_key(const std::string& title);

enum class ThemeStatus { open, planned, closed };
const char* theme_status_code(ThemeStatus s);
bool parse_theme_status(const std::string& s, ThemeStatus& out);
const char* theme_status_label(ThemeStatus s);

struct RankedIdea {
    long long id = 0;
    int supports = 0;
    std::int64_t created_at = 0;
};
// Most supported first; among equals the oldest first (it has waited longest), then by id.
bool ranks_before(const RankedIdea& a, const RankedIdea& b);

}  // namespace ateliers::feedback
