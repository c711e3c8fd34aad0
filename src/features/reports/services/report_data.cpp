#include "features/reports/services/report_data.hpp"

#include <algorithm>

#include "platform/auth/account_rules.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services::report_data {

std::vector<Participation> participations(soci::session& sql, long long cycle_id) {
    return store::report_participations(sql, cycle_id);
}

std::vector<SessionFacts> sessions(soci::session& sql, long long cycle_id) {
    return store::report_sessions(sql, cycle_id);
}

std::vector<LeadFacts> leads(soci::session& sql, long long cycle_id) { return store::report_leads(sql, cycle_id); }

std::vector<FeedbackFacts> feedback(soci::session& sql, long long cycle_id) {
    return store::report_feedback(sql, cycle_id);
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
