#include "features/feedback/services/feedback.hpp"

#include "platform/core/paris_time.hpp"
#include "platform/audit/audit.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

using store::as_int;
using store::as_text;

namespace {

struct Loaded {
    long long owner_id = 0;
    bool confirmed = false;
    Questionnaire q;
};

std::optional<Loaded> load(soci::session& sql, long long registration_id) {
    soci::row r;
    sql << "SELECT r.user_id, r.status, r.cycle_id, c.slug, c.title, "
           "COALESCE((SELECT MAX(s.ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0), "
           "u.full_name, r.function_title, k.name, k.departement_code FROM registrations r "
           "JOIN cycles c ON c.id = r.cycle_id JOIN users u ON u.id = r.user_id "
           "JOIN collectivites k ON k.id = r.collectivite_id WHERE r.id = :id",
        soci::use(registration_id), soci::into(r);
    if (!sql.got_data()) return std::nullopt;
    Loaded l;
    l.owner_id = as_int(r, 0);
    l.confirmed = as_text(r, 1) == "confirmed";
    l.q.registration_id = registration_id;
    l.q.cycle_id = as_int(r, 2);
    l.q.cycle_slug = as_text(r, 3);
    l.q.cycle_title = as_text(r, 4);
    l.q.last_session_ends_at = as_int(r, 5);
    l.q.signature = {as_text(r, 6), as_text(r, 7), feedback::place_text(as_text(r, 8), as_text(r, 9))};
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
            soci::row r;
            sql << "SELECT satisfaction, usefulness, would_recommend, comment FROM feedback WHERE registration_id = :id",
                soci::use(registration_id), soci::into(r);
            const bool answered = sql.got_data();
            q.testimonial = find_participant_testimonial(sql, user_id, q.cycle_id);
            if (answered || q.testimonial) {
                feedback::Answers a;
                if (answered) {
                    a.satisfaction = static_cast<int>(as_int(r, 0));
                    a.usefulness = static_cast<int>(as_int(r, 1));
                    a.would_recommend = as_int(r, 2) == 1;
                    a.comment = as_text(r, 3);
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
        long long existing = 0;
        sql << "SELECT COUNT(*) FROM feedback WHERE registration_id = :id", soci::use(registration_id),
            soci::into(existing);
        out.first_answer = existing == 0;
        const long long now = now_utc;
        const int recommend = a.would_recommend ? 1 : 0;
        sql << "INSERT INTO feedback (registration_id, satisfaction, usefulness, would_recommend, comment, "
               "submitted_at) VALUES (:id, :s, :u, :w, :c, :t) ON CONFLICT (registration_id) DO UPDATE SET "
               "satisfaction = excluded.satisfaction, usefulness = excluded.usefulness, "
               "would_recommend = excluded.would_recommend, comment = excluded.comment, "
               "submitted_at = excluded.submitted_at",
            soci::use(registration_id), soci::use(a.satisfaction), soci::use(a.usefulness), soci::use(recommend),
            soci::use(a.comment), soci::use(now);
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
        return store::with_session(db, [&](soci::session& sql) {
            std::set<long long> out;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT f.registration_id FROM feedback f JOIN registrations r ON r.id = "
                                "f.registration_id WHERE r.user_id = :u",
                 soci::use(user_id));
            for (const auto& r : rows) out.insert(as_int(r, 0));
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
