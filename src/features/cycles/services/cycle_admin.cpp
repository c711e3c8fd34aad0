#include "features/cycles/services/cycle_admin.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "features/cycles/domain/cycle_format.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"
#include "platform/audit/audit.hpp"
#include "features/cycles/services/cycle_admin_facilitators.hpp"
#include "features/cycles/store/cycle_admin_reads.hpp"
#include "features/cycles/store/cycle_messages.hpp"
#include "features/cycles/store/cycle_writes.hpp"
#include "features/cycles/services/cycle_form.hpp"
#include "features/registration/services/registrations.hpp"

namespace ateliers::services {

namespace {

using cycle_form::field_failure;
using cycle_form::form_failure;
using cycle_form::intervals;
using cycle_form::ParsedCycle;
using cycle_form::ParsedSession;
using cycle_form::warnings_for;
using store::region_of;
using store::registration_counts;

// ---------------------------------------------------------------------------
// Store helpers (inside the caller's transaction)

std::string unique_slug(soci::session& sql, const std::string& table, const std::string& base, long long exclude_id) {
    for (int n = 1;; ++n) {
        const std::string candidate = n == 1 ? base : base + "-" + std::to_string(n);
        if (!store::slug_taken(sql, table, candidate, exclude_id)) return candidate;
    }
}

using facilitators::grant_role;
using facilitators::linked_user;
using facilitators::revoke_role;

// The facilitator the form designates: an existing one, a new one, or none (0); links
// (or unlinks) its account. `current`: the cycle's facilitator before the edit, 0 for
// a new cycle. Failures carry the form field.
Result<long long> resolve_facilitator(soci::session& sql, long long actor_id, const ParsedCycle& p, long long current) {
    long long id = p.facilitator_id;
    if (p.new_facilitator) {
        const auto slug = unique_slug(sql, "facilitators", slugify(p.facilitator_name), 0);
        id = store::insert_facilitator(sql, slug, p.facilitator_name, p.facilitator_bio);
        record_audit(sql, actor_id, "facilitator.create", "facilitator:" + slug, p.facilitator_name);
    } else if (id > 0) {
        if (!store::facilitator_exists(sql, id))
            return field_failure("facilitator_choice", "Intervenant introuvable : choisissez-le dans la liste.");
    }
    if (auto linked = facilitators::link_account(sql, actor_id, id, p.facilitator_email, current); !linked)
        return linked.failure();
    return id;
}

Result<Done> check_region(soci::session& sql, const std::string& code) {
    if (code.empty()) return Done{};
    if (!store::region_exists(sql, code)) return field_failure("region_code", "Région inconnue : choisissez-la dans la liste.");
    return Done{};
}

void insert_session(soci::session& sql, long long cycle_id, int number, const ParsedSession& s) {
    store::insert_session(sql, cycle_id, number, s.starts_at, s.ends_at, s.visio_url);
}

// Numbers sessions 1..n in chronological order (number is unique per cycle, hence
// the detour through negative values).
void renumber_sessions(soci::session& sql, long long cycle_id) {
    const auto sessions = store::cycle_sessions(sql, cycle_id);
    bool in_order = true;
    for (std::size_t i = 0; i < sessions.size(); ++i)
        if (sessions[i].number != static_cast<int>(i + 1)) in_order = false;
    if (in_order) return;
    store::negate_session_numbers(sql, cycle_id);
    int number = 0;
    for (const auto& s : sessions) store::set_session_number(sql, s.id, ++number);
}

std::string session_line(int number, std::int64_t starts_at, std::int64_t ends_at, bool changed) {
    return "Séance " + std::to_string(number) + " : " + paris_time::long_date(starts_at) + ", de " +
           paris_time::time_of_day(starts_at) + " à " + paris_time::time_of_day(ends_at) +
           (changed ? " (nouvel horaire)" : "") + ".";
}

// "Modification du cycle" to every confirmed or waiting participant; returns how many.
int mail_cycle_changed(soci::session& sql, long long cycle_id, const std::string& title,
                       const std::set<long long>& changed_sessions, const MailContext& mail) {
    const auto sessions = store::cycle_sessions(sql, cycle_id);
    std::vector<std::string> paragraphs{"Le calendrier du cycle d’ateliers « " + title +
                                        " » a été modifié. Voici les dates à retenir :"};
    int n = 0;
    for (const auto& s : sessions) paragraphs.push_back(session_line(++n, s.starts_at, s.ends_at, changed_sessions.count(s.id) > 0));
    if (sessions.empty()) paragraphs.push_back("Aucune séance n’est programmée pour le moment.");
    paragraphs.push_back("Si vous avez ajouté les séances à votre agenda, mettez-le à jour depuis votre espace. Si ces "
                         "dates ne vous conviennent plus, annulez votre inscription depuis votre espace pour laisser "
                         "la place à une autre personne.");
    const auto recipients = store::confirmed_and_waiting(sql, cycle_id);
    for (const auto& r : recipients)
        enqueue_mail(sql, compose_mail(r.email, "Modification du cycle – " + title, "Bonjour " + r.full_name + ",",
                                       paragraphs, "Voir mon espace", mail.base_url + "/espace"));
    return static_cast<int>(recipients.size());
}

store::CycleFields fields_of(const ParsedCycle& p, const std::string& slug, long long facilitator_id) {
    return {slug,           p.title,   p.theme,
            p.summary,      p.description, p.territory_types,
            facilitator_id, p.capacity, registration::mode_code(p.mode),
            p.opens_at,     p.closes_at, p.region_code};
}

Failure cycle_not_found() { return fail("Ce cycle n’existe pas.", {}, FailureKind::not_found); }

}  // namespace

bool SessionInput::blank() const {
    return text::trim(date).empty() && text::trim(start).empty() && text::trim(end).empty() &&
           text::trim(visio_url).empty();
}

std::string slugify(const std::string& title) {
    auto out = text::slug_of(title);
    return out.empty() ? "cycle" : out;
}

Result<CycleSaved> create_cycle(store::Database& db, long long actor_id, const CycleInput& input,
                                const MailContext&) {
    ParsedCycle p;
    if (auto errors = cycle_form::parse_cycle(input, p); !errors.empty()) return form_failure(std::move(errors));
    if (auto errors = cycle_form::past_session_errors(p.sessions, {}, store::now_utc_seconds()); !errors.empty())
        return form_failure(std::move(errors));
    return store::in_transaction<CycleSaved>(db, [&](soci::session& sql) -> Result<CycleSaved> {
        if (auto ok = check_region(sql, p.region_code); !ok) return ok.failure();
        auto facilitator = resolve_facilitator(sql, actor_id, p, 0);
        if (!facilitator) return facilitator.failure();
        const long long facilitator_id = facilitator.value();
        const long long now = store::now_utc_seconds();
        CycleSaved saved;
        saved.slug = unique_slug(sql, "cycles", slugify(p.title), 0);
        saved.id = store::insert_draft_cycle(sql, fields_of(p, saved.slug, facilitator_id), now);
        int number = 0;
        for (const auto& s : p.sessions) insert_session(sql, saved.id, ++number, s);
        grant_role(sql, linked_user(sql, facilitator_id), saved.id);
        record_audit(sql, actor_id, "cycle.create", "cycle:" + saved.slug,
                     "« " + p.title + " », " + std::to_string(p.sessions.size()) + " séance(s)");
        saved.warnings = warnings_for(intervals(p.sessions), p.closes_at);
        return saved;
    });
}

Result<CycleSaved> update_cycle(store::Database& db, long long actor_id, const std::string& slug,
                                const CycleInput& input, const MailContext& mail) {
    ParsedCycle p;
    if (auto errors = cycle_form::parse_cycle(input, p); !errors.empty()) return form_failure(std::move(errors));
    return store::in_transaction<CycleSaved>(db, [&](soci::session& sql) -> Result<CycleSaved> {
        const auto cycle = store::find_cycle(sql, db.dialect(), slug, true);
        if (!cycle) return cycle_not_found();
        const bool published = cycle->status == CycleStatus::published;
        const auto counts = registration_counts(sql, cycle->id);
        const int active = counts.confirmed + counts.waiting + counts.applied;
        if (p.mode != cycle->mode && active > 0)
            return field_failure("mode", "Le mode d’inscription ne peut plus être changé : ce cycle a déjà " +
                                             std::to_string(active) + " inscription(s) en cours.");
        if (p.capacity < counts.confirmed)
            return field_failure("capacity", "La capacité ne peut pas être inférieure au nombre d’inscriptions "
                                             "confirmées (" + std::to_string(counts.confirmed) +
                                             ") : refusez ou placez d’abord des personnes en liste d’attente.");
        if (cycle->status != CycleStatus::draft && p.sessions.empty())
            return field_failure("session_1_date", "Un cycle publié doit garder au moins une séance.");
        if (auto ok = check_region(sql, p.region_code); !ok) return ok.failure();

        // Sessions: which rows update which stored session.
        const auto before = store::cycle_sessions(sql, cycle->id);
        std::map<long long, store::SessionRow> stored;
        for (const auto& s : before) stored[s.id] = s;
        std::set<long long> kept;
        for (const auto& s : p.sessions) {
            if (s.id == 0) continue;
            if (!stored.count(s.id) || kept.count(s.id))
                return form_failure({{"session_1_date", "Une séance du formulaire n’appartient pas à ce cycle : "
                                                        "rechargez la page et recommencez."}}, FailureKind::conflict);
            kept.insert(s.id);
        }
        std::map<long long, std::int64_t> stored_starts;
        for (const auto& s : before) stored_starts[s.id] = s.starts_at;
        if (auto errors = cycle_form::past_session_errors(p.sessions, stored_starts, store::now_utc_seconds()); !errors.empty())
            return form_failure(std::move(errors));

        // Read before the form relinks anything: this account loses the cycle if it changes.
        const long long old_user = linked_user(sql, cycle->facilitator_id);
        auto facilitator = resolve_facilitator(sql, actor_id, p, cycle->facilitator_id);
        if (!facilitator) return facilitator.failure();
        const long long facilitator_id = facilitator.value();

        CycleSaved saved;
        saved.id = cycle->id;
        saved.slug = cycle->slug;
        if (cycle->status == CycleStatus::draft) {
            // Nobody links to a draft yet: its address follows the title.
            saved.slug = unique_slug(sql, "cycles", slugify(p.title), cycle->id);
        }
        const long long cycle_id = cycle->id;
        store::update_cycle_fields(sql, cycle_id, fields_of(p, saved.slug, facilitator_id));

        std::set<long long> changed;
        int added = 0, removed = 0, temporary = 100000;
        for (const auto& s : p.sessions) {
            if (s.id == 0) {
                insert_session(sql, cycle_id, ++temporary, s);
                ++added;
                continue;
            }
            const auto& old = stored.at(s.id);
            const bool moved = old.starts_at != s.starts_at || old.ends_at != s.ends_at;
            if (moved) {
                changed.insert(s.id);
                store::move_session(sql, s.id, s.starts_at, s.ends_at, s.visio_url);
            } else if (old.visio_url != s.visio_url) {
                store::set_session_visio(sql, s.id, s.visio_url);
            }
        }
        for (const auto& s : before)
            if (!kept.count(s.id)) {
                store::delete_session(sql, s.id);
                ++removed;
            }
        renumber_sessions(sql, cycle_id);
        saved.sessions_moved = static_cast<int>(changed.size());

        // The facilitator's account acts on this cycle only while they facilitate it.
        const long long new_user = linked_user(sql, facilitator_id);
        if (old_user != new_user) revoke_role(sql, old_user, cycle_id);
        grant_role(sql, new_user, cycle_id);

        // More seats in "premier arrivé": the waiting list moves up.
        if (published && p.capacity > cycle->capacity) promote_waiting(sql, cycle_id, mail);

        std::string details = "« " + p.title + " »";
        if (published && (!changed.empty() || added > 0 || removed > 0)) {
            saved.participants_notified = mail_cycle_changed(sql, cycle_id, p.title, changed, mail);
            std::string what = std::to_string(changed.size()) + " séance(s) déplacée(s)";
            if (added > 0) what += ", " + std::to_string(added) + " ajoutée(s)";
            if (removed > 0) what += ", " + std::to_string(removed) + " supprimée(s)";
            record_audit(sql, actor_id, "cycle.sessions_moved", "cycle:" + saved.slug,
                         what + " ; " + std::to_string(saved.participants_notified) + " participant(s) prévenu(s)");
        }
        if (saved.slug != cycle->slug) details += ", adresse « " + cycle->slug + " » devenue « " + saved.slug + " »";
        record_audit(sql, actor_id, "cycle.update", "cycle:" + saved.slug, details);
        saved.warnings = warnings_for(intervals(p.sessions), p.closes_at);
        return saved;
    });
}

Result<CycleSaved> duplicate_cycle(store::Database& db, long long actor_id, const std::string& slug) {
    return store::in_transaction<CycleSaved>(db, [&](soci::session& sql) -> Result<CycleSaved> {
        const auto source = store::find_cycle(sql, db.dialect(), slug, false);
        if (!source) return cycle_not_found();
        const auto region = region_of(sql, source->id);
        const auto sessions = store::cycle_sessions(sql, source->id);
        CycleSaved saved;
        saved.slug = unique_slug(sql, "cycles", slugify(source->title), 0);
        const long long fac = source->facilitator_id;
        const long long closes = source->closes_at;
        const long long now = store::now_utc_seconds();
        store::CycleFields copy{saved.slug,
                                source->title,
                                source->theme,
                                source->summary,
                                source->description,
                                source->territory_types,
                                fac,
                                source->capacity,
                                registration::mode_code(source->mode),
                                source->opens_at,
                                closes,
                                region};
        saved.id = store::insert_draft_cycle(sql, copy, now);
        for (const auto& s : sessions) {
            ParsedSession copy{0, s.starts_at, s.ends_at, s.visio_url};
            insert_session(sql, saved.id, s.number, copy);
        }
        grant_role(sql, linked_user(sql, fac), saved.id);
        record_audit(sql, actor_id, "cycle.duplicate", "cycle:" + saved.slug,
                     "Copie de « " + source->title + " » (" + source->slug + ")");
        saved.warnings = warnings_for(intervals(sessions), closes);
        return saved;
    });
}

Status publish_cycle(store::Database& db, long long actor_id, const std::string& slug) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto cycle = store::find_cycle(sql, db.dialect(), slug, true);
        if (!cycle) return cycle_not_found();
        if (cycle->status == CycleStatus::published) return fail("Ce cycle est déjà publié.", {}, FailureKind::conflict);
        if (cycle->status != CycleStatus::draft) return fail("Ce cycle est clos : il ne peut plus être publié.", {}, FailureKind::conflict);
        const auto sessions = store::cycle_sessions(sql, cycle->id);
        if (sessions.empty()) return fail("Ajoutez au moins une séance avant de publier le cycle.", {}, FailureKind::invalid);
        // Nobody has seen a draft's dates yet: each counts as new, and none may be past.
        const long long now = store::now_utc_seconds();
        for (const auto& s : sessions)
            if (cycle_format::placed_in_past(s.starts_at, 0, now))
                return fail("Le cycle n’est pas publié : la séance " + std::to_string(s.number) + " du " +
                                paris_time::long_date(s.starts_at) + " est déjà passée. Déplacez-la à une date à "
                                "venir, puis publiez.",
                            {}, FailureKind::invalid);
        store::mark_cycle_published(sql, cycle->id);
        record_audit(sql, actor_id, "cycle.publish", "cycle:" + cycle->slug, "« " + cycle->title + " »");
        return Done{};
    });
}

Status close_cycle(store::Database& db, long long actor_id, const std::string& slug) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto cycle = store::find_cycle(sql, db.dialect(), slug, true);
        if (!cycle) return cycle_not_found();
        if (cycle->status == CycleStatus::closed) return fail("Ce cycle est déjà clos.", {}, FailureKind::conflict);
        if (cycle->status != CycleStatus::published)
            return fail("Seul un cycle publié peut être clos : ce brouillon n’a jamais été publié.", {}, FailureKind::conflict);
        store::mark_cycle_closed(sql, cycle->id);
        record_audit(sql, actor_id, "cycle.close", "cycle:" + cycle->slug, "« " + cycle->title + " »");
        return Done{};
    });
}

}  // namespace ateliers::services
