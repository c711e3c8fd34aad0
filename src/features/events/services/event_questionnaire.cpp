#include "features/events/services/event_questionnaire.hpp"

#include <map>
#include <set>

#include "features/events/store/event_checkins.hpp"
#include "features/events/store/event_registrations.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

Failure no_registration() {
    return fail("Vous n’avez pas d’inscription à cet événement.", {}, FailureKind::not_found);
}

// The event's workshops in programme order (slots by start, then the items' order), the
// person's own first.
std::vector<QuestionnaireWorkshop> workshops_of(soci::session& sql, long long event_id, const std::set<long long>& chosen) {
    std::map<long long, std::string> slot_titles;
    for (const auto& s : store::event_slots(sql, event_id)) slot_titles[s.id] = s.title;
    std::vector<QuestionnaireWorkshop> mine, others;
    for (const auto& i : store::event_items(sql, event_id)) {
        if (!i.slot_id) continue;
        QuestionnaireWorkshop w{i.id, i.title + " (" + slot_titles[i.slot_id] + ")", chosen.count(i.id) > 0};
        (w.chosen ? mine : others).push_back(std::move(w));
    }
    mine.insert(mine.end(), others.begin(), others.end());
    return mine;
}

Result<EventQuestionnaire> load(soci::session& sql, store::Dialect dialect, long long user_id, const std::string& slug,
                                std::int64_t now) {
    const auto event = store::find_event(sql, dialect, slug, false);
    if (!event || !event->published) return fail("Événement introuvable.", {}, FailureKind::not_found);
    const auto registration = store::active_event_registration(sql, event->id, user_id);
    if (!registration) return no_registration();
    EventQuestionnaire q;
    q.event = *event;
    q.registration_id = registration->id;
    const bool desk_used = !store::event_checkin_times(sql, event->id).empty();
    const events::Attendee attendee{registration->status == "confirmed",
                                    store::event_checkin_time(sql, registration->id).has_value(),
                                    registration->attendance == "online"};
    q.access = events::questionnaire_access(attendee, desk_used, event->ends_at, now);
    q.access_message = events::access_message(q.access, event->ends_at);
    q.closes_at = events::questionnaire_closes_at(event->ends_at);
    std::set<long long> held;
    for (const auto& c : store::registration_choices(sql, registration->id))
        if (c.status == "held") held.insert(c.item_id);
    q.workshops = workshops_of(sql, event->id, held);
    q.answers = store::find_questionnaire_answers(sql, registration->id);
    return q;
}

}  // namespace

Result<EventQuestionnaire> event_questionnaire(store::Database& db, long long user_id, const std::string& slug,
                                               std::int64_t now) {
    // A read: no writer's turn, so event pages viewed after the event never queue behind writes.
    try {
        return store::with_session(db, [&](soci::session& sql) { return load(sql, db.dialect(), user_id, slug, now); });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<bool> submit_event_questionnaire(store::Database& db, long long user_id, const std::string& slug,
                                        const events::QuestionnaireInput& input, std::int64_t now) {
    return store::in_transaction<bool>(db, [&](soci::session& sql) -> Result<bool> {
        const auto q = load(sql, db.dialect(), user_id, slug, now);
        if (!q) return q.failure();
        if (q->access != events::QuestionnaireAccess::open) return fail(q->access_message, {}, FailureKind::forbidden);
        std::vector<long long> ids;
        for (const auto& w : q->workshops) ids.push_back(w.id);
        const auto problems = events::validate(input, ids);
        if (!problems.empty()) {
            Failure f{"Le questionnaire contient des erreurs : corrigez les réponses signalées.", problems.begin()->first,
                      FailureKind::invalid};
            f.fields = problems;
            return f;
        }
        const auto a = events::answers_of(input);
        store::QuestionnaireAnswerRow row;
        row.registration_id = q->registration_id;
        row.questions_version = events::questions_version;
        row.rating = a.rating;
        row.useful_item_id = a.useful_item_id;
        row.next_step = a.next_step;
        row.comment = a.comment;
        return store::save_questionnaire_answers(sql, row, now);
    });
}

QuestionnaireReport questionnaire_report(soci::session& sql, const store::EventRow& event, int asked) {
    std::vector<events::QuestionnaireAnswers> answers;
    for (const auto& a : store::event_questionnaire_answers(sql, event.id))
        answers.push_back({a.rating, a.useful_item_id, a.next_step, a.comment});
    QuestionnaireReport r;
    r.summary = events::summarise(answers, asked);
    for (const auto& w : workshops_of(sql, event.id, {})) {
        const auto it = r.summary.useful.find(w.id);
        r.useful.push_back({w.label, it == r.summary.useful.end() ? 0 : it->second});
    }
    return r;
}

}  // namespace ateliers::services
