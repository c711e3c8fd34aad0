// What participants write during and after a session: ideas posted to their
// group's client, and the client's action leads (declared in live_sessions.hpp).
#include <algorithm>

#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "features/running/services/live_sessions.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {

using store::as_int;
using store::as_text;

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
    const long long cycle_id = session->cycle_id, user_id = user.id;
    sql << "SELECT id FROM registrations WHERE cycle_id = :c AND user_id = :u AND status = 'confirmed'",
        soci::use(cycle_id), soci::use(user_id), soci::into(m.registration_id);
    if (!sql.got_data() || m.registration_id == 0)
        return fail("Seuls les participants confirmés de ce cycle peuvent écrire ici.", {}, FailureKind::forbidden);
    soci::row r;
    sql << "SELECT group_number, is_client FROM session_groups WHERE session_id = :s AND registration_id = :r",
        soci::use(session_id), soci::use(m.registration_id), soci::into(r);
    if (sql.got_data()) {
        m.group_number = static_cast<int>(as_int(r, 0));
        m.is_client = as_int(r, 1) != 0;
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

ActionLead lead_from_row(const soci::row& r) {
    ActionLead l;
    l.id = as_int(r, 0);
    l.registration_id = as_int(r, 1);
    l.session_id = as_int(r, 2);
    l.session_number = static_cast<int>(as_int(r, 3));
    l.session_starts_at = as_int(r, 4);
    l.cycle_slug = as_text(r, 5);
    l.cycle_title = as_text(r, 6);
    l.body = as_text(r, 7);
    l.status = as_text(r, 8);
    l.progress_note = as_text(r, 9);
    l.updated_at = as_int(r, 10);
    return l;
}

const char* lead_columns =
    "SELECT l.id, l.registration_id, l.session_id, s.number, s.starts_at, c.slug, c.title, l.body, l.status, "
    "l.progress_note, l.updated_at FROM action_leads l JOIN registrations r ON r.id = l.registration_id "
    "JOIN cycle_sessions s ON s.id = l.session_id JOIN cycles c ON c.id = s.cycle_id ";

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
        if (!stored || !plan::accepts_posts(phases, stored->state))
            return fail("Les idées se partagent pendant la phase de consultation.", {}, FailureKind::conflict);
        const int group = *m->group_number;
        const long long now = now_ms / 1000;
        long long id = 0;
        sql << "INSERT INTO group_posts (session_id, group_number, author_registration_id, body, created_at) "
               "VALUES (:s, :g, :r, :b, :t) RETURNING id",
            soci::use(session_id), soci::use(group), soci::use(m->registration_id), soci::use(text.value()),
            soci::use(now), soci::into(id);
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
        if (!stored || !plan::accepts_leads(phases, stored->state))
            return fail("Les pistes d’action se notent à partir de la synthèse.", {}, FailureKind::conflict);
        long long already = 0;
        sql << "SELECT COUNT(*) FROM action_leads WHERE session_id = :s AND registration_id = :r",
            soci::use(session_id), soci::use(m->registration_id), soci::into(already);
        if (already >= max_leads_per_session)
            return fail("Vous avez déjà noté " + std::to_string(max_leads_per_session) +
                            " pistes d’action pour cette séance.",
                        "lead", FailureKind::invalid);
        const long long now = now_ms / 1000;
        long long id = 0;
        sql << "INSERT INTO action_leads (registration_id, session_id, body, status, progress_note, created_at, "
               "updated_at) VALUES (:r, :s, :b, 'open', '', :t1, :t2) RETURNING id",
            soci::use(m->registration_id), soci::use(session_id), soci::use(text.value()), soci::use(now),
            soci::use(now), soci::into(id);
        bump_live_version(sql, session_id, now_ms);
        return id;
    });
}

Result<std::vector<ActionLead>> my_action_leads(store::Database& db, long long user_id) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<ActionLead> out;
            soci::rowset<soci::row> rows =
                (sql.prepare << std::string(lead_columns) + "WHERE r.user_id = :u ORDER BY s.starts_at DESC, l.id",
                 soci::use(user_id));
            for (const auto& r : rows) out.push_back(lead_from_row(r));
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
            soci::rowset<soci::row> rows =
                (sql.prepare << std::string(lead_columns) +
                                    "JOIN cycle_sessions cur ON cur.id = :s AND cur.cycle_id = s.cycle_id "
                                    "WHERE r.user_id = :u AND s.starts_at < cur.starts_at ORDER BY s.starts_at, l.id",
                 soci::use(session_id), soci::use(user_id));
            for (const auto& r : rows) out.push_back(lead_from_row(r));
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
        long long owner = 0;
        sql << "SELECT r.user_id FROM action_leads l JOIN registrations r ON r.id = l.registration_id WHERE l.id = :l",
            soci::use(lead_id), soci::into(owner);
        if (!sql.got_data() || owner != user.id) return fail("Cette piste d’action n’existe pas.", {}, FailureKind::not_found);
        const long long now = store::now_utc_seconds();
        sql << "UPDATE action_leads SET status = :st, progress_note = :n, updated_at = :t WHERE id = :l",
            soci::use(status), soci::use(note), soci::use(now), soci::use(lead_id);
        return Done{};
    });
}

Result<std::vector<TodaySession>> my_sessions_today(store::Database& db, long long user_id, long long now_seconds) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<TodaySession> out;
            // A day either side covers every Paris date; the exact test is below.
            const long long from = now_seconds - 36 * 3600, to = now_seconds + 36 * 3600;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT s.id, s.number, c.title, s.starts_at, s.ends_at FROM registrations r "
                                "JOIN cycles c ON c.id = r.cycle_id JOIN cycle_sessions s ON s.cycle_id = c.id "
                                "WHERE r.user_id = :u AND r.status = 'confirmed' AND s.starts_at BETWEEN :a AND :b "
                                "ORDER BY s.starts_at",
                 soci::use(user_id), soci::use(from), soci::use(to));
            const auto today = paris_time::iso_date(now_seconds);
            for (const auto& r : rows) {
                TodaySession t{as_int(r, 0), static_cast<int>(as_int(r, 1)), as_text(r, 2), as_int(r, 3), as_int(r, 4)};
                t.state = plan::session_state(t.starts_at, t.ends_at, live_stage(sql, t.session_id), now_seconds);
                if (t.state == plan::SessionState::under_way || paris_time::iso_date(t.starts_at) == today)
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
