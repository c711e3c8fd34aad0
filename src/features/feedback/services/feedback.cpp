#include "features/feedback/services/feedback.hpp"

#include "platform/core/paris_time.hpp"
#include "platform/audit/audit.hpp"
#include "features/feedback/store/feedback.hpp"

namespace ateliers::services {

namespace {

struct Loaded {
    long long owner_id = 0;
    bool confirmed = false;
    Questionnaire q;
};

std::optional<Loaded> load(soci::session& sql, long long registration_id) {
    const auto row = store::find_questionnaire(sql, registration_id);
    if (!row) return std::nullopt;
    Loaded l;
    l.owner_id = row->owner_id;
    l.confirmed = row->status == "confirmed";
    l.q.registration_id = registration_id;
    l.q.cycle_id = row->cycle_id;
    l.q.cycle_slug = row->cycle_slug;
    l.q.cycle_title = row->cycle_title;
    l.q.last_session_ends_at = row->last_session_ends_at;
    l.q.signature = {row->full_name, row->function_title,
                     feedback::place_text(row->collectivite_name, row->departement_code)};
    return l;
}

Failure not_yours() {
    return fail("Ce questionnaire n’existe pas ou ne concerne pas votre compte. Retrouvez vos cycles dans votre "
                "espace.",
                {}, FailureKind::not_found);
}

// The owner's registration, or why they cannot answer.
Result<Loaded> open_for(soci::session& sql, long long user_id, long long registration_id, std::int64_t now) {
    auto loaded = load(sql, registration_id);
    if (!loaded || loaded->owner_id != user_id) return not_yours();
    switch (feedback::eligibility(loaded->confirmed, loaded->q.last_session_ends_at, now)) {
        case feedback::Eligibility::open: break;
        case feedback::Eligibility::not_confirmed:
            return fail("Le questionnaire est réservé aux personnes dont la participation au cycle « " +
                            loaded->q.cycle_title + " » a été confirmée.",
                        {}, FailureKind::forbidden);
        case feedback::Eligibility::not_ended: {
            const auto end = loaded->q.last_session_ends_at;
            return fail(end > 0 ? "Le questionnaire du cycle « " + loaded->q.cycle_title +
                                      " » s’ouvrira à la fin de sa dernière séance, le " + paris_time::long_date(end) +
                                      " à " + paris_time::time_of_day(end) + "."
                                : "Le questionnaire du cycle « " + loaded->q.cycle_title +
                                      " » s’ouvrira quand ses séances auront eu lieu.",
                        {}, FailureKind::forbidden);
        }
    }
    return std::move(*loaded);
}

}  // namespace

Result<Questionnaire> questionnaire_for(store::Database& db, long long user_id, long long registration_id,
                                        std::int64_t now) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<Questionnaire> {
            auto opened = open_for(sql, user_id, registration_id, now);
            if (!opened) return opened.failure();
            auto q = std::move(opened.value().q);
            const auto answered = store::find_feedback(sql, registration_id);
            q.testimonial = find_participant_testimonial(sql, user_id, q.cycle_id);
            if (answered || q.testimonial) {
                feedback::Answers a;
                if (answered) {
                    a.satisfaction = answered->satisfaction;
                    a.usefulness = answered->usefulness;
                    a.would_recommend = answered->would_recommend;
                    a.comment = answered->comment;
                }
                if (q.testimonial) {
                    a.testimonial = q.testimonial->quote;
                    a.consent = q.testimonial->consent;
                }
                q.answers = a;
            }
            return q;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<QuestionnaireOutcome> submit_questionnaire(store::Database& db, long long user_id, long long registration_id,
                                                  const feedback::QuestionnaireInput& input, std::int64_t now_utc) {
    return store::in_transaction<QuestionnaireOutcome>(db, [&](soci::session& sql) -> Result<QuestionnaireOutcome> {
        auto opened = open_for(sql, user_id, registration_id, now_utc);
        if (!opened) return opened.failure();
        const auto& q = opened.value().q;
        if (auto errors = feedback::validate(input); !errors.empty()) {
            auto f = fail("Votre avis n’a pas été enregistré : corrigez les champs signalés.", {}, FailureKind::invalid);
            f.fields = std::move(errors);
            return f;
        }
        const auto a = feedback::answers_of(input);
        QuestionnaireOutcome out;
        out.first_answer = store::feedback_count(sql, registration_id) == 0;
        store::save_feedback(sql, registration_id, a.satisfaction, a.usefulness, a.would_recommend, a.comment,
                             now_utc);
        out.testimonial =
            save_participant_testimonial(sql, user_id, q.cycle_id, q.signature, a.testimonial, a.consent, now_utc);
        return out;
    });
}

Status withdraw_consent(store::Database& db, long long user_id, long long registration_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto loaded = load(sql, registration_id);
        if (!loaded || loaded->owner_id != user_id) return not_yours();
        if (withdraw_testimonial_consent(sql, user_id, loaded->q.cycle_id))
            // The organisers see in the journal why a testimonial left the site.
            record_audit(sql, user_id, "testimonial.consent_withdrawn", "registration:" + std::to_string(registration_id),
                         loaded->q.signature.author + " – cycle " + loaded->q.cycle_slug);
        return Done{};
    });
}

Result<std::set<long long>> answered_registrations(store::Database& db, long long user_id) {
    try {
        return store::with_session(db,
                                   [&](soci::session& sql) { return store::answered_registrations(sql, user_id); });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
