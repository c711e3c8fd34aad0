#include "features/reports/services/report_data.hpp"

#include <algorithm>

#include "platform/auth/account_rules.hpp"
#include "platform/core/text.hpp"
#include "platform/referential/collectivites.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services::report_data {

namespace {

using store::as_int;
using store::as_text;

std::string label_of(const soci::row& r, std::size_t kind_at) {
    store::CollectiviteRow c;
    c.kind = as_text(r, kind_at);
    c.name = as_text(r, kind_at + 1);
    c.epci_type = as_text(r, kind_at + 2);
    c.departement_code = as_text(r, kind_at + 3);
    return store::collectivite_label(c);
}

// One statement for one cycle (:every = 0) or for all of them (:every = 1).
std::string cycle_filter(const char* alias) { return std::string("(:every = 1 OR ") + alias + ".cycle_id = :c)"; }

}  // namespace

std::vector<Participation> participations(soci::session& sql, long long cycle_id) {
    int every = cycle_id == 0 ? 1 : 0;
    std::vector<Participation> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT r.cycle_id, r.id, r.user_id, r.collectivite_id, c.kind, c.name, "
                                    "c.epci_type, c.departement_code, r.mandate, c.size_class, c.zone, c.region_code, "
                                    "COALESCE(g.name, ''), COALESCE(d.name, '') "
                                    "FROM registrations r JOIN collectivites c ON c.id = r.collectivite_id "
                                    "LEFT JOIN regions g ON g.code = c.region_code "
                                    "LEFT JOIN departements d ON d.code = c.departement_code "
                                    "WHERE r.status = 'confirmed' AND ") +
                            cycle_filter("r") + " ORDER BY r.cycle_id, r.id",
         soci::use(every, "every"), soci::use(cycle_id, "c"));
    for (const auto& r : rows) {
        Participation p;
        p.cycle_id = as_int(r, 0);
        p.registration_id = as_int(r, 1);
        p.user_id = as_int(r, 2);
        p.collectivite_id = as_text(r, 3);
        p.collectivite_label = label_of(r, 4);
        p.departement_code = as_text(r, 7);
        p.mandate = as_text(r, 8);
        p.size_class = as_text(r, 9);
        p.zone = as_text(r, 10);
        p.region_code = as_text(r, 11);
        p.region_name = as_text(r, 12);
        p.departement_name = as_text(r, 13);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<SessionFacts> sessions(soci::session& sql, long long cycle_id) {
    int every = cycle_id == 0 ? 1 : 0;
    std::vector<SessionFacts> out;
    // Attendance of confirmed registrations only, so that present ≤ confirmed.
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT s.id, s.cycle_id, s.number, s.starts_at, s.ends_at, "
                                    "SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END), "
                                    "SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END), "
                                    "SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END) "
                                    "FROM cycle_sessions s LEFT JOIN (SELECT a.session_id, a.status FROM attendance a "
                                    "JOIN registrations r ON r.id = a.registration_id WHERE r.status = 'confirmed') a "
                                    "ON a.session_id = s.id WHERE ") +
                            cycle_filter("s") +
                            " GROUP BY s.id, s.cycle_id, s.number, s.starts_at, s.ends_at ORDER BY s.cycle_id, s.starts_at, s.number",
         soci::use(every, "every"), soci::use(cycle_id, "c"));
    for (const auto& r : rows)
        out.push_back({as_int(r, 0), as_int(r, 1), static_cast<int>(as_int(r, 2)), as_int(r, 3), as_int(r, 4),
                       static_cast<int>(as_int(r, 5)), static_cast<int>(as_int(r, 6)), static_cast<int>(as_int(r, 7))});
    return out;
}

std::vector<LeadFacts> leads(soci::session& sql, long long cycle_id) {
    int every = cycle_id == 0 ? 1 : 0;
    std::vector<LeadFacts> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT l.id, s.cycle_id, s.number, l.status, l.body, l.progress_note, c.kind, "
                                    "c.name, c.epci_type, c.departement_code FROM action_leads l "
                                    "JOIN cycle_sessions s ON s.id = l.session_id "
                                    "JOIN registrations r ON r.id = l.registration_id "
                                    "JOIN collectivites c ON c.id = r.collectivite_id WHERE ") +
                            cycle_filter("s") + " ORDER BY s.cycle_id, s.number, l.id",
         soci::use(every, "every"), soci::use(cycle_id, "c"));
    for (const auto& r : rows)
        out.push_back({as_int(r, 0), as_int(r, 1), static_cast<int>(as_int(r, 2)), as_text(r, 3), as_text(r, 4),
                       as_text(r, 5), label_of(r, 6)});
    return out;
}

std::vector<FeedbackFacts> feedback(soci::session& sql, long long cycle_id) {
    int every = cycle_id == 0 ? 1 : 0;
    std::vector<FeedbackFacts> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT r.cycle_id, f.satisfaction, f.usefulness, f.would_recommend, f.comment "
                                    "FROM feedback f JOIN registrations r ON r.id = f.registration_id "
                                    "WHERE r.status = 'confirmed' AND ") +
                            cycle_filter("r") + " ORDER BY f.submitted_at, f.registration_id",
         soci::use(every, "every"), soci::use(cycle_id, "c"));
    for (const auto& r : rows)
        out.push_back({as_int(r, 0), static_cast<int>(as_int(r, 1)), static_cast<int>(as_int(r, 2)),
                       as_int(r, 3) != 0, as_text(r, 4)});
    return out;
}

double percent(long long part, long long whole) {
    return whole <= 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

double average(long long sum, long long n) {
    return n <= 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(n);
}

std::string mandate_label(const std::string& code) {
    accounts::Mandate m;
    if (!accounts::parse_mandate(code, m)) return code.empty() ? "Non renseigné" : code;
    return m == accounts::Mandate::elu ? "Élus" : "Agents";
}

std::string region_label(const Participation& p) {
    return p.region_name.empty() ? "Région non renseignée" : p.region_name;
}

std::string departement_label(const Participation& p) {
    if (p.departement_code.empty()) return "Département non renseigné";
    return (p.departement_name.empty() ? std::string("Département") : p.departement_name) + " (" +
           p.departement_code + ")";
}

bool by_name(const std::string& a, const std::string& b) {
    const auto fa = text::fold_for_search(a), fb = text::fold_for_search(b);
    return fa != fb ? fa < fb : a < b;
}

std::size_t size_class_rank(const std::string& code) {
    static const std::vector<std::string> order{"commune_small", "commune_medium", "commune_large",
                                                "commune_xlarge", "epci_small",    "epci_medium",
                                                "epci_large",    "departement",    "region"};
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), code) - order.begin());
}

std::size_t territory_kind_rank(const std::string& code) {
    static const std::vector<std::string> order{"ruralites",         "petites_villes",       "villes_moyennes", "villes",
                                                "intercommunalites", "departements_regions", "outre_mer"};
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), code) - order.begin());
}

Satisfaction summarise(const std::vector<FeedbackFacts>& answers, int confirmed) {
    Satisfaction s;
    long long satisfaction_sum = 0, usefulness_sum = 0;
    for (const auto& a : answers) {
        ++s.responses;
        satisfaction_sum += a.satisfaction;
        usefulness_sum += a.usefulness;
        if (a.satisfaction >= 1 && a.satisfaction <= 5) ++s.satisfaction_counts[a.satisfaction - 1];
        if (a.usefulness >= 1 && a.usefulness <= 5) ++s.usefulness_counts[a.usefulness - 1];
        if (a.recommend) ++s.recommend;
        if (a.comment.find_first_not_of(" \t\r\n") != std::string::npos) s.comments.push_back(a.comment);
    }
    s.response_rate = percent(s.responses, confirmed);
    s.satisfaction_avg = average(satisfaction_sum, s.responses);
    s.usefulness_avg = average(usefulness_sum, s.responses);
    s.recommend_rate = percent(s.recommend, s.responses);
    return s;
}

}  // namespace ateliers::services::report_data
