#pragma once
// The questionnaire after an event (events::questionnaire_rules): open to the person who
// came, from the event's end until it closes; answering again replaces the answers. The
// invitation e-mail is a job (queue_questionnaire_invitations), once per registration.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/events/domain/questionnaire_rules.hpp"
#include "features/events/store/event_questionnaire.hpp"
#include "features/events/store/events.hpp"
#include "platform/core/result.hpp"
#include "platform/mail/outbox.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

struct QuestionnaireWorkshop {
    long long id = 0;
    std::string label;  // "Coopérer (Ateliers du jeudi)"
    bool chosen = false;  // the person held a seat in it
};

struct EventQuestionnaire {
    store::EventRow event;
    long long registration_id = 0;
    events::QuestionnaireAccess access = events::QuestionnaireAccess::not_asked;
    std::string access_message;  // empty when open
    std::int64_t closes_at = 0;
    std::vector<QuestionnaireWorkshop> workshops;  // the person's first, then the others, in programme order
    std::optional<store::QuestionnaireAnswerRow> answers;
};

// Not found when the event is not published or the person has no registration to it.
Result<EventQuestionnaire> event_questionnaire(store::Database& db, long long user_id, const std::string& slug,
                                               std::int64_t now);

// True on a first answer. Invalid (one message per field) or forbidden (the access message).
Result<bool> submit_event_questionnaire(store::Database& db, long long user_id, const std::string& slug,
                                        const events::QuestionnaireInput& input, std::int64_t now);

// The organisers' summary, workshops named; `asked`: how many people the questionnaire is for.
struct QuestionnaireReport {
    events::QuestionnaireSummary summary;
    std::vector<std::pair<std::string, int>> useful;  // workshop label -> mentions, every workshop in programme order
};
QuestionnaireReport questionnaire_report(soci::session& sql, const store::EventRow& event, int asked);

}  // namespace ateliers::services

namespace ateliers::jobs {

// E-mails the questionnaire's link to each person asked (events::asked_to_answer) of every
// published event that ended and whose questionnaire is still open, once per registration
// (claimed in event_reminders in the same transaction as the outbox row). Returns how many.
Result<int> queue_questionnaire_invitations(store::Database& db, std::int64_t now, const services::MailContext& mail);

}  // namespace ateliers::jobs
