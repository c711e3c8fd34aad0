#include "features/selection/services/selection_rounds.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "features/selection/services/round_reading.hpp"
#include "features/selection/store/rounds.hpp"
#include "platform/core/paris_time.hpp"

namespace ateliers::services {

namespace rounds {

using RegStatus = registration::Status;

Failure conflict(const std::string& message) { return fail(message, {}, FailureKind::conflict); }

std::vector<store::CycleRow> round_cycles(soci::session& sql, store::Dialect dialect, std::int64_t closes_at,
                                          bool lock) {
    const auto ids = store::round_cycle_ids(sql, closes_at);
    std::vector<store::CycleRow> out;
    for (const auto id : ids)
        if (auto c = store::find_cycle_by_id(sql, dialect, id, lock)) out.push_back(std::move(*c));
    return out;
}

namespace {

struct Registration : store::RoundRegistrationRow {
    std::size_t cycle = 0;  // index into the round's cycles
};

std::vector<Registration> round_registrations(soci::session& sql, const std::vector<store::CycleRow>& cycles) {
    std::vector<Registration> out;
    for (std::size_t k = 0; k < cycles.size(); ++k)
        for (auto& row : store::round_registrations(sql, cycles[k].id)) {
            Registration reg;
            static_cast<store::RoundRegistrationRow&>(reg) = std::move(row);
            reg.cycle = k;
            out.push_back(std::move(reg));
        }
    return out;
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

}  // namespace

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
        const auto [min_elus, min_agents] = store::cycle_minimums(sql, rc.cycle.id);
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

}  // namespace rounds

Result<std::vector<RoundListing>> selection_rounds(store::Database& db) {
    try {
        soci::session sql(db.pool());
        const auto deadlines = store::round_deadlines(sql);
        std::vector<RoundListing> out;
        for (const auto d : deadlines) {
            RoundListing l;
            l.closes_at = d;
            l.cycles = rounds::round_cycles(sql, db.dialect(), d, false);
            std::set<long long> people;
            for (const auto& c : l.cycles)
                for (const auto user_id : store::applicant_user_ids(sql, c.id)) people.insert(user_id);
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
        return rounds::build_proposal(sql, db.dialect(), closes_at, false);
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
