#include "services/cycle_admin.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>
#include <set>

#include "domain/account_rules.hpp"
#include "domain/cycle_format.hpp"
#include "domain/paris_time.hpp"
#include "domain/territory_types.hpp"
#include "domain/text.hpp"
#include "services/audit.hpp"
#include "services/cycle_admin_facilitators.hpp"
#include "services/registrations.hpp"
#include "store/rows.hpp"

namespace ateliers::services {

namespace {

using store::as_int;
using store::as_text;

// ---------------------------------------------------------------------------
// Parsing the form (pure)

struct ParsedSession {
    long long id = 0;  // 0: new session
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
    std::string visio_url;
};

struct ParsedCycle {
    std::string title, theme, summary, description, territory_types, region_code;
    int capacity = 15;
    registration::Mode mode = registration::Mode::first_come;
    std::int64_t opens_at = 0;   // 0: no bound
    std::int64_t closes_at = 0;  // 0: no bound
    long long facilitator_id = 0;
    bool new_facilitator = false;
    std::string facilitator_name, facilitator_bio, facilitator_email;
    std::vector<ParsedSession> sessions;  // sorted by start
};

struct CivilDate {
    int year = 0, month = 0, day = 0;
};

bool parse_date(const std::string& typed, CivilDate& out) {
    static const std::regex iso(R"(^(\d{4})-(\d{1,2})-(\d{1,2})$)");
    static const std::regex french(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)");
    const auto s = text::trim(typed);
    std::smatch m;
    if (std::regex_match(s, m, iso)) {
        out = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
    } else if (std::regex_match(s, m, french)) {
        out = {std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1])};
    } else {
        return false;
    }
    if (out.year < 2000 || out.year > 2100 || out.month < 1 || out.month > 12 || out.day < 1 || out.day > 31)
        return false;
    // The day must exist in that month: 31/02 would otherwise slip into March.
    const auto days = paris_time::days_from_civil(out.year, out.month, out.day);
    const auto back = paris_time::to_local(days * 86400 + 12 * 3600);
    return back.day == out.day && back.month == out.month;
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

std::string hh_mm(std::int64_t utc) {
    const auto local = paris_time::to_local(utc);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", local.hour, local.minute);
    return buf;
}

bool is_web_url(const std::string& s) {
    static const std::regex url(R"(^https?://[^\s/$.?#][^\s]*$)", std::regex::icase);
    return std::regex_match(s, url);
}

bool parse_id(const std::string& s, long long& out) {
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoll(s);
    return true;
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
    if (capacity.empty() || capacity.size() > 4 || capacity.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(capacity) < 1 || std::stoi(capacity) > 200)
        errors["capacity"] = "La capacité doit être un nombre entier de places, entre 1 et 200 (15 dans le format).";
    else
        out.capacity = std::stoi(capacity);
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

Failure form_failure(std::map<std::string, std::string> errors, int status = 422) {
    const auto n = errors.size();
    Failure f = fail("Le cycle n’a pas été enregistré : " + std::to_string(n) +
                         (n > 1 ? " champs sont à corriger." : " champ est à corriger."),
                     {}, status);
    if (n == 1) f.field = errors.begin()->first;
    f.fields = std::move(errors);
    return f;
}

Failure field_failure(const std::string& field, const std::string& message, int status = 422) {
    Failure f = fail(message, field, status);
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

// ---------------------------------------------------------------------------
// Store helpers (inside the caller's transaction)

std::string unique_slug(soci::session& sql, const std::string& table, const std::string& base, long long exclude_id) {
    for (int n = 1;; ++n) {
        const std::string candidate = n == 1 ? base : base + "-" + std::to_string(n);
        long long taken = 0;
        sql << "SELECT COUNT(*) FROM " + table + " WHERE slug = :s AND id <> :id", soci::use(candidate),
            soci::use(exclude_id), soci::into(taken);
        if (taken == 0) return candidate;
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
        sql << "INSERT INTO facilitators (slug, full_name, bio) VALUES (:s, :n, :b) RETURNING id", soci::use(slug),
            soci::use(p.facilitator_name), soci::use(p.facilitator_bio), soci::into(id);
        record_audit(sql, actor_id, "facilitator.create", "facilitator:" + slug, p.facilitator_name);
    } else if (id > 0) {
        long long found = 0;
        sql << "SELECT COUNT(*) FROM facilitators WHERE id = :f", soci::use(id), soci::into(found);
        if (found == 0)
            return field_failure("facilitator_choice", "Intervenant introuvable : choisissez-le dans la liste.");
    }
    if (auto linked = facilitators::link_account(sql, actor_id, id, p.facilitator_email, current); !linked)
        return linked.failure();
    return id;
}

std::string region_of(soci::session& sql, long long cycle_id) {
    std::string code;
    sql << "SELECT region_code FROM cycles WHERE id = :id", soci::use(cycle_id), soci::into(code);
    return code;
}

Result<Done> check_region(soci::session& sql, const std::string& code) {
    if (code.empty()) return Done{};
    long long found = 0;
    sql << "SELECT COUNT(*) FROM regions WHERE code = :c", soci::use(code), soci::into(found);
    if (found == 0) return field_failure("region_code", "Région inconnue : choisissez-la dans la liste.");
    return Done{};
}

void insert_session(soci::session& sql, long long cycle_id, int number, const ParsedSession& s) {
    sql << "INSERT INTO cycle_sessions (cycle_id, number, starts_at, ends_at, visio_url) VALUES (:c, :n, :s, :e, :v)",
        soci::use(cycle_id), soci::use(number), soci::use(s.starts_at), soci::use(s.ends_at), soci::use(s.visio_url);
}

// Numbers sessions 1..n in chronological order (number is unique per cycle, hence
// the detour through negative values).
void renumber_sessions(soci::session& sql, long long cycle_id) {
    const auto sessions = store::cycle_sessions(sql, cycle_id);
    bool in_order = true;
    for (std::size_t i = 0; i < sessions.size(); ++i)
        if (sessions[i].number != static_cast<int>(i + 1)) in_order = false;
    if (in_order) return;
    sql << "UPDATE cycle_sessions SET number = -number WHERE cycle_id = :c", soci::use(cycle_id);
    int number = 0;
    for (const auto& s : sessions) {
        ++number;
        const long long id = s.id;
        sql << "UPDATE cycle_sessions SET number = :n WHERE id = :id", soci::use(number), soci::use(id);
    }
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
    std::vector<std::pair<std::string, std::string>> recipients;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT u.email, u.full_name FROM registrations r JOIN users u ON u.id = r.user_id "
                        "WHERE r.cycle_id = :c AND r.status IN ('confirmed', 'waiting') ORDER BY r.arrival, r.id",
         soci::use(cycle_id));
    for (const auto& r : rows) recipients.emplace_back(as_text(r, 0), as_text(r, 1));
    for (const auto& [email, name] : recipients)
        enqueue_mail(sql, compose_mail(email, "Modification du cycle – " + title, "Bonjour " + name + ",", paragraphs,
                                       "Voir mon espace", mail.base_url + "/espace"));
    return static_cast<int>(recipients.size());
}

struct Counts {
    int confirmed = 0, waiting = 0, applied = 0;
};

Counts registration_counts(soci::session& sql, long long cycle_id) {
    Counts c;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT status, COUNT(*) FROM registrations WHERE cycle_id = :c GROUP BY status",
         soci::use(cycle_id));
    for (const auto& r : rows) {
        const auto status = as_text(r, 0);
        const int n = static_cast<int>(as_int(r, 1));
        if (status == "confirmed") c.confirmed = n;
        else if (status == "waiting") c.waiting = n;
        else if (status == "applied") c.applied = n;
    }
    return c;
}

Failure cycle_not_found() { return fail("Ce cycle n’existe pas.", {}, 404); }

}  // namespace

bool SessionInput::blank() const {
    return text::trim(date).empty() && text::trim(start).empty() && text::trim(end).empty() &&
           text::trim(visio_url).empty();
}

std::string slugify(const std::string& title) {
    std::string out;
    for (char c : text::fold_for_search(title)) out += c == ' ' ? '-' : c;
    if (out.size() > 80) {
        out.resize(80);
        if (const auto cut = out.rfind('-'); cut != std::string::npos && cut > 20) out.resize(cut);
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "cycle" : out;
}

const char* cycle_status_label(const std::string& status) {
    if (status == "draft") return "Brouillon";
    if (status == "published") return "Publié";
    if (status == "closed") return "Clos";
    return "Inconnu";
}

Result<CycleSaved> create_cycle(store::Database& db, long long actor_id, const CycleInput& input,
                                const MailContext&) {
    ParsedCycle p;
    if (auto errors = parse_cycle(input, p); !errors.empty()) return form_failure(std::move(errors));
    return store::in_transaction<CycleSaved>(db, [&](soci::session& sql) -> Result<CycleSaved> {
        if (auto ok = check_region(sql, p.region_code); !ok) return ok.failure();
        auto facilitator = resolve_facilitator(sql, actor_id, p, 0);
        if (!facilitator) return facilitator.failure();
        const long long facilitator_id = facilitator.value();
        soci::indicator fac_ind = facilitator_id > 0 ? soci::i_ok : soci::i_null;
        soci::indicator opens_ind = p.opens_at > 0 ? soci::i_ok : soci::i_null;
        soci::indicator closes_ind = p.closes_at > 0 ? soci::i_ok : soci::i_null;
        const std::string mode = registration::mode_code(p.mode);
        const long long now = store::now_utc_seconds();
        CycleSaved saved;
        saved.slug = unique_slug(sql, "cycles", slugify(p.title), 0);
        sql << "INSERT INTO cycles (slug, title, theme, summary, description, territory_types, facilitator_id, capacity, "
               "mode, status, registration_opens_at, registration_closes_at, created_at, region_code) VALUES (:slug, "
               ":title, :theme, :summary, :descr, :types, :fac, :cap, :mode, 'draft', :o, :c, :now, :region) "
               "RETURNING id",
            soci::use(saved.slug), soci::use(p.title), soci::use(p.theme), soci::use(p.summary),
            soci::use(p.description), soci::use(p.territory_types), soci::use(facilitator_id, fac_ind),
            soci::use(p.capacity), soci::use(mode), soci::use(p.opens_at, opens_ind),
            soci::use(p.closes_at, closes_ind), soci::use(now), soci::use(p.region_code), soci::into(saved.id);
        int number = 0;
        for (const auto& s : p.sessions) insert_session(sql, saved.id, ++number, s);
        grant_role(sql, linked_user(sql, facilitator_id), saved.slug);
        record_audit(sql, actor_id, "cycle.create", "cycle:" + saved.slug,
                     "« " + p.title + " », " + std::to_string(p.sessions.size()) + " séance(s)");
        saved.warnings = warnings_for(intervals(p.sessions), p.closes_at);
        return saved;
    });
}

Result<CycleSaved> update_cycle(store::Database& db, long long actor_id, const std::string& slug,
                                const CycleInput& input, const MailContext& mail) {
    ParsedCycle p;
    if (auto errors = parse_cycle(input, p); !errors.empty()) return form_failure(std::move(errors));
    return store::in_transaction<CycleSaved>(db, [&](soci::session& sql) -> Result<CycleSaved> {
        const auto cycle = store::find_cycle(sql, db.dialect(), slug, true);
        if (!cycle) return cycle_not_found();
        const bool published = cycle->status == "published";
        const auto counts = registration_counts(sql, cycle->id);
        const int active = counts.confirmed + counts.waiting + counts.applied;
        if (p.mode != cycle->mode && active > 0)
            return field_failure("mode", "Le mode d’inscription ne peut plus être changé : ce cycle a déjà " +
                                             std::to_string(active) + " inscription(s) en cours.");
        if (p.capacity < counts.confirmed)
            return field_failure("capacity", "La capacité ne peut pas être inférieure au nombre d’inscriptions "
                                             "confirmées (" + std::to_string(counts.confirmed) +
                                             ") : refusez ou placez d’abord des personnes en liste d’attente.");
        if (cycle->status != "draft" && p.sessions.empty())
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
                                                        "rechargez la page et recommencez."}},
                                    409);
            kept.insert(s.id);
        }

        // Read before the form relinks anything: this account loses the cycle if it changes.
        const long long old_user = linked_user(sql, cycle->facilitator_id);
        auto facilitator = resolve_facilitator(sql, actor_id, p, cycle->facilitator_id);
        if (!facilitator) return facilitator.failure();
        const long long facilitator_id = facilitator.value();

        CycleSaved saved;
        saved.id = cycle->id;
        saved.slug = cycle->slug;
        if (cycle->status == "draft") {
            // Nobody links to a draft yet: its address follows the title.
            saved.slug = unique_slug(sql, "cycles", slugify(p.title), cycle->id);
            if (saved.slug != cycle->slug) {
                // No cycle has the new slug: a role still scoped to it is left over from a deleted cycle.
                sql << "DELETE FROM user_roles WHERE role = 'facilitator' AND scope = :n", soci::use(saved.slug);
                sql << "UPDATE user_roles SET scope = :n WHERE role = 'facilitator' AND scope = :o",
                    soci::use(saved.slug), soci::use(cycle->slug);
            }
        }
        soci::indicator fac_ind = facilitator_id > 0 ? soci::i_ok : soci::i_null;
        soci::indicator opens_ind = p.opens_at > 0 ? soci::i_ok : soci::i_null;
        soci::indicator closes_ind = p.closes_at > 0 ? soci::i_ok : soci::i_null;
        const std::string mode = registration::mode_code(p.mode);
        const long long cycle_id = cycle->id;
        sql << "UPDATE cycles SET slug = :slug, title = :title, theme = :theme, summary = :summary, "
               "description = :descr, territory_types = :types, facilitator_id = :fac, capacity = :cap, mode = :mode, "
               "registration_opens_at = :o, registration_closes_at = :c, region_code = :region WHERE id = :id",
            soci::use(saved.slug), soci::use(p.title), soci::use(p.theme), soci::use(p.summary),
            soci::use(p.description), soci::use(p.territory_types), soci::use(facilitator_id, fac_ind),
            soci::use(p.capacity), soci::use(mode), soci::use(p.opens_at, opens_ind),
            soci::use(p.closes_at, closes_ind), soci::use(p.region_code), soci::use(cycle_id);

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
                sql << "UPDATE cycle_sessions SET starts_at = :s, ends_at = :e, visio_url = :v, sequence = sequence + 1 "
                       "WHERE id = :id",
                    soci::use(s.starts_at), soci::use(s.ends_at), soci::use(s.visio_url), soci::use(s.id);
            } else if (old.visio_url != s.visio_url) {
                sql << "UPDATE cycle_sessions SET visio_url = :v WHERE id = :id", soci::use(s.visio_url),
                    soci::use(s.id);
            }
        }
        for (const auto& s : before)
            if (!kept.count(s.id)) {
                const long long id = s.id;
                sql << "DELETE FROM cycle_sessions WHERE id = :id", soci::use(id);
                ++removed;
            }
        renumber_sessions(sql, cycle_id);
        saved.sessions_moved = static_cast<int>(changed.size());

        // The facilitator's account acts on this cycle only while they facilitate it.
        const long long new_user = linked_user(sql, facilitator_id);
        if (old_user != new_user) revoke_role(sql, old_user, saved.slug);
        grant_role(sql, new_user, saved.slug);

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
        soci::indicator fac_ind = fac > 0 ? soci::i_ok : soci::i_null;
        const long long opens = source->opens_at, closes = source->closes_at;
        soci::indicator opens_ind = opens > 0 ? soci::i_ok : soci::i_null;
        soci::indicator closes_ind = closes > 0 ? soci::i_ok : soci::i_null;
        const std::string mode = registration::mode_code(source->mode);
        const int capacity = source->capacity;
        const long long now = store::now_utc_seconds();
        sql << "INSERT INTO cycles (slug, title, theme, summary, description, territory_types, facilitator_id, capacity, "
               "mode, status, registration_opens_at, registration_closes_at, created_at, region_code) VALUES (:slug, "
               ":title, :theme, :summary, :descr, :types, :fac, :cap, :mode, 'draft', :o, :c, :now, :region) "
               "RETURNING id",
            soci::use(saved.slug), soci::use(source->title), soci::use(source->theme), soci::use(source->summary),
            soci::use(source->description), soci::use(source->territory_types), soci::use(fac, fac_ind),
            soci::use(capacity), soci::use(mode), soci::use(opens, opens_ind), soci::use(closes, closes_ind),
            soci::use(now), soci::use(region), soci::into(saved.id);
        for (const auto& s : sessions) {
            ParsedSession copy{0, s.starts_at, s.ends_at, s.visio_url};
            insert_session(sql, saved.id, s.number, copy);
        }
        grant_role(sql, linked_user(sql, fac), saved.slug);
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
        if (cycle->status == "published") return fail("Ce cycle est déjà publié.", {}, 409);
        if (cycle->status != "draft") return fail("Ce cycle est clos : il ne peut plus être publié.", {}, 409);
        if (store::cycle_sessions(sql, cycle->id).empty())
            return fail("Ajoutez au moins une séance avant de publier le cycle.", {}, 422);
        const long long id = cycle->id;
        sql << "UPDATE cycles SET status = 'published' WHERE id = :id", soci::use(id);
        record_audit(sql, actor_id, "cycle.publish", "cycle:" + cycle->slug, "« " + cycle->title + " »");
        return Done{};
    });
}

Status close_cycle(store::Database& db, long long actor_id, const std::string& slug) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto cycle = store::find_cycle(sql, db.dialect(), slug, true);
        if (!cycle) return cycle_not_found();
        if (cycle->status == "closed") return fail("Ce cycle est déjà clos.", {}, 409);
        if (cycle->status != "published")
            return fail("Seul un cycle publié peut être clos : ce brouillon n’a jamais été publié.", {}, 409);
        const long long id = cycle->id;
        sql << "UPDATE cycles SET status = 'closed' WHERE id = :id", soci::use(id);
        record_audit(sql, actor_id, "cycle.close", "cycle:" + cycle->slug, "« " + cycle->title + " »");
        return Done{};
    });
}

Result<std::optional<CycleEditing>> cycle_for_edit(store::Database& db, const std::string& slug) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> std::optional<CycleEditing> {
            const auto cycle = store::find_cycle(sql, db.dialect(), slug, false);
            if (!cycle) return std::nullopt;
            CycleEditing e;
            e.cycle = *cycle;
            e.region_code = region_of(sql, cycle->id);
            auto& in = e.input;
            in.title = cycle->title;
            in.theme = cycle->theme;
            in.summary = cycle->summary;
            in.description = cycle->description;
            in.territory_types = territory::split_codes(cycle->territory_types);
            in.region_code = e.region_code;
            in.capacity = std::to_string(cycle->capacity);
            in.mode = registration::mode_code(cycle->mode);
            if (cycle->opens_at > 0) {
                in.opens_date = paris_time::iso_date(cycle->opens_at);
                in.opens_time = hh_mm(cycle->opens_at);
            }
            if (cycle->closes_at > 0) {
                in.closes_date = paris_time::iso_date(cycle->closes_at);
                in.closes_time = hh_mm(cycle->closes_at);
            }
            if (cycle->facilitator_id > 0) {
                in.facilitator_choice = std::to_string(cycle->facilitator_id);
                soci::row f;
                const long long fid = cycle->facilitator_id;
                sql << "SELECT f.full_name, COALESCE(u.email, '') FROM facilitators f LEFT JOIN users u ON "
                       "u.id = f.user_id WHERE f.id = :f",
                    soci::use(fid), soci::into(f);
                if (sql.got_data()) {
                    e.facilitator_name = as_text(f, 0);
                    in.facilitator_email = as_text(f, 1);
                }
            }
            const auto sessions = store::cycle_sessions(sql, cycle->id);
            for (const auto& s : sessions)
                in.sessions.push_back({std::to_string(s.id), paris_time::iso_date(s.starts_at), hh_mm(s.starts_at),
                                       hh_mm(s.ends_at), s.visio_url});
            e.warnings = warnings_for(intervals(sessions), cycle->closes_at);
            const auto counts = registration_counts(sql, cycle->id);
            e.confirmed = counts.confirmed;
            e.waiting = counts.waiting;
            e.applied = counts.applied;
            return e;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<FacilitatorOption>> facilitator_options(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<FacilitatorOption> out;
            soci::rowset<soci::row> rows =
                (sql.prepare << "SELECT f.id, f.full_name, COALESCE(u.email, '') FROM facilitators f "
                                "LEFT JOIN users u ON u.id = f.user_id ORDER BY f.full_name, f.id");
            for (const auto& r : rows) out.push_back({as_int(r, 0), as_text(r, 1), as_text(r, 2)});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<RegionOption>> region_options(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<RegionOption> out;
            soci::rowset<soci::row> rows = (sql.prepare << "SELECT code, name FROM regions ORDER BY name");
            for (const auto& r : rows) out.push_back({as_text(r, 0), as_text(r, 1)});
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<std::vector<AdminCycleItem>> admin_cycles(store::Database& db) {
    try {
        return store::with_session(db, [&](soci::session& sql) {
            std::vector<AdminCycleItem> out;
            soci::rowset<soci::row> rows =
                (sql.prepare
                 << "SELECT c.id, c.slug, c.title, c.status, c.theme, COALESCE(f.full_name, ''), c.mode, c.capacity, "
                    "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'confirmed'), "
                    "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'waiting'), "
                    "(SELECT COUNT(*) FROM registrations r WHERE r.cycle_id = c.id AND r.status = 'applied'), "
                    "COALESCE((SELECT MIN(s.starts_at) FROM cycle_sessions s WHERE s.cycle_id = c.id), 0), "
                    "(SELECT COUNT(*) FROM cycle_sessions s WHERE s.cycle_id = c.id) "
                    "FROM cycles c LEFT JOIN facilitators f ON f.id = c.facilitator_id "
                    "ORDER BY CASE c.status WHEN 'draft' THEN 0 WHEN 'published' THEN 1 ELSE 2 END, 12, c.id");
            for (const auto& r : rows) {
                AdminCycleItem c;
                c.id = as_int(r, 0);
                c.slug = as_text(r, 1);
                c.title = as_text(r, 2);
                c.status = as_text(r, 3);
                c.theme = as_text(r, 4);
                c.facilitator_name = as_text(r, 5);
                registration::parse_mode(as_text(r, 6), c.mode);
                c.capacity = static_cast<int>(as_int(r, 7));
                c.confirmed = static_cast<int>(as_int(r, 8));
                c.waiting = static_cast<int>(as_int(r, 9));
                c.applied = static_cast<int>(as_int(r, 10));
                c.first_session_at = as_int(r, 11);
                c.session_count = static_cast<int>(as_int(r, 12));
                out.push_back(std::move(c));
            }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
