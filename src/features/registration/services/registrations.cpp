#include "features/registration/services/registrations.hpp"

#include <chrono>

#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "features/registration/services/registration_mail.hpp"
#include "features/registration/services/seat_alerts.hpp"
#include "platform/referential/collectivites.hpp"
#include "features/cycles/store/cycles.hpp"
#include "platform/store/rows.hpp"
#include "platform/store/statements.hpp"

namespace ateliers::services {

namespace {

using registration::Mode;
using RegStatus = registration::Status;
using store::as_int;
using store::as_text;

// Sessions of the person's other active cycles that overlap this cycle's sessions.
std::vector<std::string> overlap_warnings(soci::session& sql, long long user_id, long long cycle_id) {
    std::vector<std::string> out;
    store::for_each_row(
        sql,
        "SELECT DISTINCT c.title, o.starts_at FROM registrations r "
        "JOIN cycles c ON c.id = r.cycle_id JOIN cycle_sessions o ON o.cycle_id = r.cycle_id "
        "JOIN cycle_sessions s ON s.cycle_id = :c AND s.starts_at < o.ends_at AND o.starts_at < s.ends_at "
        "WHERE r.user_id = :u AND r.cycle_id <> :c2 AND r.status IN ('applied', 'confirmed', 'waiting') "
        "ORDER BY o.starts_at",
        [&](const soci::row& r) {
            out.push_back("Attention : la séance du " + paris_time::long_date(as_int(r, 1)) + " du cycle « " +
                          as_text(r, 0) +
                          " », auquel vous êtes déjà inscrit, a lieu en même temps qu’une séance de ce cycle.");
        },
        soci::use(cycle_id, "c"), soci::use(user_id, "u"), soci::use(cycle_id, "c2"));
    return out;
}

Failure conflict(const std::string& message, const std::string& field = {}) {
    Failure f = fail(message, field, FailureKind::conflict);
    if (!field.empty()) f.fields[field] = message;
    return f;
}

}  // namespace

Result<RegistrationOutcome> register_for_cycle(store::Database& db, const CurrentUser& user,
                                               const RegistrationRequest& request, const MailContext& mail) {
    auto errors = registration::validate(request.input);
    if (text::trim(request.collectivite_id).empty())
        errors["collectivite"] = "Choisissez la collectivité au titre de laquelle vous vous inscrivez.";
    if (!errors.empty()) {
        Failure f = fail("Le formulaire contient des erreurs : corrigez les champs signalés.", {}, FailureKind::invalid);
        f.fields = std::move(errors);
        return f;
    }
    const auto collectivite_id = text::trim(request.collectivite_id);
    // Reads that need no lock are done first: the write transaction, during which
    // every other registration to the cycle waits, stays short.
    std::string first_session;
    try {
        soci::session sql(db.pool());
        if (!store::find_collectivite(sql, collectivite_id))
            return fail("La collectivité choisie est introuvable dans le référentiel.", "collectivite", FailureKind::invalid);
        if (const auto cycle = store::find_cycle(sql, db.dialect(), request.cycle_slug, false))
            first_session = first_session_text(sql, cycle->id);
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
    RegistrationOutcome outcome;
    long long cycle_id = 0;
    auto result = store::in_transaction<RegistrationOutcome>(db, [&](soci::session& sql) -> Result<RegistrationOutcome> {
        const auto cycle = store::find_cycle(sql, db.dialect(), request.cycle_slug, true);
        if (!cycle || cycle->status != "published") return fail("Ce cycle n’existe pas ou n’est plus publié.", {}, FailureKind::not_found);
        const long long now = store::now_utc_seconds();
        long long first_session_at = 0;
        soci::indicator first_ind = soci::i_null;
        store::execute(sql, "SELECT MIN(starts_at) FROM cycle_sessions WHERE cycle_id = :c", soci::use(cycle->id),
                       soci::into(first_session_at, first_ind));
        if (first_ind != soci::i_ok) first_session_at = 0;
        switch (registration::window_state(cycle->opens_at, cycle->closes_at, first_session_at, now)) {
            case registration::Window::not_yet_open:
                return conflict("Les inscriptions à ce cycle ne sont pas encore ouvertes : elles ouvriront le " +
                                paris_time::long_date(cycle->opens_at) + " à " + paris_time::time_of_day(cycle->opens_at) +
                                ".");
            case registration::Window::closed:
                return conflict("Les inscriptions à ce cycle sont closes.");
            case registration::Window::open: break;
        }
        cycle_id = cycle->id;
        long long mine = 0;
        store::execute(sql,
                       "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND user_id = :u "
                       "AND status IN ('applied', 'confirmed', 'waiting')",
                       soci::use(cycle->id, "c"), soci::use(user.id, "u"), soci::into(mine));
        if (mine > 0) return conflict("Vous êtes déjà inscrit à ce cycle : retrouvez votre inscription dans votre espace.");

        long long colleague = 0;
        store::execute(sql, "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND collectivite_slot = :k",
                       soci::use(cycle->id, "c"), soci::use(collectivite_id, "k"), soci::into(colleague));
        if (colleague > 0)
            return conflict("Une personne de votre collectivité est déjà inscrite à ce cycle : une seule inscription par "
                            "collectivité peut être retenue, pour favoriser la diversité des territoires. "
                            "Consultez les autres cycles proposés.",
                            "collectivite");

        const int confirmed = store::confirmed_count(sql, cycle->id);
        const RegStatus status = registration::initial_status(cycle->mode, cycle->capacity, confirmed);
        soci::indicator seat_ind = soci::i_null, slot_ind = soci::i_null;
        int seat = 0;
        if (status == RegStatus::confirmed) {
            const auto free = registration::free_seat(cycle->capacity, store::taken_seats(sql, cycle->id));
            if (!free) return conflict("Ce cycle vient d’être complet. Merci de réessayer : vous serez placé sur liste d’attente.");
            seat = *free;
            seat_ind = soci::i_ok;
        }
        std::string slot = collectivite_id;
        if (registration::holds_collectivite_place(cycle->mode, status)) slot_ind = soci::i_ok;
        const auto situation = text::trim(request.input.situation);
        const auto function = text::trim(request.input.function_title);
        const std::string status_text = registration::status_code(status);
        const long long arrival = store::now_utc_millis();
        // In a round "sur candidature", the order of application is the default order of choice.
        long long choice_rank = 0;
        if (cycle->mode == Mode::application) {
            const long long closes_at = cycle->closes_at;
            store::execute(sql,
                           "SELECT COUNT(*) FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE r.user_id = :u "
                           "AND r.status = 'applied' AND c.mode = 'application' AND c.registration_closes_at = :d",
                           soci::use(user.id, "u"), soci::use(closes_at, "d"), soci::into(choice_rank));
        }
        long long id = 0;
        try {
            store::execute(
                sql,
                "INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate, "
                "function_title, situation, status, seat, arrival, created_at, updated_at, choice_rank) VALUES (:c, :u, "
                ":k, :slot, :m, :f, :s, :st, :seat, :a, :t1, :t2, :rank) RETURNING id",
                soci::use(cycle->id, "c"), soci::use(user.id, "u"), soci::use(collectivite_id, "k"),
                soci::use(slot, slot_ind, "slot"), soci::use(request.input.mandate, "m"), soci::use(function, "f"),
                soci::use(situation, "s"), soci::use(status_text, "st"), soci::use(seat, seat_ind, "seat"),
                soci::use(arrival, "a"), soci::use(now, "t1"), soci::use(now, "t2"), soci::use(choice_rank, "rank"),
                soci::into(id));
        } catch (const std::exception& e) {
            if (!store::is_unique_violation(e)) throw;
            // Another request won the same collectivité place, person or seat at the same instant.
            return conflict("Une inscription de votre collectivité ou de vous-même vient d’être enregistrée pour ce cycle. "
                            "Consultez votre espace.");
        }
        outcome.registration_id = id;
        outcome.status = status;
        if (status == RegStatus::waiting) outcome.waiting_position = store::waiting_position(sql, cycle->id, id);
        const auto event = status == RegStatus::confirmed ? RegistrationEvent::confirmed
                           : status == RegStatus::waiting ? RegistrationEvent::waiting
                                                       : RegistrationEvent::received;
        enqueue_mail(sql, registration_mail(event,
                                            {user.email, user.full_name, cycle->title, cycle->slug, first_session,
                                             outcome.waiting_position},
                                            mail));
        return outcome;
    });
    if (!result) return result;
    try {
        soci::session sql(db.pool());
        result.value().warnings = overlap_warnings(sql, user.id, cycle_id);
    } catch (const std::exception& e) {
        (void)store::technical_failure(e);  // the registration stands; only the warning is lost
    }
    return result;
}

void promote_waiting(soci::session& sql, long long cycle_id, const MailContext& mail) {
    const auto cycle = store::find_cycle_by_id(sql, store::Dialect::sqlite, cycle_id, false);
    if (!cycle || cycle->mode != Mode::first_come) return;
    while (store::confirmed_count(sql, cycle_id) < cycle->capacity) {
        soci::row next;
        sql << "SELECT r.id, u.email, u.full_name FROM registrations r JOIN users u ON u.id = r.user_id "
               "WHERE r.cycle_id = :c AND r.status = 'waiting' ORDER BY r.arrival, r.id LIMIT 1",
            soci::use(cycle_id), soci::into(next);
        if (!sql.got_data()) return;
        const auto seat = registration::free_seat(cycle->capacity, store::taken_seats(sql, cycle_id));
        if (!seat) return;
        const long long id = as_int(next, 0);
        const int seat_number = *seat;
        const long long now = store::now_utc_seconds();
        sql << "UPDATE registrations SET status = 'confirmed', seat = :seat, updated_at = :t WHERE id = :id",
            soci::use(seat_number), soci::use(now), soci::use(id);
        enqueue_mail(sql, registration_mail(RegistrationEvent::promoted,
                                            {as_text(next, 1), as_text(next, 2), cycle->title, cycle->slug,
                                             first_session_text(sql, cycle_id), 0},
                                            mail));
    }
}

Status cancel_registration(store::Database& db, const CurrentUser& user, long long registration_id,
                           const MailContext& mail) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        soci::row r;
        sql << "SELECT cycle_id, status, COALESCE(collectivite_slot, '') FROM registrations WHERE id = :id AND "
               "user_id = :u",
            soci::use(registration_id), soci::use(user.id), soci::into(r);
        if (!sql.got_data()) return fail("Inscription introuvable.", {}, FailureKind::not_found);
        const long long cycle_id = as_int(r, 0);
        RegStatus status;
        registration::parse_status(as_text(r, 1), status);
        if (!registration::is_active(status)) return fail("Cette inscription est déjà annulée ou close.", {}, FailureKind::conflict);
        const auto cycle = store::find_cycle_by_id(sql, db.dialect(), cycle_id, true);  // queue behind registrations
        const long long now = store::now_utc_seconds();
        sql << "UPDATE registrations SET status = 'cancelled', seat = NULL, collectivite_slot = NULL, updated_at = :t "
               "WHERE id = :id",
            soci::use(now), soci::use(registration_id);
        enqueue_mail(sql, registration_mail(RegistrationEvent::cancelled,
                                            {user.email, user.full_name, cycle ? cycle->title : "", "", "", 0}, mail));
        if (status == RegStatus::confirmed) promote_waiting(sql, cycle_id, mail);
        // Colleagues who asked to be told when their collectivité's place frees up.
        if (const auto released = as_text(r, 2); !released.empty()) notify_seat_alerts(sql, cycle_id, released, mail);
        return Done{};
    });
}

Status update_situation(store::Database& db, const CurrentUser& user, long long registration_id,
                        const std::string& situation_typed) {
    const auto situation = text::trim(situation_typed);
    registration::RegistrationInput check{situation, "elu", "fonction", true, true, true};
    if (auto errors = registration::validate(check); errors.count("situation")) {
        Failure f = fail(errors["situation"], "situation", FailureKind::invalid);
        f.fields = errors;
        return f;
    }
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        soci::row r;
        sql << "SELECT r.cycle_id, r.status, (SELECT MIN(starts_at) FROM cycle_sessions s WHERE s.cycle_id = r.cycle_id) "
               "FROM registrations r WHERE r.id = :id AND r.user_id = :u",
            soci::use(registration_id), soci::use(user.id), soci::into(r);
        if (!sql.got_data()) return fail("Inscription introuvable.", {}, FailureKind::not_found);
        RegStatus status;
        registration::parse_status(as_text(r, 1), status);
        if (!registration::is_active(status)) return fail("Cette inscription est annulée ou close.", {}, FailureKind::conflict);
        const long long now = store::now_utc_seconds();
        if (auto first = store::as_optional_int(r, 2); first && now >= *first)
            return fail("Le cycle a commencé : la situation ne peut plus être modifiée.", {}, FailureKind::conflict);
        sql << "UPDATE registrations SET situation = :s, updated_at = :t WHERE id = :id", soci::use(situation),
            soci::use(now), soci::use(registration_id);
        return Done{};
    });
}

namespace {

// The person's pending applications in the round of this one, first choice first.
std::vector<long long> round_choices(soci::session& sql, long long registration_id) {
    std::vector<long long> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT o.id FROM registrations me JOIN cycles mc ON mc.id = me.cycle_id "
                        "JOIN cycles oc ON oc.mode = 'application' AND oc.registration_closes_at = mc.registration_closes_at "
                        "JOIN registrations o ON o.cycle_id = oc.id AND o.user_id = me.user_id AND o.status = 'applied' "
                        "WHERE me.id = :id AND mc.mode = 'application' ORDER BY o.choice_rank, o.arrival, o.id",
         soci::use(registration_id));
    for (const auto& r : rows) out.push_back(as_int(r, 0));
    return out;
}

}  // namespace

Status move_choice_up(store::Database& db, long long user_id, long long registration_id) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        long long owner = 0;
        std::string status;
        sql << "SELECT user_id, status FROM registrations WHERE id = :id", soci::use(registration_id),
            soci::into(owner), soci::into(status);
        if (!sql.got_data() || owner != user_id) return fail("Cette inscription est introuvable.", {}, FailureKind::not_found);
        if (status != "applied")
            return fail("L’ordre des vœux ne peut plus changer : la sélection de cette vague est faite.", {}, FailureKind::conflict);
        const auto mine = round_choices(sql, registration_id);
        const auto at = std::find(mine.begin(), mine.end(), registration_id) - mine.begin();
        if (at == 0) return Done{};
        // Ranks are rewritten 0..n-1 so that earlier gaps (a cancelled choice) disappear.
        auto order = mine;
        std::swap(order[at], order[at - 1]);
        const long long now = store::now_utc_seconds();
        for (std::size_t rank = 0; rank < order.size(); ++rank) {
            const int value = static_cast<int>(rank);
            const long long id = order[rank];
            sql << "UPDATE registrations SET choice_rank = :r, updated_at = :t WHERE id = :id", soci::use(value, "r"),
                soci::use(now, "t"), soci::use(id, "id");
        }
        return Done{};
    });
}

Result<std::vector<MyRegistration>> my_registrations(store::Database& db, long long user_id, std::int64_t now) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<MyRegistration> out;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT r.id, c.slug, c.title, COALESCE(f.full_name, ''), r.status, r.situation, "
                                "(SELECT MIN(starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), "
                                "(SELECT MAX(ends_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), c.id "
                                "FROM registrations r JOIN cycles c ON c.id = r.cycle_id "
                                "LEFT JOIN facilitators f ON f.id = c.facilitator_id WHERE r.user_id = :u "
                                "ORDER BY 7, r.id",
                 soci::use(user_id));
            for (const auto& r : rows) {
                MyRegistration m;
                m.id = as_int(r, 0);
                m.cycle_slug = as_text(r, 1);
                m.cycle_title = as_text(r, 2);
                m.facilitator = as_text(r, 3);
                registration::parse_status(as_text(r, 4), m.status);
                m.situation = as_text(r, 5);
                m.first_session_at = as_int(r, 6);
                m.last_session_ends_at = as_int(r, 7);
                m.situation_editable = registration::is_active(m.status) && now < m.first_session_at;
                out.push_back(std::move(m));
            }
            for (auto& m : out)
                if (m.status == RegStatus::applied) {
                    const auto mine = round_choices(sql, m.id);
                    m.round_choices = static_cast<int>(mine.size());
                    m.choice_number = static_cast<int>(std::find(mine.begin(), mine.end(), m.id) - mine.begin()) + 1;
                }
            for (auto& m : out)
                if (m.status == RegStatus::waiting) {
                    long long cycle_id = 0;
                    sql << "SELECT cycle_id FROM registrations WHERE id = :id", soci::use(m.id), soci::into(cycle_id);
                    m.waiting_position = store::waiting_position(sql, cycle_id, m.id);
                }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::map<long long, MyCycleStatus>> my_cycle_statuses(store::Database& db, long long user_id) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::map<long long, MyCycleStatus> out;
            std::vector<std::pair<long long, long long>> waiting;  // cycle, registration
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT id, cycle_id, status FROM registrations WHERE user_id = :u "
                                "AND status IN ('applied', 'confirmed', 'waiting')",
                 soci::use(user_id));
            for (const auto& r : rows) {
                MyCycleStatus m;
                registration::parse_status(as_text(r, 2), m.status);
                out[as_int(r, 1)] = m;
                if (m.status == RegStatus::waiting) waiting.emplace_back(as_int(r, 1), as_int(r, 0));
            }
            for (const auto& [cycle_id, id] : waiting) out[cycle_id].waiting_position = store::waiting_position(sql, cycle_id, id);
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
