// Selection rounds in the back office: the list of rounds, one round with its
// proposal, the organiser's adjustments and the confirmation.
#include <nlohmann/json.hpp>

#include "platform/auth/account_rules.hpp"
#include "platform/referential/size_class.hpp"
#include "features/selection/services/selection_rounds.hpp"
#include "platform/http/admin_routes.hpp"
#include "platform/http/paths.hpp"
#include "features/selection/web/selection_pages.hpp"
#include "platform/http/failure_status.hpp"
#include "platform/core/text.hpp"

namespace ateliers::web::admin {

namespace {

using nlohmann::json;

std::string round_path(std::int64_t closes_at) { return "/admin/selections/" + std::to_string(closes_at); }

std::string mandate_label(const std::string& code) {
    accounts::Mandate m;
    return accounts::parse_mandate(code, m) ? accounts::mandate_label(m) : code;
}

std::string rank_label(int rank) { return rank == 0 ? "1er vœu" : std::to_string(rank + 1) + "e vœu"; }

json breakdown_lines(const std::vector<services::CountLine>& lines) {
    json out = json::array();
    for (const auto& l : lines) out.push_back({{"label", l.label}, {"selected", l.confirmed}, {"waiting", l.active - l.confirmed}});
    return out;
}

json applicant_json(const services::RoundProposal& p, std::size_t i) {
    const auto& a = p.applicants[i];
    json choices = json::array();
    for (const auto& o : p.outcomes[i]) {
        int rank = -1;
        for (const auto& application : a.applications)
            if (application.cycle == o.cycle) rank = application.choice_rank;
        std::string reason = selection::reason_text(o.reason);
        if (o.colleague) reason += " (" + p.applicants[*o.colleague].full_name + ")";
        choices.push_back({{"cycle", p.cycles[o.cycle].cycle.title},
                           {"cycle_id", p.cycles[o.cycle].cycle.id},
                           {"rank", rank >= 0 ? rank_label(rank) : ""},
                           {"selected", o.selected},
                           {"reason", reason},
                           {"waiting_position", o.waiting_position},
                           {"is_waiting", o.waiting_position > 0}});
    }
    json pin_options = json::array();
    long long pinned_cycle = 0;
    for (const auto& application : a.applications) {
        if (application.pinned) pinned_cycle = p.cycles[application.cycle].cycle.id;
        pin_options.push_back({{"id", p.cycles[application.cycle].cycle.id},
                               {"title", p.cycles[application.cycle].cycle.title},
                               {"rank", rank_label(application.choice_rank)}});
    }
    return {{"user_id", a.user_id},
            {"full_name", a.full_name},
            {"collectivite", a.profile.collectivite_label},
            {"size_class", referential::size_class_label(a.profile.size_class)},
            {"region", a.profile.region_name},
            {"mandate", mandate_label(a.profile.mandate)},
            {"function_title", a.profile.function_title},
            {"priority", a.priority},
            {"priority_overridden", a.priority_overridden},
            {"excluded", a.excluded},
            {"pinned", pinned_cycle != 0},
            {"choices", choices},
            {"pin_options", pin_options}};
}

// `typed`: the refused form, whose values are shown again in its fields.
Response render_round(const App& app, const Visitor& visitor, const services::RoundProposal& p, bool show_proposal,
                      const std::string& notice, const std::string& error, int status,
                      const FormFields* typed = nullptr) {
    const auto typed_for = [&](const char* key, long long id) {
        return typed && field(*typed, key) == std::to_string(id);
    };
    const auto path = round_path(p.closes_at);
    json cycles = json::array();
    long long seats = 0;
    for (const auto& c : p.cycles) {
        seats += c.seats;
        json selected = json::array(), waiting = json::array();
        for (const auto i : c.selected) selected.push_back(applicant_json(p, i));
        int position = 0;
        for (const auto i : c.waiting) {
            auto line = applicant_json(p, i);
            line["position"] = ++position;
            waiting.push_back(line);
        }
        json breakdowns = json::array();
        const auto add = [&](const std::string& id, const std::string& caption, const auto& lines) {
            if (!lines.empty())
                breakdowns.push_back({{"id", id + "-" + std::to_string(c.cycle.id)},
                                      {"caption", caption + " – " + c.cycle.title},
                                      {"lines", breakdown_lines(lines)}});
        };
        add("mandats", "Élus et agents", c.counts.mandates);
        add("tailles", "Taille des collectivités", c.counts.size_classes);
        add("territoires", "Types de territoire", c.counts.territory_kinds);
        add("regions", "Régions", c.counts.regions);
        cycles.push_back({{"id", c.cycle.id},
                          {"slug", c.cycle.slug},
                          {"title", c.cycle.title},
                          {"capacity", c.cycle.capacity},
                          {"already_confirmed", c.already_confirmed},
                          {"seats", c.seats},
                          {"min_elus", c.min_elus},
                          {"min_agents", c.min_agents},
                          {"min_elus_value", typed_for("cycle", c.cycle.id) ? field(*typed, "min_elus")
                                             : c.minimums_overridden ? std::to_string(c.min_elus) : ""},
                          {"min_agents_value", typed_for("cycle", c.cycle.id) ? field(*typed, "min_agents")
                                               : c.minimums_overridden ? std::to_string(c.min_agents) : ""},
                          {"selected_count", c.selected.size()},
                          {"selected", selected},
                          {"has_selected", !c.selected.empty()},
                          {"waiting", waiting},
                          {"has_waiting", !c.waiting.empty()},
                          {"breakdowns", breakdowns}});
    }
    json applicants = json::array();
    for (std::size_t i = 0; i < p.applicants.size(); ++i) {
        auto line = applicant_json(p, i);
        const auto& a = p.applicants[i];
        line["priority_value"] = typed_for("user", a.user_id) && field(*typed, "action") == "priority"
                                     ? field(*typed, "priority")
                                 : a.priority_overridden ? std::to_string(a.priority)
                                                         : "";
        applicants.push_back(std::move(line));
    }
    const auto& o = p.objective;
    json view{{"title", "Vague close le " + date_time_text(p.closes_at) + " – Administration"},
              {"path", path},
              {"deadline", date_time_text(p.closes_at)},
              {"deadline_passed", p.deadline_passed},
              {"cycles", cycles},
              {"applicants", applicants},
              {"applicant_count", p.applicants.size()},
              {"has_applicants", !p.applicants.empty()},
              {"show_proposal", show_proposal},
              {"objective",
               {{"filled", o.filled},
                {"seats", seats},
                {"balance_deficit", o.balance_deficit},
                {"priority", o.priority},
                {"choice_rank", o.choice_rank},
                {"proven", p.proven_levels == 5},
                {"proven_levels", p.proven_levels}}},
              {"fingerprint", p.fingerprint},
              {"can_confirm", p.deadline_passed && p.adjustment_error.empty() && !p.applicants.empty()},
              {"adjustment_error", text_or_null(p.adjustment_error)}};
    if (!notice.empty()) view["notice"] = notice;
    if (!error.empty()) view["error"] = error;
    return app.page(visitor, "selection/admin_round", view, status);
}

std::optional<std::int64_t> deadline_from(const std::string& segment) {
    return text::parse_bounded_integer(segment, 0, 999'999'999'999);
}

std::optional<long long> optional_number(const std::string& text, bool& valid) {
    valid = true;
    if (text.empty()) return std::nullopt;
    const auto number = text::parse_bounded_integer(text, 0, 999'999);
    valid = number.has_value();
    return number;
}

const char* notice_for(const std::string& done) {
    if (done == "retenu") return "La personne est retenue d’office ; la proposition ci-dessous en tient compte.";
    if (done == "libre") return "La retenue d’office est levée ; la proposition ci-dessous en tient compte.";
    if (done == "ecarte") return "La personne est écartée ; la proposition ci-dessous en tient compte.";
    if (done == "reintegre") return "La personne est réintégrée ; la proposition ci-dessous en tient compte.";
    if (done == "priorite") return "La priorité est enregistrée ; la proposition ci-dessous en tient compte.";
    if (done == "equilibre") return "L’équilibre visé est enregistré ; la proposition ci-dessous en tient compte.";
    return "";
}

}  // namespace

Response selection_rounds_page(const App& app, const Request&, Visitor& visitor) {
    auto rounds = services::selection_rounds(app.db());
    if (!rounds) return service_error(app, visitor, rounds.failure());
    json list = json::array();
    for (const auto& r : rounds.value()) {
        json cycles = json::array();
        for (const auto& c : r.cycles) cycles.push_back({{"title", c.title}, {"capacity", c.capacity}});
        list.push_back({{"href", round_path(r.closes_at)},
                        {"deadline", date_time_text(r.closes_at)},
                        {"cycles", cycles},
                        {"applicants", r.applicants}});
    }
    return app.page(visitor, "selection/admin_rounds",
                    {{"title", "Sélections sur candidature – Administration"}, {"rounds", list}, {"none", list.empty()}});
}

Response selection_round_page(const App& app, const Request& req, Visitor& visitor, const std::string& segment) {
    const auto deadline = deadline_from(segment);
    if (!deadline) return app.error_page(visitor, 404, "Page introuvable", "Cette vague de candidatures n’existe pas.");
    auto proposal = services::propose_round(app.db(), *deadline);
    if (!proposal) return service_error(app, visitor, proposal.failure());
    const auto done = req.query_param("fait");
    return render_round(app, visitor, proposal.value(), req.query_param("proposition") == "1" || !done.empty(),
                        notice_for(done), "", 200);
}

Response selection_round_submit(const App& app, const Request&, Visitor& visitor, const FormFields& form,
                                const std::string& segment, const std::string& action) {
    const auto deadline = deadline_from(segment);
    if (!deadline) return app.error_page(visitor, 404, "Page introuvable", "Cette vague de candidatures n’existe pas.");
    const auto actor = visitor.user->id;
    Status outcome = Done{};
    std::string done;
    std::string anchor;
    if (action == "confirmer") {
        auto confirmed = services::confirm_round(app.db(), actor, *deadline, field(form, "fingerprint"),
                                                 app.mail_context());
        if (confirmed) {
            const auto& c = confirmed.value();
            auto proposal = services::propose_round(app.db(), *deadline);
            if (!proposal) return service_error(app, visitor, proposal.failure());
            return render_round(app, visitor, proposal.value(), false,
                                "Sélection confirmée : " + std::to_string(c.selected) + " personne(s) retenue(s), " +
                                    std::to_string(c.waiting) +
                                    " en liste d’attente. Chaque candidat·e a reçu un e-mail.",
                                "", 200);
        }
        outcome = confirmed.failure();
    } else if (action == "ajuster") {
        const auto what = field(form, "action");
        long long user_id = 0;
        if (auto id = path_id(field(form, "user"))) user_id = *id;
        anchor = "#candidat-" + std::to_string(user_id);
        if (what == "pin") {
            long long cycle_id = 0;
            if (auto id = path_id(field(form, "cycle"))) cycle_id = *id;
            outcome = services::pin_applicant(app.db(), actor, *deadline, user_id, cycle_id);
            done = cycle_id ? "retenu" : "libre";
        } else if (what == "exclude" || what == "include") {
            outcome = services::exclude_applicant(app.db(), actor, *deadline, user_id, what == "exclude");
            done = what == "exclude" ? "ecarte" : "reintegre";
        } else if (what == "priority") {
            bool valid = true;
            const auto priority = optional_number(field(form, "priority"), valid);
            outcome = valid ? services::set_applicant_priority(app.db(), actor, *deadline, user_id, priority)
                            : Status(fail("La priorité doit être un nombre entier entre 0 et 100 (laissez vide pour "
                                          "la valeur par défaut).",
                                          "priority", FailureKind::invalid));
            done = "priorite";
        } else {
            outcome = fail("Action inconnue.", {}, FailureKind::malformed);
        }
    } else if (action == "equilibre") {
        long long cycle_id = 0;
        if (auto id = path_id(field(form, "cycle"))) cycle_id = *id;
        bool elus_ok = true, agents_ok = true;
        const auto min_elus = optional_number(field(form, "min_elus"), elus_ok);
        const auto min_agents = optional_number(field(form, "min_agents"), agents_ok);
        outcome = elus_ok && agents_ok
                      ? services::set_cycle_minimums(app.db(), actor, *deadline, cycle_id, min_elus, min_agents)
                      : Status(fail("Les minimums doivent être des nombres entiers (laissez vide pour un tiers des "
                                    "places).",
                                    "min_elus", FailureKind::invalid));
        done = "equilibre";
        anchor = "#cycle-" + std::to_string(cycle_id);
    } else {
        return app.error_page(visitor, 404, "Page introuvable", "Cette action n’existe pas.");
    }
    if (outcome) return redirect_to(round_path(*deadline) + "?proposition=1&fait=" + done + anchor);
    const auto& f = outcome.failure();
    if (f.kind == FailureKind::technical || f.kind == FailureKind::not_found) return service_error(app, visitor, f);
    auto proposal = services::propose_round(app.db(), *deadline);
    if (!proposal) return service_error(app, visitor, proposal.failure());
    return render_round(app, visitor, proposal.value(), true, "", f.message, http_status(f), &form);
}

}  // namespace ateliers::web::admin
