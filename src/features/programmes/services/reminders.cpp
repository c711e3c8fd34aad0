#include "features/programmes/services/reminders.hpp"

#include <map>
#include <set>

#include "features/programmes/domain/dashboard.hpp"
#include "features/programmes/domain/reminders.hpp"
#include "features/programmes/store/assessments.hpp"
#include "features/programmes/store/dashboard.hpp"
#include "features/programmes/store/programmes.hpp"
#include "features/programmes/store/reminders.hpp"
#include "platform/core/paris_time.hpp"

namespace ateliers::services {

namespace {

// Once per key: records it and queues the mail, or does nothing if it went already.
bool send_once(soci::session& sql, const std::string& key, const Mail& mail, std::int64_t now) {
    if (store::programme_reminder_sent(sql, key)) return false;
    store::record_programme_reminder(sql, key, now);
    enqueue_mail(sql, mail);
    return true;
}

}  // namespace

Result<int> queue_programme_reminders(store::Database& db, std::int64_t now, const MailContext& mail) {
    return store::in_transaction<int>(db, [&](soci::session& sql) -> Result<int> {
        int queued = 0;
        const auto today = paris_time::to_local(now);
        for (const auto& programme : store::list_programmes(sql)) {
            // Who hears about a territory: its team and providers (follow-ups), its providers (reviews).
            std::map<long long, std::set<std::string>> everyone, providers;
            for (const auto& m : store::programme_members(sql, programme.id)) {
                if (!m.territory_id) continue;
                everyone[m.territory_id].insert(m.email);
                if (m.role == "provider") providers[m.territory_id].insert(m.email);
            }
            const std::string base = mail.base_url + "/programmes/" + programme.slug + "/territoires/";
            const long long before = now - static_cast<long long>(programmes::follow_up_overdue_weeks) * 7 * 24 * 3600;
            for (const auto& a : store::programme_stale_actions(sql, programme.id, before)) {
                for (const auto& to : everyone[a.territory_id]) {
                    const auto key = programmes::follow_up_reminder_key(a.action_id, a.updated_at, to);
                    const auto link = base + std::to_string(a.territory_id) + "/plan/actions/" + std::to_string(a.action_id);
                    queued += send_once(sql, key,
                                        compose_mail(to, "Suivi à mettre à jour : « " + a.title + " »", "Bonjour,",
                                                     {"L’action « " + a.title + " » du plan d’accompagnement n’a pas été "
                                                      "suivie depuis le " + paris_time::long_date(a.updated_at) + ".",
                                                      "Indiquez où elle en est : statut, avancement, commentaire."},
                                                     "Mettre à jour le suivi", link),
                                        now);
                }
            }
            for (const auto& t : store::programme_territories(sql, programme.id)) {
                for (int year = 1; year <= programme.years; ++year) {
                    if (!programmes::review_due(programme.starts_year, year, today.year, today.month)) break;
                    if (store::find_assessment(sql, t.id, year)) continue;
                    for (const auto& to : providers[t.id]) {
                        const auto link = base + std::to_string(t.id) + "/bilans/" + std::to_string(year);
                        queued += send_once(sql, programmes::review_reminder_key(t.id, year, to),
                                            compose_mail(to, "Bilan annuel à préparer : " + t.label, "Bonjour,",
                                                         {"Le bilan de l’année " + std::to_string(year) + " du territoire " +
                                                          t.label + " est attendu : cotez de nouveau la grille des "
                                                          "savoir-faire et notez les ajustements du plan."},
                                                         "Ouvrir le bilan", link),
                                            now);
                    }
                }
            }
        }
        return queued;
    });
}

}  // namespace ateliers::services
