#include "features/events/services/event_roster.hpp"

#include <algorithm>

#include "features/events/domain/programme_rules.hpp"

namespace ateliers::services {

namespace {

std::string choice_text(const store::ChoiceRow& c, const std::string& title) {
    if (c.status == "held") return title;
    if (c.status == "waiting") return title + " (liste d’attente)";
    return title + " (souhait)";
}

std::string kind_label(const std::string& code) {
    events::OrganisationKind k;
    return events::parse_organisation_kind(code, k) ? events::organisation_kind_label(k) : code;
}

}  // namespace

Result<EventRoster> event_roster(store::Database& db, const std::string& slug, const std::string& attendance) {
    auto programme = event_programme(db, slug, true);
    if (!programme) return programme.failure();
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<EventRoster> {
            EventRoster out;
            out.programme = std::move(programme.value());
            for (auto& r : store::event_registrations(sql, out.programme.event.id, false)) {
                ++(r.attendance == "online" ? out.online : out.in_person);
                if (!attendance.empty() && r.attendance != attendance) continue;
                EventRosterLine line{r, {}};
                for (auto& c : store::registration_choices(sql, r.id)) line.choices[c.slot_id] = c;
                out.lines.push_back(std::move(line));
            }
            return out;
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

std::vector<spreadsheet::Table> event_roster_tables(const EventRoster& roster) {
    std::map<long long, std::string> titles;
    std::vector<const ProgrammeSlot*> slots;
    for (const auto& day : roster.programme.days)
        for (const auto& entry : day.entries)
            if (entry.slot) {
                slots.push_back(&*entry.slot);
                for (const auto& w : entry.slot->workshops) titles[w.item.id] = w.item.title;
            }
    spreadsheet::Table all;
    all.sheet_name = "Inscrits";
    all.headers = {"Nom", "Courriel", "Organisation", "Type d’organisation", "Fonction", "Participation", "Repas",
                   "Accessibilité", "Statut"};
    for (const auto* s : slots) all.headers.push_back(s->slot.title);
    for (const auto& line : roster.lines) {
        const auto& r = line.registration;
        std::vector<std::string> row{r.full_name, r.email, r.organisation, kind_label(r.organisation_kind), r.function_title,
                                     r.attendance == "online" ? "En ligne" : "Sur place", r.meals, r.accessibility,
                                     r.status == "confirmed" ? "Inscrit·e" : "Liste d’attente"};
        for (const auto* s : slots) {
            const auto c = line.choices.find(s->slot.id);
            row.push_back(c == line.choices.end() ? "Je ne sais pas encore" : choice_text(c->second, titles[c->second.item_id]));
        }
        all.rows.push_back(std::move(row));
    }
    std::vector<spreadsheet::Table> out{all};
    for (const auto* s : slots)
        for (const auto& w : s->workshops) {
            spreadsheet::Table t;
            t.sheet_name = w.item.title;
            t.headers = {"Nom", "Organisation", "Fonction", "Place"};
            std::vector<std::pair<long long, std::vector<std::string>>> waiting;
            for (const auto& line : roster.lines) {
                const auto c = line.choices.find(s->slot.id);
                if (c == line.choices.end() || c->second.item_id != w.item.id) continue;
                const auto& r = line.registration;
                if (c->second.status == "held")
                    t.rows.push_back({r.full_name, r.organisation, r.function_title, "Inscrit·e"});
                else if (c->second.status == "waiting")
                    waiting.push_back({c->second.arrival, {r.full_name, r.organisation, r.function_title, "Liste d’attente"}});
            }
            std::stable_sort(waiting.begin(), waiting.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (auto& [arrival, row] : waiting) t.rows.push_back(std::move(row));
            out.push_back(std::move(t));
        }
    return out;
}

}  // namespace ateliers::services
