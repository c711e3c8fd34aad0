#pragma once
// The programmes' pages: the programme (public part and, for the ANCT, each territory's
// stage) and a territory's diagnostic form, one fieldset per family of the grid.
#include <string>

#include "platform/files/file_storage.hpp"
#include "platform/http/app.hpp"
#include "platform/http/forms.hpp"

namespace ateliers::web::programmes_pages {

// programme_pages.cpp
Response programme_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);

// diagnostic_pages.cpp: the diagnostic (year 0) or an annual review's rating (years 1..3)
Response diagnostic_form(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                         long long territory_id, int year);
// Sent as multipart/form-data: each criterion may get evidence files (`storage` keeps them).
Response diagnostic_submit(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                           const std::string& slug, long long territory_id, int year, const files::FileStorage& storage);
// An evidence file, for whoever may read the territory's workspace.
Response evidence_download(const App& app, Visitor& visitor, const files::FileStorage& storage, const std::string& slug,
                           long long territory_id, long long evidence_id);

// review_pages.cpp: an annual review (comparison chart and table, successes, adjustments)
Response review_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                     long long territory_id, int year);
Response review_adjustment(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                           const std::string& slug, long long territory_id, int year);
// member_pages.cpp: the programme's members (ANCT only)
Response members_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response member_invite(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug);
Response member_revoke(const App& app, const Request& req, Visitor& visitor, const std::string& slug, long long member_id);
// exchange_pages.cpp: CSV export and import of actions, the territory's dossier
Response territory_actions_csv(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                               long long territory_id);
Response programme_actions_csv(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response programme_actions_xlsx(const App& app, const Request& req, Visitor& visitor, const std::string& slug);
Response plan_import_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, long long territory_id);
Response plan_import(const App& app, const Request& req, Visitor& visitor, const FormFields& form, const std::string& slug,
                     long long territory_id);
// format: "" (the printable page), "pdf" or "docx"
Response dossier_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, long long territory_id,
                      const std::string& format);
// territory_pages.cpp: supervision notes
Response supervision_note_add(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                              const std::string& slug, long long territory_id);

// territory_pages.cpp: the territory's workspace (links to its diagnostic, plan, reviews…)
Response territory_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                        long long territory_id);

// plan_pages.cpp: the three-year plan, its actions and their follow-ups
Response plan_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug, long long territory_id);
Response plan_adopt(const App& app, const Request& req, Visitor& visitor, const std::string& slug, long long territory_id);
Response plan_action_new(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                         long long territory_id);
Response plan_action_create(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                            const std::string& slug, long long territory_id);
Response plan_action_page(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                          long long territory_id, long long action_id);
Response plan_action_edit(const App& app, const Request& req, Visitor& visitor, const std::string& slug,
                          long long territory_id, long long action_id);
Response plan_action_update(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                            const std::string& slug, long long territory_id, long long action_id);
Response plan_follow_up(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                        const std::string& slug, long long territory_id, long long action_id);
Response plan_action_project(const App& app, const Request& req, Visitor& visitor, const FormFields& form,
                             const std::string& slug, long long territory_id, long long action_id);

}  // namespace ateliers::web::programmes_pages
