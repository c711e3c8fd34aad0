// What participants write during and after a session: ideas posted to their
// group's client, and the client's action leads (declared in live_sessions.hpp).
#include <algorithm>

#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "features/running/services/live_sessions.hpp"
#include "features/running/store/contributions.hpp"
#include "features/running/store/live_states.hpp"

namespace ateliers::services {

namespace {

struct Membership {
    SessionRef session;
    long long registration_id = 0;
    std::optional<int> group_number;
    bool is_client = false;
};

// The person's confirmed registration in the session's cycle and their group, if any.
Result<Membership> membership(soci::session& sql, const CurrentUser& user, long long session_id) {
    Membership m;
    auto session = find_session_by_id(sql, session_id);
    if (!session) return fail("Cette séance n’existe pas.", {}, FailureKind::not_found);
    m.session = *session;
    const auto registration_id = store::confirmed_registration_id(sql, session->cycle_id, user.id);
    if (!registration_id || *registration_id == 0)
        return fail("Seuls les participants confirmés de ce cycle peuvent écrire ici.", {}, FailureKind::forbidden);
    m.registration_id = *registration_id;
    if (const auto seat = store::group_seat(sql, session_id, m.registration_id)) {
        m.group_number = seat->group_number;
        m.is_client = seat->is_client;
    }
    return m;
}

Result<std::string> checked_text(const std::string& raw, std::size_t max_chars, const std::string& empty_message,
                                 const std::string& field) {
    auto body = text::trim(raw);
    if (body.empty()) return fail(empty_message, field, FailureKind::invalid);
    if (!text::is_valid_utf8(body)) return fail("Le texte envoyé est illisible.", field, FailureKind::invalid);
    if (text::length_in_chars(body) > max_chars)
        return fail("Ce texte dépasse " + std::to_string(max_chars) + " caractères ; raccourcissez-le.", field, FailureKind::invalid);
    return body;
}

ActionLead lead_from(const store::ActionLeadDetailRow& r) {
    ActionLead l;
    l.id = r.id;
    l.registration_id = r.registration_id;
    l.session_id = r.session_id;
    l.session_number = r.session_number;
    l.session_starts_at = r.session_starts_at;
    l.cycle_slug = r.cycle_slug;
    l.cycle_title = r.cycle_title;
    l.body = r.body;
    l.status = r.status;
    l.progress_note = r.progress_note;
    l.updated_at = r.updated_at;
    return l;
}

}  // namespace

Result<long long> post_idea(store::Database& db, const CurrentUser& user, long long session_id,
                            const std::string& body, long long now_ms) {
    auto text = checked_text(body, max_post_chars, "Écrivez votre idée avant de l’envoyer.", "body");
    if (!text) return text.failure();
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        auto m = membership(sql, user, session_id);
        if (!m) return m.failure();
        if (!m->group_number) return fail("Vous ne faites partie d’aucun groupe de cette séance.", {}, FailureKind::forbidden);
        if (m->is_client)
            return fail("Vous êtes le client de votre groupe : les idées des autres membres vous sont destinées.",
                        {}, FailureKind::forbidden);
        const auto stored = read_live_state(sql, db.dialect(), session_id, true);
        const auto phases = effective_phases(sql, session_id);
        if (!stored || !session_plan::accepts_posts(phases, stored->state))
            return fail("Les idées se partagent pendant la phase de consultation.", {}, FailureKind::conflict);
        const int group = *m->group_number;
        const long long now = now_ms / 1000;
        const long long id = store::insert_group_post(sql, session_id, group, m->registration_id, text.value(), now);
        bump_live_version(sql, session_id, now_ms);
        return id;
    });
}

Result<long long> record_action_lead(store::Database& db, const CurrentUser& user, long long session_id,
                                     const std::string& body, long long now_ms) {
    auto text = checked_text(body, max_lead_chars, "Écrivez votre piste d’action avant de l’enregistrer.", "lead");
    if (!text) return text.failure();
    return store::in_transaction<long long>(db, [&](soci::session& sql) -> Result<long long> {
        auto m = membership(sql, user, session_id);
        if (!m) return m.failure();
        if (!m->is_client)
            return fail("Seul le client d’un groupe note ses pistes d’action pendant la séance.", {}, FailureKind::forbidden);
        const auto stored = read_live_state(sql, db.dialect(), session_id, true);
        const auto phases = effective_phases(sql, session_id);
        if (!stored || !session_plan::accepts_leads(phases, stored->state))
            return fail("Les pistes d’action se notent à partir de la synthèse.", {}, FailureKind::conflict);
        const long long already = store::action_lead_count(sql, session_id, m->registration_id);
        if (already >= max_leads_per_session)
            return fail("Vous avez déjà noté " + std::to_string(max_leads_per_session) +
                            " pistes d’action pour cette séance.",
                        "lead", FailureKind::invalid);
        const long long now = now_ms / 1000;
        const long long id = store::insert_action_lead(sql, m->registration_id, session_id, text.value(), now);
        bump_live_version(sql, session_id, now_ms);
        return id;
    });
}

Result<std::vector<ActionLead>> my_action_leads(store::Database& db, long long user_id) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<ActionLead> out;
            for (const auto& r : store::user_action_leads(sql, user_id)) out.push_back(lead_from(r));
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<ActionLead>> earlier_action_leads(store::Database& db, long long user_id, long long session_id) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<ActionLead> out;
            for (const auto& r : store::earlier_user_action_leads(sql, user_id, session_id))
                out.push_back(lead_from(r));
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Status update_action_lead(store::Database& db, const CurrentUser& user, long long lead_id, const std::string& status,
                          const std::string& progress_note) {
    if (std::find(lead_statuses.begin(), lead_statuses.end(), status) == lead_statuses.end())
        return fail("Choisissez où en est cette piste : ouverte, en cours, réalisée ou abandonnée.", "status", FailureKind::invalid);
    const auto note = text::trim(progress_note);
    if (!text::is_valid_utf8(note)) return fail("Le texte envoyé est illisible.", "progress_note", FailureKind::invalid);
    if (text::length_in_chars(note) > max_note_chars)
        return fail("La note dépasse " + std::to_string(max_note_chars) + " caractères ; raccourcissez-la.",
                    "progress_note", FailureKind::invalid);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto owner = store::action_lead_owner(sql, lead_id);
        if (!owner || *owner != user.id) return fail("Cette piste d’action n’existe pas.", {}, FailureKind::not_found);
        const long long now = store::now_utc_seconds();
        store::update_action_lead(sql, lead_id, status, note, now);
        return Done{};
    });
}

Result<std::vector<TodaySession>> my_sessions_today(store::Database& db, long long user_id, long long now_seconds) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<TodaySession> out;
            // A day either side covers every Paris date; the exact test is below.
            const long long from = now_seconds - 36 * 3600, to = now_seconds + 36 * 3600;
            const auto rows = store::user_sessions_between(sql, user_id, from, to);
            const auto today = paris_time::iso_date(now_seconds);
            for (const auto& r : rows) {
                TodaySession t{r.session_id, r.number, r.cycle_title, r.starts_at, r.ends_at};
                t.state = session_plan::session_state(t.starts_at, t.ends_at, live_stage(sql, t.session_id), now_seconds);
                if (t.state == session_plan::SessionState::under_way || paris_time::iso_date(t.starts_at) == today)
                    out.push_back(std::move(t));
            }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

std::string lead_status_label(const std::string& status) {
    if (status == "in_progress") return "En cours";
    if (status == "done") return "Réalisée";
    if (status == "dropped") return "Abandonnée";
    return "Ouverte";
}

}  // namespace ateliers::services
