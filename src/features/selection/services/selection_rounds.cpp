#include "features/selection/services/selection_rounds.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "platform/core/paris_time.hpp"
#include "platform/audit/audit.hpp"
#include "features/registration/services/registration_mail.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {

using RegStatus = registration::Status;
using store::as_int;
using store::as_optional_int;
using store::as_text;

Failure conflict(const std::string& message) { return fail(message, {}, FailureKind::conflict); }

std::vector<store::CycleRow> round_cycles(soci::session& sql, store::Dialect dialect, std::int64_t closes_at,
                                          bool lock) {
    std::vector<long long> ids;
    const long long deadline = closes_at;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id FROM cycles WHERE mode = 'application' AND "
                                                   "status IN ('published', 'closed') AND registration_closes_at = :d "
                                                   "ORDER BY title, id",
                                    soci::use(deadline));
    for (const auto& r : rows) ids.push_back(as_int(r, 0));
    std::vector<store::CycleRow> out;
    for (const auto id : ids)
        if (auto c = store::find_cycle_by_id(sql, dialect, id, lock)) out.push_back(std::move(*c));
    return out;
}

struct Registration {
    AdminRegistration row;
    long long user_id = 0;
    std::size_t cycle = 0;
    int choice_rank = 0;
    std::optional<long long> priority_override;
    bool pinned = false;
    bool excluded = false;
};

std::vector<Registration> round_registrations(soci::session& sql, const std::vector<store::CycleRow>& cycles) {
    std::vector<Registration> out;
    for (std::size_t k = 0; k < cycles.size(); ++k) {
        const long long cycle_id = cycles[k].id;
        soci::rowset<soci::row> rows =
            (sql.prepare << std::string(admin_registration_select) +
                                ", r.user_id, r.choice_rank, r.priority_override, r.selection_pin, "
                                "r.selection_excluded" +
                                admin_registration_from +
                                "WHERE r.cycle_id = :c AND r.status IN ('applied', 'confirmed') ORDER BY r.arrival, r.id",
             soci::use(cycle_id));
        for (const auto& r : rows) {
            Registration reg;
            reg.row = read_admin_registration(r);
            reg.user_id = as_int(r, 18);
            reg.cycle = k;
            reg.choice_rank = static_cast<int>(as_int(r, 19));
            reg.priority_override = as_optional_int(r, 20);
            reg.pinned = as_int(r, 21) != 0;
            reg.excluded = as_int(r, 22) != 0;
            out.push_back(std::move(reg));
        }
    }
    return out;
}

// The organiser's balance minimums of a cycle, each nullopt when left to the default.
std::pair<std::optional<long long>, std::optional<long long>> minimums(soci::session& sql, long long cycle_id) {
    soci::row r;
    sql << "SELECT min_elus, min_agents FROM cycles WHERE id = :id", soci::use(cycle_id), soci::into(r);
    return {as_optional_int(r, 0), as_optional_int(r, 1)};
}

// FNV-1a: the fingerprint only has to change when the proposal does.
std::string fingerprint_of(const RoundProposal& p) {
    std::string text;
    for (std::size_t k = 0; k < p.cycles.size(); ++k) {
        text += "c" + std::to_string(p.cycles[k].cycle.id) + ":";
        for (const auto i : p.cycles[k].selected) text += std::to_string(p.applicants[i].user_id) + ",";
        text += "|";
        for (const auto i : p.cycles[k].waiting) text += std::to_string(p.applicants[i].user_id) + ",";
    }
    for (const auto& a : p.applicants)
        if (a.excluded) text += "x" + std::to_string(a.user_id);
    std::uint64_t h = 1469598103934665603ULL;
    for (const unsigned char ch : text) {
        h ^= ch;
        h *= 1099511628211ULL;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

// Reads the round and computes the proposal; used by the page and, inside the
// confirming transaction, to check nothing changed.
Result<RoundProposal> build_proposal(soci::session& sql, store::Dialect dialect, std::int64_t closes_at, bool lock) {
    RoundProposal p;
    p.closes_at = closes_at;
    p.deadline_passed = closes_at <= store::now_utc_seconds();
    const auto cycles = round_cycles(sql, dialect, closes_at, lock);
    if (cycles.empty()) return fail("Aucune vague de candidatures ne se clôt à cette date.", {}, FailureKind::not_found);
    const auto registrations = round_registrations(sql, cycles);

    std::vector<std::vector<AdminRegistration>> confirmed(cycles.size());
    std::set<long long> seated_people;
    std::set<std::pair<std::size_t, std::string>> seated_collectivites;
    for (const auto& r : registrations)
        if (r.row.status == RegStatus::confirmed) {
            confirmed[r.cycle].push_back(r.row);
            seated_people.insert(r.user_id);
            seated_collectivites.insert({r.cycle, r.row.collectivite_id});
        }

    allocation::Round round;
    for (std::size_t k = 0; k < cycles.size(); ++k) {
        RoundCycle rc;
        rc.cycle = cycles[k];
        rc.already_confirmed = static_cast<int>(confirmed[k].size());
        rc.seats = std::max(0, rc.cycle.capacity - rc.already_confirmed);
        const auto [min_elus, min_agents] = minimums(sql, rc.cycle.id);
        rc.minimums_overridden = min_elus || min_agents;
        rc.min_elus = min_elus.value_or(allocation::default_minimum(rc.cycle.capacity));
        rc.min_agents = min_agents.value_or(allocation::default_minimum(rc.cycle.capacity));
        long long elus = 0, agents = 0;
        for (const auto& c : confirmed[k]) (c.mandate == "elu" ? elus : agents)++;
        round.cycles.push_back({std::to_string(rc.cycle.id), rc.seats, std::max(0LL, rc.min_elus - elus),
                                std::max(0LL, rc.min_agents - agents)});
        p.cycles.push_back(std::move(rc));
    }

    std::map<long long, const Registration*> by_id;
    for (const auto& r : registrations) by_id[r.row.id] = &r;
    std::map<long long, std::size_t> applicant_of;  // user id -> index
    for (const auto& r : registrations) {
        if (r.row.status != RegStatus::applied || seated_people.count(r.user_id)) continue;
        auto [it, fresh] = applicant_of.emplace(r.user_id, p.applicants.size());
        if (fresh) {
            RoundApplicant a;
            a.user_id = r.user_id;
            a.full_name = r.row.full_name;
            a.email = r.row.email;
            p.applicants.push_back(std::move(a));
        }
        auto& a = p.applicants[it->second];
        a.applications.push_back({r.row.id, r.cycle, r.choice_rank, r.pinned});
        if (r.excluded) a.excluded = true;
        if (r.priority_override) {
            a.priority = *r.priority_override;
            a.priority_overridden = true;
        }
    }

    selection::Adjustments adjustments;
    for (auto& a : p.applicants) {
        std::stable_sort(a.applications.begin(), a.applications.end(), [](const auto& x, const auto& y) {
            return x.choice_rank < y.choice_rank;
        });
        // The first choice's registration describes the person (collectivité, mandate).
        a.profile = by_id.at(a.applications.front().registration_id)->row;
        if (!a.priority_overridden) a.priority = selection::default_priority(a.profile.size_class);

        allocation::Applicant in;
        in.id = std::to_string(a.user_id);
        in.collectivite = a.profile.collectivite_id;
        in.role = a.profile.mandate == "elu" ? allocation::Role::elu : allocation::Role::agent;
        in.priority = a.priority;
        long long first_arrival = a.profile.arrival_ms;
        std::optional<std::size_t> pin;
        for (const auto& application : a.applications) {
            first_arrival = std::min<long long>(first_arrival, by_id.at(application.registration_id)->row.arrival_ms);
            if (seated_collectivites.count({application.cycle, a.profile.collectivite_id})) {
                a.blocked.push_back(application.cycle);
                continue;
            }
            in.choices.push_back(application.cycle);
            if (application.pinned) pin = application.cycle;
        }
        in.arrival = static_cast<double>(first_arrival) / 1000.0;
        round.applicants.push_back(std::move(in));
        adjustments.pinned.push_back(pin);
        adjustments.excluded.push_back(a.excluded);
    }

    auto proposal = selection::propose(round, adjustments);
    if (!proposal) {
        // The pins break a rule: show the round without them, and say why.
        p.adjustment_error = proposal.failure().message;
        for (auto& pin : adjustments.pinned) pin.reset();
        proposal = selection::propose(round, adjustments);
        if (!proposal) return proposal.failure();
    }
    const auto& solved = proposal.value();
    p.objective = solved.objective;
    p.proven_levels = solved.proven_levels;
    p.outcomes = selection::explain(round, adjustments, solved);
    for (std::size_t i = 0; i < p.applicants.size(); ++i) {
        if (solved.selection[i]) p.cycles[*solved.selection[i]].selected.push_back(i);
        for (const auto k : p.applicants[i].blocked)
            p.outcomes[i].push_back({k, false, selection::Reason::same_collectivite, std::nullopt, 0});
    }
    for (std::size_t k = 0; k < p.cycles.size(); ++k) {
        p.cycles[k].waiting = solved.waiting[k];
        auto rows = confirmed[k];
        for (const auto i : p.cycles[k].selected) {
            auto row = p.applicants[i].profile;
            row.status = RegStatus::confirmed;
            rows.push_back(row);
        }
        for (const auto i : p.cycles[k].waiting) {
            auto row = p.applicants[i].profile;
            row.status = RegStatus::waiting;
            rows.push_back(row);
        }
        p.cycles[k].counts = count_registrations(rows);
    }
    p.fingerprint = fingerprint_of(p);
    return p;
}

std::string deadline_text(std::int64_t closes_at) {
    return paris_time::long_date(closes_at) + " à " + paris_time::time_of_day(closes_at);
}

// Runs `change` on every registration the person has in the round.
template <class F>
Status for_applicant(store::Database& db, std::int64_t closes_at, long long user_id, F&& change) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto cycles = round_cycles(sql, db.dialect(), closes_at, false);
        if (cycles.empty()) return fail("Aucune vague de candidatures ne se clôt à cette date.", {}, FailureKind::not_found);
        std::vector<long long> ids;
        for (const auto& c : cycles) {
            const long long cycle_id = c.id;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT id FROM registrations WHERE cycle_id = :c AND user_id = :u AND status = 'applied'",
                 soci::use(cycle_id, "c"), soci::use(user_id, "u"));
            for (const auto& r : rows) ids.push_back(as_int(r, 0));
        }
        if (ids.empty()) return fail("Cette personne n’a pas de candidature en attente dans cette vague.", {}, FailureKind::not_found);
        return change(sql, cycles, ids);
    });
}

}  // namespace

Result<std::vector<RoundListing>> selection_rounds(store::Database& db) {
    try {
        soci::session sql(db.pool());
        std::vector<long long> deadlines;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT DISTINCT registration_closes_at FROM cycles WHERE mode = 'application' AND "
                            "status IN ('published', 'closed') AND registration_closes_at IS NOT NULL "
                            "ORDER BY registration_closes_at DESC");
        for (const auto& r : rows) deadlines.push_back(as_int(r, 0));
        std::vector<RoundListing> out;
        for (const auto d : deadlines) {
            RoundListing l;
            l.closes_at = d;
            l.cycles = round_cycles(sql, db.dialect(), d, false);
            std::set<long long> people;
            for (const auto& c : l.cycles) {
                const long long cycle_id = c.id;
                soci::rowset<soci::row> who = (sql.prepare << "SELECT user_id FROM registrations WHERE cycle_id = :c "
                                                              "AND status = 'applied'",
                                               soci::use(cycle_id));
                for (const auto& r : who) people.insert(as_int(r, 0));
            }
            l.applicants = static_cast<int>(people.size());
            out.push_back(std::move(l));
        }
        return out;
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<RoundProposal> propose_round(store::Database& db, std::int64_t closes_at) {
    try {
        soci::session sql(db.pool());
        return build_proposal(sql, db.dialect(), closes_at, false);
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Status pin_applicant(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                     long long cycle_id) {
    return for_applicant(db, closes_at, user_id, [&](soci::session& sql, const auto& cycles, const auto& ids) -> Status {
        std::string title;
        for (const auto& c : cycles)
            if (c.id == cycle_id) title = c.title;
        if (cycle_id != 0 && title.empty()) return fail("Ce cycle ne fait pas partie de la vague.", {}, FailureKind::not_found);
        const long long now = store::now_utc_seconds();
        bool chosen = cycle_id == 0;
        for (const long long id : ids) {
            long long in_cycle = 0;
            sql << "SELECT cycle_id FROM registrations WHERE id = :id", soci::use(id), soci::into(in_cycle);
            const int pin = in_cycle == cycle_id ? 1 : 0;
            if (pin) chosen = true;
            sql << "UPDATE registrations SET selection_pin = :p, selection_excluded = 0, updated_at = :t WHERE id = :id",
                soci::use(pin, "p"), soci::use(now, "t"), soci::use(id, "id");
        }
        if (!chosen) return fail("Cette personne n’a pas candidaté à ce cycle.", {}, FailureKind::invalid);
        record_audit(sql, actor_id, cycle_id ? "selection.pin" : "selection.unpin", "user:" + std::to_string(user_id),
                     cycle_id ? "Retenu·e d’office sur « " + title + " »" : "Retenue d’office levée");
        return Done{};
    });
}

Status exclude_applicant(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                         bool excluded) {
    return for_applicant(db, closes_at, user_id, [&](soci::session& sql, const auto&, const auto& ids) -> Status {
        const long long now = store::now_utc_seconds();
        const int flag = excluded ? 1 : 0;
        for (const long long id : ids)
            sql << "UPDATE registrations SET selection_excluded = :x, selection_pin = 0, updated_at = :t WHERE id = :id",
                soci::use(flag, "x"), soci::use(now, "t"), soci::use(id, "id");
        record_audit(sql, actor_id, excluded ? "selection.exclude" : "selection.include",
                     "user:" + std::to_string(user_id),
                     excluded ? "Écarté·e de la sélection" : "Réintégré·e dans la sélection");
        return Done{};
    });
}

Status set_applicant_priority(store::Database& db, long long actor_id, std::int64_t closes_at, long long user_id,
                              std::optional<long long> priority) {
    if (priority && (*priority < 0 || *priority > 100))
        return fail("La priorité doit être un nombre entier entre 0 et 100.", "priority", FailureKind::invalid);
    return for_applicant(db, closes_at, user_id, [&](soci::session& sql, const auto&, const auto& ids) -> Status {
        const long long now = store::now_utc_seconds();
        const long long value = priority.value_or(0);
        soci::indicator ind = priority ? soci::i_ok : soci::i_null;
        for (const long long id : ids)
            sql << "UPDATE registrations SET priority_override = :p, updated_at = :t WHERE id = :id",
                soci::use(value, ind, "p"), soci::use(now, "t"), soci::use(id, "id");
        record_audit(sql, actor_id, "selection.priority", "user:" + std::to_string(user_id),
                     priority ? "Priorité fixée à " + std::to_string(*priority) + " point(s)"
                              : "Priorité rendue à la valeur par défaut");
        return Done{};
    });
}

Status set_cycle_minimums(store::Database& db, long long actor_id, std::int64_t closes_at, long long cycle_id,
                          std::optional<long long> min_elus, std::optional<long long> min_agents) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto cycles = round_cycles(sql, db.dialect(), closes_at, false);
        const auto it = std::find_if(cycles.begin(), cycles.end(), [&](const auto& c) { return c.id == cycle_id; });
        if (it == cycles.end()) return fail("Ce cycle ne fait pas partie de la vague.", {}, FailureKind::not_found);
        for (const auto& [value, field] : {std::pair{min_elus, "min_elus"}, std::pair{min_agents, "min_agents"}})
            if (value && (*value < 0 || *value > it->capacity))
                return fail("Le minimum doit être compris entre 0 et la capacité du cycle (" +
                                std::to_string(it->capacity) + ").",
                            field, FailureKind::invalid);
        const long long e = min_elus.value_or(0), a = min_agents.value_or(0);
        soci::indicator ei = min_elus ? soci::i_ok : soci::i_null, ai = min_agents ? soci::i_ok : soci::i_null;
        sql << "UPDATE cycles SET min_elus = :e, min_agents = :a WHERE id = :id", soci::use(e, ei, "e"),
            soci::use(a, ai, "a"), soci::use(cycle_id, "id");
        record_audit(sql, actor_id, "selection.minimums", "cycle:" + it->slug,
                     "Équilibre visé : " + (min_elus ? std::to_string(e) : std::string("un tiers")) + " élu(s), " +
                         (min_agents ? std::to_string(a) : std::string("un tiers")) + " agent(s)");
        return Done{};
    });
}

namespace {

std::string cycle_line(const RoundCycle& c, const std::string& first_session) {
    return "« " + c.cycle.title + " »" + (first_session.empty() ? "" : " (première séance le " + first_session + ")");
}

Mail selected_mail(const RoundApplicant& a, const RoundCycle& c, const std::string& first_session, bool had_others,
                   const MailContext& mail) {
    std::vector<std::string> paragraphs{
        "Bonne nouvelle : votre candidature au cycle d’ateliers " + cycle_line(c, first_session) + " est retenue.",
        "Vous recevrez un rappel deux jours puis une heure avant chaque séance, avec le lien de la visioconférence. "
        "Vous pouvez ajouter les séances à votre agenda depuis votre espace."};
    if (had_others)
        paragraphs.push_back("Une seule place pouvant être attribuée par personne dans cette vague, vos autres "
                             "candidatures sont closes.");
    paragraphs.push_back("Un empêchement ? Prévenez-nous depuis votre espace pour libérer la place.");
    return compose_mail(a.email, "Candidature retenue – " + c.cycle.title, "Bonjour " + a.full_name + ",", paragraphs,
                        "Voir mon espace", mail.base_url + "/espace");
}

Mail waiting_mail(const RoundApplicant& a, const std::vector<std::pair<std::string, int>>& lists,
                  const MailContext& mail) {
    std::vector<std::string> paragraphs{
        "Merci pour votre candidature. Les places de cette vague ont été attribuées en donnant la priorité aux "
        "petites et moyennes communes et intercommunalités, à une seule personne par collectivité et à l’équilibre "
        "entre élus et agents : nous n’avons pas pu vous proposer de place pour le moment."};
    for (const auto& [title, position] : lists)
        paragraphs.push_back("Vous êtes sur la liste d’attente du cycle « " + title + " », en position " +
                             std::to_string(position) + ".");
    paragraphs.push_back("Si une place se libère, nous vous écrirons aussitôt.");
    return compose_mail(a.email, "Votre candidature aux ateliers : liste d’attente", "Bonjour " + a.full_name + ",",
                        paragraphs, "Voir mon espace", mail.base_url + "/espace");
}

Mail declined_mail(const RoundApplicant& a, const MailContext& mail) {
    return compose_mail(a.email, "Votre candidature aux ateliers", "Bonjour " + a.full_name + ",",
                        {"Merci pour votre candidature. Nous ne pouvons malheureusement pas la retenir pour cette vague.",
                         "D’autres cycles seront proposés : retrouvez-les sur le site et n’hésitez pas à candidater à "
                         "nouveau."},
                        "Voir les cycles", mail.base_url + "/cycles");
}

}  // namespace

Result<ConfirmedRound> confirm_round(store::Database& db, long long actor_id, std::int64_t closes_at,
                                     const std::string& fingerprint, const MailContext& mail) {
    return store::in_transaction<ConfirmedRound>(db, [&](soci::session& sql) -> Result<ConfirmedRound> {
        auto built = build_proposal(sql, db.dialect(), closes_at, true);
        if (!built) return built.failure();
        const auto& p = built.value();
        if (!p.deadline_passed)
            return conflict("Les candidatures sont ouvertes jusqu’au " + deadline_text(closes_at) +
                            " : confirmer maintenant écarterait les candidatures encore à venir.");
        if (!p.adjustment_error.empty()) return conflict(p.adjustment_error);
        if (p.fingerprint != fingerprint)
            return conflict("Les candidatures ou les ajustements ont changé depuis que la proposition a été affichée. "
                            "Relisez la nouvelle proposition avant de la confirmer.");

        ConfirmedRound done;
        const long long now = store::now_utc_seconds();
        const long long now_ms = store::now_utc_millis();
        std::vector<std::string> first_sessions;
        for (const auto& c : p.cycles) first_sessions.push_back(first_session_text(sql, c.cycle.id));

        std::vector<std::optional<std::size_t>> seat_of(p.applicants.size());
        for (std::size_t k = 0; k < p.cycles.size(); ++k) {
            auto taken = store::taken_seats(sql, p.cycles[k].cycle.id);
            for (const auto i : p.cycles[k].selected) {
                seat_of[i] = k;
                const auto seat = registration::free_seat(p.cycles[k].cycle.capacity, taken);
                if (!seat) return conflict("Le cycle « " + p.cycles[k].cycle.title + " » n’a plus de place libre.");
                taken.push_back(*seat);
                const int seat_number = *seat;
                for (const auto& application : p.applicants[i].applications)
                    if (application.cycle == k) {
                        const long long id = application.registration_id;
                        const auto& slot = p.applicants[i].profile.collectivite_id;
                        sql << "UPDATE registrations SET status = 'confirmed', seat = :s, collectivite_slot = :k, "
                               "selection_pin = 0, updated_at = :t WHERE id = :id",
                            soci::use(seat_number, "s"), soci::use(slot, "k"), soci::use(now, "t"), soci::use(id, "id");
                    }
            }
        }

        // Waiting lists keep the proposal's order: arrival is the queue key (see store::waiting_position).
        std::vector<std::vector<std::pair<std::string, int>>> lists(p.applicants.size());
        for (std::size_t k = 0; k < p.cycles.size(); ++k) {
            const long long cycle_id = p.cycles[k].cycle.id;
            long long last = 0;
            sql << "SELECT COALESCE(MAX(arrival), 0) FROM registrations WHERE cycle_id = :c AND status = 'waiting'",
                soci::use(cycle_id), soci::into(last);
            const long long base = std::max<long long>(now_ms, last + 1);
            int already_waiting = 0;
            sql << "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND status = 'waiting'", soci::use(cycle_id),
                soci::into(already_waiting);
            const auto& queue = p.cycles[k].waiting;
            for (std::size_t w = 0; w < queue.size(); ++w) {
                const auto i = queue[w];
                const long long arrival = base + static_cast<long long>(w);
                for (const auto& application : p.applicants[i].applications)
                    if (application.cycle == k) {
                        const long long id = application.registration_id;
                        sql << "UPDATE registrations SET status = 'waiting', arrival = :a, collectivite_slot = NULL, "
                               "updated_at = :t WHERE id = :id",
                            soci::use(arrival, "a"), soci::use(now, "t"), soci::use(id, "id");
                    }
                lists[i].emplace_back(p.cycles[k].cycle.title, already_waiting + static_cast<int>(w) + 1);
            }
        }

        // Everything still "applied" in the round is closed: choices of selected people, excluded
        // people, choices blocked by a colleague already confirmed, people already seated.
        for (const auto& c : p.cycles) {
            const long long cycle_id = c.cycle.id;
            long long closed = 0;
            sql << "SELECT COUNT(*) FROM registrations WHERE cycle_id = :c AND status = 'applied'", soci::use(cycle_id),
                soci::into(closed);
            sql << "UPDATE registrations SET status = 'declined', updated_at = :t WHERE cycle_id = :c AND status = "
                   "'applied'",
                soci::use(now, "t"), soci::use(cycle_id, "c");
            done.declined += static_cast<int>(closed);
        }

        for (std::size_t i = 0; i < p.applicants.size(); ++i) {
            const auto& a = p.applicants[i];
            if (seat_of[i]) {
                const auto k = *seat_of[i];
                enqueue_mail(sql, selected_mail(a, p.cycles[k], first_sessions[k], a.applications.size() > 1, mail));
                ++done.selected;
            } else if (!lists[i].empty()) {
                enqueue_mail(sql, waiting_mail(a, lists[i], mail));
                ++done.waiting;
            } else {
                enqueue_mail(sql, declined_mail(a, mail));
            }
        }
        record_audit(sql, actor_id, "selection.confirm", "vague:" + std::to_string(closes_at),
                     "Sélection confirmée pour la vague close le " + deadline_text(closes_at) + " : " +
                         std::to_string(done.selected) + " personne(s) retenue(s), " + std::to_string(done.waiting) +
                         " en liste d’attente");
        return done;
    });
}

}  // namespace ateliers::services
