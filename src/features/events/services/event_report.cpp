#include "features/events/services/event_report.hpp"

#include <algorithm>
#include <map>

#include "features/events/domain/programme_rules.hpp"
#include "features/events/domain/questionnaire_rules.hpp"
#include "features/feedback/domain/feedback_rules.hpp"
#include "features/events/services/event_programme.hpp"
#include "features/events/store/event_report.hpp"
#include "features/registration/services/registration_admin.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

namespace {

constexpr const char* unknown_region = "Région non renseignée";
constexpr const char* unknown_departement = "Département non renseigné";
constexpr const char* unknown_territory = "Territoire non renseigné";

using Tally = std::map<std::string, EventReportLine>;

void tally_add(Tally& tally, const std::string& label, bool came) {
    auto& line = tally[label];
    line.label = label;
    ++line.registered;
    if (came) ++line.came;
}

void tally_add(EventReportLine& line, bool came) {
    ++line.registered;
    if (came) ++line.came;
}

bool unknown(const std::string& label) { return label.find("non renseign") != std::string::npos; }

std::vector<EventReportLine> ordered(const Tally& tally) {
    std::vector<EventReportLine> out;
    for (const auto& [label, line] : tally) out.push_back(line);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (unknown(a.label) != unknown(b.label)) return unknown(b.label);
        if (a.registered != b.registered) return a.registered > b.registered;
        return text::fold_for_search(a.label) < text::fold_for_search(b.label);
    });
    return out;
}

std::string organisation_kind_label(const std::string& code) {
    events::OrganisationKind k;
    return events::parse_organisation_kind(code, k) ? events::organisation_kind_label(k) : code;
}

std::string percent(int part, int whole) { return whole ? std::to_string((100 * part + whole / 2) / whole) + " %" : "–"; }

spreadsheet::Table lines_table(const std::string& name, const std::string& header, const std::vector<EventReportLine>& lines) {
    spreadsheet::Table t{name, {header, "Inscrit·es", "Venu·es", "Taux de présence"}, {}};
    for (const auto& l : lines)
        t.rows.push_back({l.label, std::to_string(l.registered), std::to_string(l.came), percent(l.came, l.registered)});
    return t;
}

}  // namespace

Result<EventReport> event_report(store::Database& db, const std::string& slug) {
    auto programme = event_programme(db, slug, true);
    if (!programme) return programme.failure();
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<EventReport> {
            EventReport out;
            const auto& p = programme.value();
            out.event = p.event;
            Tally regions, departements, territories, kinds;
            const auto people = store::event_attendance_facts(sql, p.event.id);
            for (const auto& f : people) {
                tally_add(out.total, f.checked_in);
                tally_add(f.attendance == "online" ? out.online : out.in_person, f.checked_in);
                tally_add(regions, f.region_name.empty() ? unknown_region : f.region_name, f.checked_in);
                tally_add(departements,
                      f.departement_code.empty() ? unknown_departement
                                                 : (f.departement_name.empty() ? std::string("Département")
                                                                               : f.departement_name) +
                                                       " (" + f.departement_code + ")",
                      f.checked_in);
                tally_add(territories,
                      f.size_class.empty() ? unknown_territory
                                           : territory_kind_label(territory_kind(f.size_class, f.zone)),
                      f.checked_in);
                tally_add(kinds, organisation_kind_label(f.organisation_kind), f.checked_in);
            }
            out.regions = ordered(regions);
            out.departements = ordered(departements);
            out.territory_kinds = ordered(territories);
            out.organisation_kinds = ordered(kinds);
            int asked = 0;
            for (const auto& f : people)
                if (events::asked_to_answer({true, f.checked_in, f.attendance == "online"}, out.total.came > 0)) ++asked;
            out.questionnaire = questionnaire_report(sql, p.event, asked);
            std::map<long long, store::WorkshopAttendanceFacts> facts;
            for (const auto& w : store::workshop_attendance_facts(sql, p.event.id)) facts[w.item_id] = w;
            for (const auto& day : p.days)
                for (const auto& entry : day.entries)
                    if (entry.slot)
                        for (const auto& w : entry.slot->workshops) {
                            const auto f = facts[w.item.id];
                            out.workshops.push_back({entry.slot->slot.title + " (" + day.date + ")", w.item.title,
                                                     w.item.capacity, f.held, f.checked_in, f.present});
                        }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

std::vector<spreadsheet::Table> event_report_tables(const EventReport& r) {
    std::vector<spreadsheet::Table> out;
    out.push_back(lines_table("Synthèse", "Participation", {r.total, r.in_person, r.online}));
    out.push_back(lines_table("Types d’organisation", "Type d’organisation", r.organisation_kinds));
    out.push_back(lines_table("Régions", "Région", r.regions));
    out.push_back(lines_table("Départements", "Département", r.departements));
    out.push_back(lines_table("Types de territoire", "Type de territoire", r.territory_kinds));
    spreadsheet::Table w{"Ateliers", {"Créneau", "Atelier", "Capacité", "Places tenues", "Dont accueilli·es", "Présent·es dans l’atelier"}, {}};
    for (const auto& x : r.workshops)
        w.rows.push_back({x.slot, x.title, x.capacity ? std::to_string(*x.capacity) : std::string("sans limite"),
                          std::to_string(x.held), std::to_string(x.checked_in), std::to_string(x.present)});
    out.push_back(std::move(w));
    const auto& q = r.questionnaire;
    const auto& s = q.summary;
    spreadsheet::Table avis{"Avis", {"Question", "Réponse", "Nombre"}, {}};
    avis.rows.push_back({"Questionnaire", "Personnes interrogées", std::to_string(s.asked)});
    avis.rows.push_back({"Questionnaire", "Réponses", std::to_string(s.answers)});
    avis.rows.push_back({"Questionnaire", "Taux de réponse", percent(s.answers, s.asked)});
    avis.rows.push_back({"Note globale", "Moyenne", events::rating_text(s.average_rating)});
    for (int level = 5; level >= 1; --level)
        avis.rows.push_back({"Note globale", std::to_string(level) + " – " + feedback::satisfaction_label(level),
                             std::to_string(s.ratings[level - 1])});
    for (const auto& code : events::next_step_codes()) {
        const auto it = s.next_steps.find(code);
        avis.rows.push_back({"Et après ?", events::next_step_label(code), std::to_string(it == s.next_steps.end() ? 0 : it->second)});
    }
    out.push_back(std::move(avis));
    spreadsheet::Table useful{"Atelier le plus utile", {"Atelier", "Mentions"}, {}};
    for (const auto& [label, n] : q.useful) useful.rows.push_back({label, std::to_string(n)});
    out.push_back(std::move(useful));
    spreadsheet::Table comments{"Commentaires", {"Commentaire"}, {}};
    for (const auto& c : s.comments) comments.rows.push_back({c});
    out.push_back(std::move(comments));
    return out;
}

}  // namespace ateliers::services
