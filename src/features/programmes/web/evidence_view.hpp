#pragma once
// The evidence files of an assessment's answers as links: name, format and size, and the
// address that downloads them, where the diagnostic page's rule applies
// (services::evidence_file_download). Used by the diagnostic form and the dossier.
#include <string>

#include <nlohmann/json.hpp>

#include "features/programmes/services/assessments.hpp"

namespace ateliers::web::programmes_pages {

std::string evidence_file_path(const std::string& slug, long long territory_id, long long evidence_id);

// {id, name, href, detail} for each file joined to the criterion's answer.
nlohmann::json evidence_files_view(const services::AssessmentView& v, long long criterion_id);

// The dossier's list: each criterion whose answer has evidence (text, link or files), in
// the grid's order, with its files' `url` made absolute from `base_url` for the PDF and
// DOCX, whose reader is outside the site.
nlohmann::json dossier_evidence_view(const services::AssessmentView& v, const std::string& base_url);

}  // namespace ateliers::web::programmes_pages
