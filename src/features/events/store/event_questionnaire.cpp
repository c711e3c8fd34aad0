#include "features/events/store/event_questionnaire.hpp"

#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::store {

namespace {

const char* answer_columns =
    "SELECT a.registration_id AS registration_id, a.questions_version AS questions_version, a.rating AS rating, "
    "COALESCE(a.useful_item_id, 0) AS useful_item_id, a.next_step AS next_step, a.comment AS comment, "
    "a.answered_at AS answered_at, a.updated_at AS updated_at FROM event_questionnaire_answers a ";

QuestionnaireAnswerRow answer_from(const soci::row& r) {
    QuestionnaireAnswerRow a;
    a.registration_id = as_int(r, "registration_id");
    a.questions_version = static_cast<int>(as_int(r, "questions_version"));
    a.rating = static_cast<int>(as_int(r, "rating"));
    a.useful_item_id = as_int(r, "useful_item_id");
    a.next_step = as_text(r, "next_step");
    a.comment = as_text(r, "comment");
    a.answered_at = as_int(r, "answered_at");
    a.updated_at = as_int(r, "updated_at");
    return a;
}

}  // namespace

bool save_questionnaire_answers(soci::session& sql, const QuestionnaireAnswerRow& a, long long now) {
    const long long item = a.useful_item_id;
    soci::indicator item_ind = item ? soci::i_ok : soci::i_null;
    const bool first = !find_questionnaire_answers(sql, a.registration_id);
    if (first) {
        execute(sql,
                "INSERT INTO event_questionnaire_answers (registration_id, questions_version, rating, useful_item_id, "
                "next_step, comment, answered_at, updated_at) VALUES (:r, :v, :rating, :item, :next, :comment, :t1, :t2)",
                soci::use(a.registration_id), soci::use(a.questions_version), soci::use(a.rating), soci::use(item, item_ind),
                soci::use(a.next_step), soci::use(a.comment), soci::use(now), soci::use(now));
    } else {
        execute(sql,
                "UPDATE event_questionnaire_answers SET questions_version = :v, rating = :rating, useful_item_id = :item, "
                "next_step = :next, comment = :comment, updated_at = :t WHERE registration_id = :r",
                soci::use(a.questions_version), soci::use(a.rating), soci::use(item, item_ind), soci::use(a.next_step),
                soci::use(a.comment), soci::use(now), soci::use(a.registration_id));
    }
    return first;
}

std::optional<QuestionnaireAnswerRow> find_questionnaire_answers(soci::session& sql, long long registration_id) {
    soci::row r;
    if (!execute(sql, std::string(answer_columns) + "WHERE a.registration_id = :r", soci::use(registration_id), soci::into(r)))
        return std::nullopt;
    return answer_from(r);
}

std::vector<QuestionnaireAnswerRow> event_questionnaire_answers(soci::session& sql, long long event_id) {
    std::vector<QuestionnaireAnswerRow> out;
    for_each_row(
        sql,
        std::string(answer_columns) +
            "JOIN event_registrations r ON r.id = a.registration_id WHERE r.event_id = :e ORDER BY a.answered_at, a.registration_id",
        [&](const soci::row& r) { out.push_back(answer_from(r)); }, soci::use(event_id));
    return out;
}

}  // namespace ateliers::store
