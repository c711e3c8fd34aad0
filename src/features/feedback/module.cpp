#include "features/feedback/module.hpp"

#include "features/feedback/services/personal_data.hpp"
#include "features/feedback/services/feedback_invitations.hpp"
#include "features/feedback/web/feedback_routes.hpp"

namespace ateliers::feedback {

modules::Module module() {
    modules::Module m;
    m.name = "feedback";
    m.pages = web::feedback_route;
    m.jobs.push_back({"questionnaires", [](store::Database& db, std::int64_t now, const services::MailContext& mail) {
                          return jobs::queue_feedback_invitations(db, now, mail);
                      }});
    m.nav.push_back({40, "Idées de thèmes", "/idees", modules::NavEntry::Audience::signed_in});
    m.personal_data.push_back(services::feedback_personal_data());
    return m;
}

}  // namespace ateliers::feedback
