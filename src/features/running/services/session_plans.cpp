#include "features/running/services/session_plans.hpp"

#include <chrono>

#include "platform/core/text.hpp"
#include "platform/audit/audit.hpp"
#include "features/cycles/services/facilitation_access.hpp"
#include "features/running/store/live_states.hpp"
#include "features/running/store/session_plans.hpp"
#include "platform/auth/permissions.hpp"

namespace ateliers::services {

namespace {

std::optional<SessionRef> session_ref(const std::optional<store::SessionRefRow>& r) {
    if (!r) return std::nullopt;
    return SessionRef{r->session_id, r->cycle_id, r->cycle_slug, r->cycle_title, r->number,
                      r->starts_at,  r->ends_at,  r->visio_url};
}

bool is_organiser(const CurrentUser& user) { return permissions::can_organise(user); }

std::vector<session_plan::Phase> read_phases(const std::string& json_text) {
    auto parsed = session_plan::phases_from_json(json_text);
    return parsed ? parsed.value() : std::vector<session_plan::Phase>{};
}

std::optional<std::vector<session_plan::Phase>> template_phases(soci::session& sql, const std::string& slug) {
    const auto phases = store::template_phases(sql, slug);
    if (!phases) return std::nullopt;
    return read_phases(*phases);
}

// The session when the user may run it; 404 / 403 otherwise. Checked before any
// transaction so that no request holds two pooled connections at once.
Result<SessionRef> facilitated_session(store::Database& db, const CurrentUser& user, const std::string& cycle_slug,
                                       int number) {
    auto session = store::with_session(db, [&](soci::session& sql) { return find_session(sql, cycle_slug, number); });
    if (!session) return fail("Cette séance n’existe pas.", {}, FailureKind::not_found);
    if (!can_facilitate(db, user, cycle_slug))
        return fail("Seule l’équipe d’animation de ce cycle peut préparer et animer ses séances.", {}, FailureKind::forbidden);
    return *session;
}

SessionPlan plan_of(soci::session& sql, const SessionRef& session) {
    SessionPlan p{session, effective_phases(sql, session.session_id), {}};
    p.duration_warning = session_plan::duration_warning(p.phases, session.minutes());
    return p;
}

void write_session_plan(soci::session& sql, long long session_id, const std::vector<session_plan::Phase>& phases,
                        long long now) {
    const auto json = session_plan::phases_to_json(phases);
    store::upsert_session_plan(sql, session_id, json, now, false);
}

std::string slug_from_name(const std::string& name) {
    std::string slug;
    for (char c : text::fold_for_search(name)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? "modele" : slug.substr(0, 60);
}

}  // namespace

long long now_utc_millis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<SessionRef> find_session(soci::session& sql, const std::string& cycle_slug, int number) {
    return session_ref(store::find_session_ref(sql, cycle_slug, number));
}

std::optional<SessionRef> find_session_by_id(soci::session& sql, long long session_id) {
    return session_ref(store::find_session_ref_by_id(sql, session_id));
}

std::vector<session_plan::Phase> effective_phases(soci::session& sql, long long session_id) {
    if (const auto phases = store::session_phases(sql, session_id)) return read_phases(*phases);
    return template_phases(sql, default_plan_template).value_or(std::vector<session_plan::Phase>{});
}

void ensure_session_plan(soci::session& sql, long long session_id, long long now_seconds) {
    if (store::has_session_plan(sql, session_id)) return;
    const auto phases = template_phases(sql, default_plan_template).value_or(std::vector<session_plan::Phase>{});
    const auto json = session_plan::phases_to_json(phases);
    store::upsert_session_plan(sql, session_id, json, now_seconds, true);
}

long long bump_live_version(soci::session& sql, long long session_id, long long now_ms) {
    return store::bump_live_version(sql, session_id, now_ms);
}

Result<std::vector<PlanTemplate>> list_plan_templates(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<PlanTemplate> out;
            for (const auto& r : store::plan_templates(sql, default_plan_template))
                out.push_back({r.id, r.slug, r.name, read_phases(r.phases), r.updated_at});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<PlanTemplate> find_plan_template(store::Database& db, const std::string& slug) {
    auto all = list_plan_templates(db);
    if (!all) return all.failure();
    for (auto& t : all.value())
        if (t.slug == slug) return t;
    return fail("Ce modèle de séance n’existe pas.", {}, FailureKind::not_found);
}

Status save_plan_template(store::Database& db, const CurrentUser& user, const std::string& slug,
                          const std::string& name, std::vector<session_plan::Phase> phases) {
    if (!is_organiser(user)) return fail("Seule l’équipe des ateliers modifie les modèles de séance.", {}, FailureKind::forbidden);
    const auto clean_name = text::trim(name);
    const auto valid = session_plan::validate(phases);
    Failure problem = valid ? Failure{"", "", FailureKind::invalid, {}} : valid.failure();
    if (clean_name.empty()) {
        problem.message = problem.fields["name"] = "Indiquez le nom du modèle.";
        problem.field = "name";
    }
    if (!problem.fields.empty() || !valid) return problem;
    session_plan::assign_missing_keys(phases);
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const long long now = store::now_utc_seconds();
        const auto json = session_plan::phases_to_json(phases);
        store::update_plan_template(sql, slug, clean_name, json, now);
        if (!store::plan_template_exists(sql, slug)) return fail("Ce modèle de séance n’existe pas.", {}, FailureKind::not_found);
        record_audit(sql, user.id, "plan_template.update", "plan_template:" + slug,
                     "Modèle de séance « " + clean_name + " » modifié");
        return Done{};
    });
}

Result<std::string> create_plan_template(store::Database& db, const CurrentUser& user, const std::string& name) {
    if (!is_organiser(user)) return fail("Seule l’équipe des ateliers crée les modèles de séance.", {}, FailureKind::forbidden);
    const auto clean_name = text::trim(name);
    if (clean_name.empty()) return fail("Indiquez le nom du nouveau modèle.", "name", FailureKind::invalid);
    return store::in_transaction<std::string>(db, [&](soci::session& sql) -> Result<std::string> {
        const auto base = slug_from_name(clean_name);
        std::string slug = base;
        for (int n = 2;; ++n) {
            if (!store::plan_template_exists(sql, slug)) break;
            slug = base + "-" + std::to_string(n);
        }
        const auto phases = template_phases(sql, default_plan_template).value_or(std::vector<session_plan::Phase>{});
        const auto json = session_plan::phases_to_json(phases);
        const long long now = store::now_utc_seconds();
        store::insert_plan_template(sql, slug, clean_name, json, now);
        record_audit(sql, user.id, "plan_template.create", "plan_template:" + slug,
                     "Modèle de séance « " + clean_name + " » créé");
        return slug;
    });
}

Result<SessionPlan> session_plan(store::Database& db, const CurrentUser& user, const std::string& cycle_slug,
                                 int number) {
    auto session = facilitated_session(db, user, cycle_slug, number);
    if (!session) return session.failure();
    return store::in_transaction<SessionPlan>(db, [&](soci::session& sql) -> Result<SessionPlan> {
        ensure_session_plan(sql, session->session_id, store::now_utc_seconds());
        return plan_of(sql, session.value());
    });
}

Result<SessionPlan> save_session_plan(store::Database& db, const CurrentUser& user, const std::string& cycle_slug,
                                      int number, std::vector<session_plan::Phase> phases) {
    auto session = facilitated_session(db, user, cycle_slug, number);
    if (!session) return session.failure();
    if (auto valid = session_plan::validate(phases); !valid) return valid.failure();
    session_plan::assign_missing_keys(phases);
    return store::in_transaction<SessionPlan>(db, [&](soci::session& sql) -> Result<SessionPlan> {
        write_session_plan(sql, session->session_id, phases, store::now_utc_seconds());
        bump_live_version(sql, session->session_id, now_utc_millis());
        return plan_of(sql, session.value());
    });
}

Result<SessionPlan> reset_session_plan(store::Database& db, const CurrentUser& user, const std::string& cycle_slug,
                                       int number, const std::string& template_slug) {
    auto session = facilitated_session(db, user, cycle_slug, number);
    if (!session) return session.failure();
    return store::in_transaction<SessionPlan>(db, [&](soci::session& sql) -> Result<SessionPlan> {
        const auto phases = template_phases(sql, template_slug.empty() ? default_plan_template : template_slug);
        if (!phases) return fail("Ce modèle de séance n’existe pas.", "template", FailureKind::not_found);
        write_session_plan(sql, session->session_id, *phases, store::now_utc_seconds());
        bump_live_version(sql, session->session_id, now_utc_millis());
        return plan_of(sql, session.value());
    });
}

}  // namespace ateliers::services
