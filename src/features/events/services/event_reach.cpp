#include "features/events/services/event_reach.hpp"

#include <limits>
#include <map>
#include <set>

#include "features/events/store/event_reach.hpp"
#include "features/registration/services/registration_admin.hpp"

namespace ateliers::services {

namespace {

struct KindTally {
    std::set<long long> registered, present;
    std::set<std::string> collectivites;
};

std::string count_text(std::size_t n) { return std::to_string(n); }

}  // namespace

modules::ReportSection event_report_section(soci::session& sql, const modules::ReportPeriod& period, std::int64_t now) {
    const auto from = period.from.value_or(std::numeric_limits<std::int64_t>::min());
    const auto to = period.to.value_or(std::numeric_limits<std::int64_t>::max());
    modules::ReportSection s;
    s.id = "evenements";
    s.kind = "Événements";
    s.title = "Événements";
    s.intro = "Les événements publiés qui commencent dans la période : inscriptions confirmées et personnes "
              "présentes (émargées à l’accueil), selon le territoire dont elles viennent.";
    const auto counts = store::event_period_count(sql, from, to, now);
    std::set<long long> registered, present;
    std::set<std::string> collectivites;
    std::map<std::string, KindTally> kinds;
    for (const auto& f : store::event_reach_facts(sql, from, to)) {
        registered.insert(f.user_id);
        if (f.checked_in) present.insert(f.user_id);
        const auto kind = f.collectivite_id.empty() ? std::string("non_renseigne") : territory_kind(f.size_class, f.zone);
        auto& k = kinds[kind];
        k.registered.insert(f.user_id);
        if (f.checked_in) k.present.insert(f.user_id);
        if (!f.collectivite_id.empty()) {
            k.collectivites.insert(f.collectivite_id);
            collectivites.insert(f.collectivite_id);
        }
    }
    s.figures = {{"Événements tenus", count_text(static_cast<std::size_t>(counts.held)),
                  "sur " + std::to_string(counts.events) + " publié(s) dans la période"},
                 {"Personnes inscrites", count_text(registered.size()), "inscriptions confirmées, personnes distinctes"},
                 {"Personnes présentes", count_text(present.size()), "émargées à l’accueil"},
                 {"Collectivités", count_text(collectivites.size()), "d’où viennent les inscrits"}};
    modules::ReportTable t{"Événements : inscrits et présents par type de territoire",
                           {"Type de territoire", "Personnes inscrites", "Personnes présentes", "Collectivités"},
                           {}};
    for (const auto& [code, k] : kinds)
        t.rows.push_back({code == "non_renseigne" ? std::string("Non renseigné") : territory_kind_label(code),
                          count_text(k.registered.size()), count_text(k.present.size()),
                          count_text(k.collectivites.size())});
    s.tables.push_back(std::move(t));
    s.reached.assign(collectivites.begin(), collectivites.end());
    return s;
}

std::vector<modules::TerritoryParticipation> event_territory_activity(soci::session& sql,
                                                                      const std::vector<std::string>& collectivite_ids) {
    // One line per event and collectivité, naming everyone who came from it.
    std::map<std::pair<std::string, std::string>, modules::TerritoryParticipation> lines;
    std::map<std::pair<std::string, std::string>, std::pair<int, int>> present;  // checked in, of registered
    for (const auto& id : collectivite_ids)
        for (const auto& r : store::event_territory_rows(sql, id)) {
            auto& p = lines[{r.slug, id}];
            if (p.offer.empty()) {
                p.kind = "event";
                p.kind_label = "Événements";
                p.collectivite_id = id;
                p.offer = r.title;
                p.href = "/admin/evenements/" + r.slug;
                p.starts_at = r.starts_at;
                p.ends_at = r.ends_at;
            }
            std::string who = r.full_name;
            if (!r.function_title.empty()) who += " (" + r.function_title + ")";
            who += r.checked_in ? " – présent(e)" : " – inscrit(e), non émargé(e)";
            if (r.workshops_present > 0) who += ", " + std::to_string(r.workshops_present) + " atelier(s)";
            p.people.push_back(std::move(who));
            auto& n = present[{r.slug, id}];
            ++n.second;
            if (r.checked_in) ++n.first;
        }
    std::vector<modules::TerritoryParticipation> out;
    for (auto& [key, p] : lines) {
        const auto [came, registered] = present[key];
        p.outcomes.push_back(std::to_string(registered) + " inscrit(s), " + std::to_string(came) + " présent(s)");
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace ateliers::services
