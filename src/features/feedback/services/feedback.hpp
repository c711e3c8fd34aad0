#pragma once
// The questionnaire after a cycle: open to the registration's owner, once confirmed
// and once the last session has ended; answering again updates the answers. The
// optional testimonial is kept in services/testimonials.
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "features/feedback/domain/feedback_rules.hpp"
#include "features/feedback/services/testimonials.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct Questionnaire {
    long long registration_id = 0;
    long long cycle_id = 0;
    std::string cycle_slug;
    std::string cycle_title;
    std::int64_t last_session_ends_at = 0;
    TestimonialSignature signature;               // what a published testimonial would show
    std::optional<feedback::Answers> answers;     // earlier answers, if any
    std::optional<ParticipantTestimonial> testimonial;
};

// 404 when the registration is not the user's; 403 with a French explanation when the
// questionnaire is not open for it (not confirmed, cycle not over).
Result<Questionnaire> questionnaire_for(store::Database& db, long long user_id, long long registration_id,
                                        std::int64_t now);

struct QuestionnaireOutcome {
    bool first_answer = false;
    feedback::TestimonialState testimonial = feedback::TestimonialState::none;
};

// 422 with one message per field when the answers are not valid.
Result<QuestionnaireOutcome> submit_questionnaire(store::Database& db, long long user_id, long long registration_id,
                                                  const feedback::QuestionnaireInput& input, std::int64_t now);

// RGPD: the testimonial stops being public at once. Only the owner; allowed at any time.
Status withdraw_consent(store::Database& db, long long user_id, long long registration_id);

// Registrations of the user whose questionnaire has been answered.
Result<std::set<long long>> answered_registrations(store::Database& db, long long user_id);

}  // namespace ateliers::services
