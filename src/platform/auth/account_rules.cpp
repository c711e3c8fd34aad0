#include "platform/auth/account_rules.hpp"

#include "platform/core/text.hpp"

namespace ateliers::accounts {

bool parse_mandate(const std::string& s, Mandate& out) {
    if (s == "elu") { out = Mandate::elu; return true; }
    if (s == "agent") { out = Mandate::agent; return true; }
    return false;
}

const char* mandate_code(Mandate m) { return m == Mandate::elu ? "elu" : "agent"; }
const char* mandate_label(Mandate m) { return m == Mandate::elu ? "Élu ou élue" : "Agent ou agente"; }

std::string normalise_email(const std::string& email) { return text::lower_ascii(text::trim(email)); }

std::string password_problem(const std::string& password, const std::string& confirm, const std::string& email) {
    if (text::length_in_chars(password) < min_password_chars)
        return "Le mot de passe doit contenir au moins 12 caractères.";
    if (password.size() > max_password_bytes) return "Le mot de passe ne doit pas dépasser 256 caractères.";
    if (normalise_email(password) == normalise_email(email))
        return "Le mot de passe ne doit pas être votre adresse e-mail.";
    if (password != confirm) return "Les deux mots de passe saisis ne sont pas identiques.";
    return {};
}

std::map<std::string, std::string> validate_sign_up(const SignUpInput& in) {
    std::map<std::string, std::string> errors;
    const auto name = text::trim(in.full_name);
    if (name.empty()) errors["full_name"] = "Indiquez votre prénom et votre nom.";
    else if (text::length_in_chars(name) > 120) errors["full_name"] = "Le nom ne doit pas dépasser 120 caractères.";
    if (!text::is_plausible_email(normalise_email(in.email)))
        errors["email"] = "Indiquez une adresse e-mail valide, par exemple prenom.nom@mairie-exemple.fr.";
    if (auto p = password_problem(in.password, in.password_confirm, in.email); !p.empty()) errors["password"] = p;
    if (text::trim(in.collectivite_id).empty())
        errors["collectivite"] = "Choisissez votre collectivité dans la liste (commune, intercommunalité, "
                                 "département ou région).";
    Mandate m;
    if (!parse_mandate(in.mandate, m)) errors["mandate"] = "Précisez si vous êtes élu ou agent de la collectivité.";
    const auto function = text::trim(in.function_title);
    if (function.empty())
        errors["function_title"] = "Indiquez votre fonction, par exemple « adjointe au maire » ou « DGS ».";
    else if (text::length_in_chars(function) > 120)
        errors["function_title"] = "La fonction ne doit pas dépasser 120 caractères.";
    return errors;
}

bool login_allowed(long long recent_failures_for_email, long long recent_failures_for_address) {
    return recent_failures_for_email < max_failures_per_email && recent_failures_for_address < max_failures_per_address;
}

RequestLimit limit_for(LimitedAction action) {
    switch (action) {
        // A person rarely needs more than one link an hour; one address may be a whole
        // town hall behind one router, hence the higher per-address figures.
        case LimitedAction::password_reset: return {3600, 3, 20};
        case LimitedAction::sign_up: return {3600, 3, 20};
        case LimitedAction::confirmation_resend: return {3600, 3, 20};
    }
    return {};
}

const char* action_code(LimitedAction action) {
    switch (action) {
        case LimitedAction::password_reset: return "password_reset";
        case LimitedAction::sign_up: return "sign_up";
        case LimitedAction::confirmation_resend: return "confirmation_resend";
    }
    return "";
}

bool request_allowed(const RequestLimit& limit, long long recent_for_email, long long recent_for_address) {
    return recent_for_email < limit.per_email && recent_for_address < limit.per_address;
}

std::string limit_message(LimitedAction action) {
    switch (action) {
        case LimitedAction::password_reset:
            return "Trop de demandes de réinitialisation pour cette adresse ou depuis votre connexion. Réessayez "
                   "dans une heure ; le dernier lien reçu reste valable 2 heures (pensez aux courriers "
                   "indésirables).";
        case LimitedAction::sign_up:
            return "Trop de créations de compte depuis votre connexion ou pour cette adresse. Réessayez dans une "
                   "heure.";
        case LimitedAction::confirmation_resend:
            return "Trop de demandes de lien pour cette adresse ou depuis votre connexion. Réessayez dans une "
                   "heure ; le dernier lien reçu reste valable 7 jours (pensez aux courriers indésirables).";
    }
    return {};
}

}  // namespace ateliers::accounts
