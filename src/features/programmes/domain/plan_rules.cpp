#include "features/programmes/domain/plan_rules.hpp"

#include <algorithm>
#include <set>

namespace ateliers::programmes {

namespace {

template <class E, std::size_t N>
bool parse_enum(const std::string& s, E& out, const E (&all)[N], const char* (*code)(E)) {
    for (E e : all)
        if (s == code(e)) {
            out = e;
            return true;
        }
    return false;
}

constexpr ActionKind all_kinds[] = {ActionKind::formation, ActionKind::conduite_changement, ActionKind::projet_phare};
constexpr FieldSupport all_supports[] = {FieldSupport::cifre, FieldSupport::vta, FieldSupport::service_civique};
constexpr Status all_statuses[] = {Status::proposee, Status::en_cours, Status::bloquee, Status::faite,
                                   Status::abandonnee};
constexpr Adjustment all_adjustments[] = {Adjustment::added, Adjustment::changed, Adjustment::dropped,
                                          Adjustment::postponed};

}  // namespace

const char* action_kind_code(ActionKind k) {
    switch (k) {
        case ActionKind::formation: return "formation";
        case ActionKind::conduite_changement: return "conduite_changement";
        case ActionKind::projet_phare: return "projet_phare";
    }
    return "formation";
}
bool parse_action_kind(const std::string& s, ActionKind& out) { return parse_enum(s, out, all_kinds, action_kind_code); }
const char* action_kind_label(ActionKind k) {
    switch (k) {
        case ActionKind::formation: return "Formation";
        case ActionKind::conduite_changement: return "Conduite du changement";
        case ActionKind::projet_phare: return "Projet phare";
    }
    return "";
}

const char* field_support_code(FieldSupport f) {
    switch (f) {
        case FieldSupport::cifre: return "cifre";
        case FieldSupport::vta: return "vta";
        case FieldSupport::service_civique: return "service_civique";
    }
    return "cifre";
}
bool parse_field_support(const std::string& s, FieldSupport& out) {
    return parse_enum(s, out, all_supports, field_support_code);
}
const char* field_support_label(FieldSupport f) {
    switch (f) {
        case FieldSupport::cifre: return "Doctorant·e CIFRE (« 1000 doctorants pour les territoires »)";
        case FieldSupport::vta: return "Volontaire territorial en administration (VTA)";
        case FieldSupport::service_civique: return "Service civique";
    }
    return "";
}

const char* status_code(Status s) {
    switch (s) {
        case Status::proposee: return "proposee";
        case Status::en_cours: return "en_cours";
        case Status::bloquee: return "bloquee";
        case Status::faite: return "faite";
        case Status::abandonnee: return "abandonnee";
    }
    return "proposee";
}
bool parse_status(const std::string& s, Status& out) { return parse_enum(s, out, all_statuses, status_code); }
const char* status_label(Status s) {
    switch (s) {
        case Status::proposee: return "Proposée";
        case Status::en_cours: return "En cours";
        case Status::bloquee: return "Bloquée";
        case Status::faite: return "Faite";
        case Status::abandonnee: return "Abandonnée";
    }
    return "";
}

bool can_move(Status from, Status to) {
    using S = Status;
    switch (from) {
        case S::proposee: return to == S::en_cours || to == S::abandonnee;
        case S::en_cours: return to == S::bloquee || to == S::faite || to == S::abandonnee;
        case S::bloquee: return to == S::en_cours || to == S::abandonnee;
        case S::faite: return to == S::en_cours;      // reopened when the review finds it unfinished
        case S::abandonnee: return to == S::proposee;  // proposed again at an adjustment
    }
    return false;
}

std::vector<Status> next_statuses(Status from) {
    std::vector<Status> out;
    for (Status s : all_statuses)
        if (can_move(from, s)) out.push_back(s);
    return out;
}

std::string follow_up_problem(Status from, Status to, int progress) {
    if (progress < 0 || progress > 100) return "L’avancement doit être compris entre 0 et 100 %.";
    if (from != to && !can_move(from, to))
        return std::string("Une action « ") + status_label(from) + " » ne peut pas passer à « " + status_label(to) + " ».";
    if (to == Status::faite && progress != 100) return "Une action faite est avancée à 100 %.";
    return {};
}

std::string years_problem(const std::vector<int>& years) {
    if (years.empty()) return "Choisissez au moins une année du parcours (1, 2 ou 3).";
    for (int y : years)
        if (y < 1 || y > 3) return "Les années du parcours vont de 1 à 3.";
    return {};
}

std::vector<PlanChange> plan_changes(const std::vector<PlanItem>& adopted, const std::vector<PlanItem>& draft) {
    std::map<std::string, const PlanItem*> before, after;
    for (const auto& i : adopted) before[i.key] = &i;
    for (const auto& i : draft) after[i.key] = &i;
    std::set<std::string> keys;
    for (const auto& [k, _] : before) keys.insert(k);
    for (const auto& [k, _] : after) keys.insert(k);
    std::vector<PlanChange> out;
    for (const auto& k : keys) {
        auto b = before.find(k);
        auto a = after.find(k);
        if (b == before.end()) out.push_back({ChangeKind::added, k, a->second->title});
        else if (a == after.end()) out.push_back({ChangeKind::dropped, k, b->second->title});
        else {
            const auto& x = *b->second;
            const auto& y = *a->second;
            if (x.title != y.title || x.kind != y.kind || x.years != y.years || x.status != y.status)
                out.push_back({ChangeKind::changed, k, y.title});
        }
    }
    return out;
}

const char* adjustment_code(Adjustment a) {
    switch (a) {
        case Adjustment::added: return "added";
        case Adjustment::changed: return "changed";
        case Adjustment::dropped: return "dropped";
        case Adjustment::postponed: return "postponed";
    }
    return "added";
}
bool parse_adjustment(const std::string& s, Adjustment& out) {
    return parse_enum(s, out, all_adjustments, adjustment_code);
}
const char* adjustment_label(Adjustment a) {
    switch (a) {
        case Adjustment::added: return "Ajoutée";
        case Adjustment::changed: return "Modifiée";
        case Adjustment::dropped: return "Abandonnée";
        case Adjustment::postponed: return "Reportée";
    }
    return "";
}

}  // namespace ateliers::programmes
