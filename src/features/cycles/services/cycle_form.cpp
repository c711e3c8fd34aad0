#include "features/cycles/services/cycle_form.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <regex>

#include "platform/auth/account_rules.hpp"
#include "features/cycles/domain/cycle_format.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/referential/territory_types.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services::cycle_form {

namespace {

using paris_time::CivilDate;

bool parse_date(const std::string& typed, CivilDate& out) {
    const auto parsed = paris_time::parse_civil_date(typed);
    if (parsed) out = *parsed;
    return parsed.has_value();
}

bool parse_time(const std::string& typed, int& hour, int& minute) {
    static const std::regex form(R"(^(\d{1,2})\s*[:hH]\s*(\d{2})?(?::\d{2})?$)");
    const auto s = text::trim(typed);
    std::smatch m;
    if (!std::regex_match(s, m, form)) return false;
    hour = std::stoi(m[1]);
    minute = m[2].matched ? std::stoi(m[2]) : 0;
    return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
}

bool is_web_url(const std::string& s) {
    static const std::regex url(R"(^https?://[^\s/$.?#][^\s]*$)", std::regex::icase);
    return std::regex_match(s, url);
}

bool parse_id(const std::string& s, long long& out) {
    const auto parsed = text::parse_bounded_integer(s, 0, std::numeric_limits<long long>::max());
    if (parsed) out = *parsed;
    return parsed.has_value();
}

// A date and time of the registration window; `default_time` when only the date is typed.
void parse_moment(const std::string& date, const std::string& time, const char* default_time, const std::string& field,
                  const std::string& what, std::int64_t& out, std::map<std::string, std::string>& errors) {
    out = 0;
    if (text::trim(date).empty() && text::trim(time).empty()) return;
    CivilDate d;
    if (!parse_date(date, d)) {
        errors[field + "_date"] = "Indiquez la date " + what + " au format JJ/MM/AAAA.";
        return;
    }
    int h = 0, m = 0;
    const auto t = text::trim(time).empty() ? std::string(default_time) : time;
    if (!parse_time(t, h, m)) {
        errors[field + "_time"] = "Indiquez l’heure " + what + " au format HH:MM, par exemple 09:00.";
        return;
    }
    out = paris_time::to_utc(d.year, d.month, d.day, h, m);
}

}  // namespace

std::string hh_mm(std::int64_t utc) {
    const auto local = paris_time::to_local(utc);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", local.hour, local.minute);
    return buf;
}

std::map<std::string, std::string> parse_cycle(const CycleInput& in, ParsedCycle& out) {
    std::map<std::string, std::string> errors;
    out.title = text::trim(in.title);
    if (out.title.empty()) errors["title"] = "Indiquez le titre du cycle.";
    else if (text::length_in_chars(out.title) > 150) errors["title"] = "Le titre ne doit pas dépasser 150 caractères.";
    out.theme = text::trim(in.theme);
    if (out.theme.empty())
        errors["theme"] = "Indiquez la thématique du cycle, par exemple « Transition écologique ».";
    else if (text::length_in_chars(out.theme) > 100)
        errors["theme"] = "La thématique ne doit pas dépasser 100 caractères.";
    out.summary = text::trim(in.summary);
    if (out.summary.empty())
        errors["summary"] = "Rédigez un résumé de quelques lignes : il apparaît dans le catalogue.";
    else if (text::length_in_chars(out.summary) > 1000)
        errors["summary"] = "Le résumé ne doit pas dépasser 1 000 caractères.";
    out.description = text::trim(in.description);
    if (text::length_in_chars(out.description) > 20000)
        errors["description"] = "La présentation ne doit pas dépasser 20 000 caractères.";

    std::vector<std::string> types;
    for (const auto& t : territory::all_types())
        if (std::find(in.territory_types.begin(), in.territory_types.end(), t.code) != in.territory_types.end())
            types.push_back(t.code);
    for (const auto& t : in.territory_types)
        if (!territory::is_known(t)) errors["territory_types"] = "Type de territoire inconnu : « " + t + " ».";
    out.territory_types = territory::join_codes(types);
    out.region_code = text::trim(in.region_code);

    const auto capacity = text::trim(in.capacity);
    const auto seats = text::parse_bounded_integer(capacity, 1, 200);
    if (!seats)
        errors["capacity"] = "La capacité doit être un nombre entier de places, entre 1 et 200 (15 dans le format).";
    else
        out.capacity = static_cast<int>(*seats);
    if (!registration::parse_mode(in.mode, out.mode))
        errors["mode"] = "Choisissez le mode d’inscription : « Premier arrivé » ou « Sur candidature ».";

    parse_moment(in.opens_date, in.opens_time, "00:00", "opens", "d’ouverture des inscriptions", out.opens_at, errors);
    parse_moment(in.closes_date, in.closes_time, "23:59", "closes", "de clôture des inscriptions", out.closes_at, errors);
    if (out.opens_at > 0 && out.closes_at > 0 && out.closes_at <= out.opens_at)
        errors["closes_date"] = "La clôture des inscriptions doit être postérieure à leur ouverture.";

    const auto choice = text::trim(in.facilitator_choice);
    out.facilitator_name = text::trim(in.new_facilitator_name);
    out.facilitator_bio = text::trim(in.new_facilitator_bio);
    out.facilitator_email = accounts::normalise_email(in.facilitator_email);
    if (choice == "new" || (choice.empty() && !out.facilitator_name.empty())) {
        out.new_facilitator = true;
        if (out.facilitator_name.empty())
            errors["new_facilitator_name"] = "Indiquez le prénom et le nom de l’intervenant à créer.";
        else if (text::length_in_chars(out.facilitator_name) > 120)
            errors["new_facilitator_name"] = "Le nom de l’intervenant ne doit pas dépasser 120 caractères.";
        if (text::length_in_chars(out.facilitator_bio) > 4000)
            errors["new_facilitator_bio"] = "La biographie ne doit pas dépasser 4 000 caractères.";
    } else if (!choice.empty()) {
        if (!parse_id(choice, out.facilitator_id))
            errors["facilitator_choice"] = "Intervenant introuvable : choisissez-le dans la liste.";
        if (!out.facilitator_name.empty())
            errors["new_facilitator_name"] =
                "Pour créer un nouvel intervenant, choisissez « Nouvel intervenant » dans la liste ; sinon, videz ce "
                "champ.";
    }
    if (!out.facilitator_email.empty()) {
        if (!text::is_plausible_email(out.facilitator_email))
            errors["facilitator_email"] = "L’adresse e-mail du compte de l’intervenant n’est pas valide.";
        else if (choice.empty() && out.facilitator_name.empty())
            errors["facilitator_email"] = "Choisissez ou créez d’abord l’intervenant à associer à ce compte.";
    }

    int row = 0;
    for (const auto& s : in.sessions) {
        ++row;
        if (s.blank()) continue;
        const auto n = std::to_string(row);
        const auto key = "session_" + n + "_";
        ParsedSession p;
        if (!text::trim(s.id).empty() && !parse_id(text::trim(s.id), p.id)) {
            errors[key + "date"] = "Séance " + n + " : séance introuvable, rechargez la page.";
            continue;
        }
        CivilDate d;
        int sh = 0, sm = 0, eh = 0, em = 0;
        bool ok = true;
        if (!parse_date(s.date, d)) {
            errors[key + "date"] = "Séance " + n + " : indiquez la date au format JJ/MM/AAAA.";
            ok = false;
        }
        if (!parse_time(s.start, sh, sm)) {
            errors[key + "start"] = "Séance " + n + " : indiquez l’heure de début au format HH:MM.";
            ok = false;
        }
        if (!parse_time(s.end, eh, em)) {
            errors[key + "end"] = "Séance " + n + " : indiquez l’heure de fin au format HH:MM.";
            ok = false;
        }
        p.visio_url = text::trim(s.visio_url);
        if (!p.visio_url.empty() && (!is_web_url(p.visio_url) || p.visio_url.size() > 500)) {
            errors[key + "visio"] = "Séance " + n + " : le lien de visioconférence doit être une adresse web "
                                    "commençant par https://.";
            ok = false;
        }
        if (!ok) continue;
        p.row = row;
        p.starts_at = paris_time::to_utc(d.year, d.month, d.day, sh, sm);
        p.ends_at = paris_time::to_utc(d.year, d.month, d.day, eh, em);
        if (p.ends_at <= p.starts_at) {
            errors[key + "end"] = "Séance " + n + " : l’heure de fin doit suivre l’heure de début.";
            continue;
        }
        out.sessions.push_back(p);
    }
    std::stable_sort(out.sessions.begin(), out.sessions.end(),
                     [](const ParsedSession& a, const ParsedSession& b) { return a.starts_at < b.starts_at; });
    return errors;
}

Failure form_failure(std::map<std::string, std::string> errors, FailureKind kind) {
    const auto n = errors.size();
    Failure f = fail("Le cycle n’a pas été enregistré : " + std::to_string(n) +
                         (n > 1 ? " champs sont à corriger." : " champ est à corriger."),
                     {}, kind);
    if (n == 1) f.field = errors.begin()->first;
    f.fields = std::move(errors);
    return f;
}

std::map<std::string, std::string> past_session_errors(const std::vector<ParsedSession>& sessions,
                                                       const std::map<long long, std::int64_t>& stored,
                                                       std::int64_t now) {
    std::map<std::string, std::string> errors;
    for (const auto& s : sessions) {
        const auto it = stored.find(s.id);
        const std::int64_t before = it == stored.end() ? 0 : it->second;
        if (cycle_format::placed_in_past(s.starts_at, before, now))
            errors["session_" + std::to_string(s.row) + "_date"] = cycle_format::past_session_message(s.row, s.starts_at);
    }
    return errors;
}

Failure field_failure(const std::string& field, const std::string& message, FailureKind kind) {
    Failure f = fail(message, field, kind);
    f.fields[field] = message;
    return f;
}

std::vector<std::string> warnings_for(const std::vector<registration::Interval>& sessions, std::int64_t closes_at) {
    auto out = cycle_format::warnings(sessions);
    if (!sessions.empty() && closes_at > 0) {
        std::int64_t first = sessions.front().starts_at;
        for (const auto& s : sessions) first = std::min(first, s.starts_at);
        if (closes_at > first)
            out.push_back("Les inscriptions ferment après le début de la première séance.");
    }
    return out;
}

std::vector<registration::Interval> intervals(const std::vector<ParsedSession>& sessions) {
    std::vector<registration::Interval> out;
    for (const auto& s : sessions) out.push_back({s.starts_at, s.ends_at});
    return out;
}

std::vector<registration::Interval> intervals(const std::vector<store::SessionRow>& sessions) {
    std::vector<registration::Interval> out;
    for (const auto& s : sessions) out.push_back({s.starts_at, s.ends_at});
    return out;
}

}  // namespace ateliers::services::cycle_form
