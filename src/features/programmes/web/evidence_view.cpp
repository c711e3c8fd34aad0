#include "features/programmes/web/evidence_view.hpp"

#include "features/programmes/web/page_support.hpp"
#include "platform/files/upload_rules.hpp"

namespace ateliers::web::programmes_pages {

std::string evidence_file_path(const std::string& slug, long long territory_id, long long evidence_id) {
    return territory_path(slug, territory_id) + "/preuves/" + std::to_string(evidence_id);
}

nlohmann::json evidence_files_view(const services::AssessmentView& v, long long criterion_id) {
    nlohmann::json out = nlohmann::json::array();
    const auto found = v.evidence_files.find(criterion_id);
    if (found == v.evidence_files.end()) return out;
    for (const auto& f : found->second)
        out.push_back({{"id", f.id},
                       {"name", f.original_name},
                       {"href", evidence_file_path(v.programme.slug, v.territory.id, f.id)},
                       {"detail", files::format_and_size_label(f.media_type, f.size_bytes)}});
    return out;
}

nlohmann::json dossier_evidence_view(const services::AssessmentView& v, const std::string& base_url) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : v.grid.criteria) {
        const auto answer = v.answers.find(c.id);
        const std::string text = answer == v.answers.end() ? std::string() : answer->second.evidence;
        auto files = evidence_files_view(v, c.id);
        if (text.empty() && files.empty()) continue;
        for (auto& f : files) f["url"] = base_url + f["href"].get<std::string>();
        out.push_back({{"criterion", c.title}, {"text", text}, {"files", files}, {"has_files", !files.empty()}});
    }
    return out;
}

}  // namespace ateliers::web::programmes_pages
