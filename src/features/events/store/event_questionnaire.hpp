#pragma once
// Answers to the questionnaire after an event, one row per registration.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace ateliers::store {

struct QuestionnaireAnswerRow {
    long long registration_id = 0;
    int questions_version = 1;
    int rating = 0;
    long long useful_item_id = 0;  // 0: none (or the workshop was deleted since)
    std::string next_step;
    std::string comment;
    long long answered_at = 0;
    long long updated_at = 0;
};

// Inserts the answers, or replaces them keeping the first answer's time; true when new.
bool save_questionnaire_answers(soci::session& sql, const QuestionnaireAnswerRow& a, long long now);
std::optional<QuestionnaireAnswerRow> find_questionnaire_answers(soci::session& sql, long long registration_id);
// Every answer given for the event, by first answer.
std::vector<QuestionnaireAnswerRow> event_questionnaire_answers(soci::session& sql, long long event_id);

}  // namespace ateliers::store
