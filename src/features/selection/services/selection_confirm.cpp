// Confirming a round: seats, waiting lists, closed applications, and everyone's e-mail.
#include <algorithm>

#include "features/registration/services/registration_mail.hpp"
#include "features/registration/store/waiting_list.hpp"
#include "features/selection/services/round_reading.hpp"
#include "features/selection/services/selection_rounds.hpp"
#include "features/selection/store/rounds.hpp"
#include "platform/audit/audit.hpp"

namespace ateliers::services {

namespace {

std::string cycle_line(const RoundCycle& c, const std::string& first_session) {
    return "« " + c.cycle.title + " »" + (first_session.empty() ? "" : " (première séance le " + first_session + ")");
}

Mail selected_mail(const RoundApplicant& a, const RoundCycle& c, const std::string& first_session, bool had_others,
                   const MailContext& mail) {
    std::vector<std::string> paragraphs{
        "Bonne nouvelle : votre candidature au cycle d’ateliers " + cycle_line(c, first_session) + " est retenue.",
        "Vous recevrez un rappel deux jours puis une heure avant chaque séance, avec le lien de la visioconférence. "
        "Vous pouvez ajouter les séances à votre agenda depuis votre espace."};
    if (had_others)
        paragraphs.push_back("Une seule place pouvant être attribuée par personne dans cette vague, vos autres "
                             "candidatures sont closes.");
    paragraphs.push_back("Un empêchement ? Prévenez-nous depuis votre espace pour libérer la place.");
    return compose_mail(a.email, "Candidature retenue – " + c.cycle.title, "Bonjour " + a.full_name + ",", paragraphs,
                        "Voir mon espace", mail.base_url + "/espace");
}

Mail waiting_mail(const RoundApplicant& a, const std::vector<std::pair<std::string, int>>& lists,
                  const MailContext& mail) {
    std::vector<std::string> paragraphs{
        "Merci pour votre candidature. Les places de cette vague ont été attribuées en donnant la priorité aux "
        "petites et moyennes communes et intercommunalités, à une seule personne par collectivité et à l’équilibre "
        "entre élus et agents : nous n’avons pas pu vous proposer de place pour le moment."};
    for (const auto& [title, position] : lists)
        paragraphs.push_back("Vous êtes sur la liste d’attente du cycle « " + title + " », en position " +
                             std::to_string(position) + ".");
    paragraphs.push_back("Si une place se libère, nous vous écrirons aussitôt.");
    return compose_mail(a.email, "Votre candidature aux ateliers : liste d’attente", "Bonjour " + a.full_name + ",",
                        paragraphs, "Voir mon espace", mail.base_url + "/espace");
}

Mail declined_mail(const RoundApplicant& a, const MailContext& mail) {
    return compose_mail(a.email, "Votre candidature aux ateliers", "Bonjour " + a.full_name + ",",
                        {"Merci pour votre candidature. Nous ne pouvons malheureusement pas la retenir pour cette vague.",
                         "D’autres cycles seront proposés : retrouvez-les sur le site et n’hésitez pas à candidater à "
                         "nouveau."},
                        "Voir les cycles", mail.base_url + "/cycles");
}

}  // namespace

Result<ConfirmedRound> confirm_round(store::Database& db, long long actor_id, std::int64_t closes_at,
                                     const std::string& fingerprint, const MailContext& mail) {
    return store::in_transaction<ConfirmedRound>(db, [&](soci::session& sql) -> Result<ConfirmedRound> {
        auto built = rounds::build_proposal(sql, db.dialect(), closes_at, true);
        if (!built) return built.failure();
        const auto& p = built.value();
        if (!p.deadline_passed)
            return rounds::conflict("Les candidatures sont ouvertes jusqu’au " + rounds::deadline_text(closes_at) +
                            " : confirmer maintenant écarterait les candidatures encore à venir.");
        if (!p.adjustment_error.empty()) return rounds::conflict(p.adjustment_error);
        if (p.fingerprint != fingerprint)
            return rounds::conflict("Les candidatures ou les ajustements ont changé depuis que la proposition a été affichée. "
                            "Relisez la nouvelle proposition avant de la confirmer.");

        ConfirmedRound done;
        const long long now = store::now_utc_seconds();
        const long long now_ms = store::now_utc_millis();
        std::vector<std::string> first_sessions;
        for (const auto& c : p.cycles) first_sessions.push_back(first_session_text(sql, c.cycle.id));

        std::vector<std::optional<std::size_t>> seat_of(p.applicants.size());
        for (std::size_t k = 0; k < p.cycles.size(); ++k) {
            auto taken = store::taken_seats(sql, p.cycles[k].cycle.id);
            for (const auto i : p.cycles[k].selected) {
                seat_of[i] = k;
                const auto seat = registration::free_seat(p.cycles[k].cycle.capacity, taken);
                if (!seat) return rounds::conflict("Le cycle « " + p.cycles[k].cycle.title + " » n’a plus de place libre.");
                taken.push_back(*seat);
                const int seat_number = *seat;
                for (const auto& application : p.applicants[i].applications)
                    if (application.cycle == k) {
                        store::seat_selected(sql, application.registration_id, seat_number,
                                             p.applicants[i].profile.collectivite_id, now);
                    }
            }
        }

        // Waiting lists keep the proposal's order: arrival is the queue key (see registration/store/waiting_list.hpp).
        std::vector<std::vector<std::pair<std::string, int>>> lists(p.applicants.size());
        for (std::size_t k = 0; k < p.cycles.size(); ++k) {
            const long long cycle_id = p.cycles[k].cycle.id;
            const long long base = store::arrival_after_waiting_list(sql, cycle_id, now_ms);
            const int already_waiting = store::waiting_count(sql, cycle_id);
            const auto& queue = p.cycles[k].waiting;
            for (std::size_t w = 0; w < queue.size(); ++w) {
                const auto i = queue[w];
                const long long arrival = base + static_cast<long long>(w);
                for (const auto& application : p.applicants[i].applications)
                    if (application.cycle == k) {
                        store::put_on_waiting_list(sql, application.registration_id, arrival, now);
                    }
                lists[i].emplace_back(p.cycles[k].cycle.title, already_waiting + static_cast<int>(w) + 1);
            }
        }

        // Everything still "applied" in the round is closed: choices of selected people, excluded
        // people, choices blocked by a colleague already confirmed, people already seated.
        for (const auto& c : p.cycles) done.declined += store::decline_pending_applications(sql, c.cycle.id, now);

        for (std::size_t i = 0; i < p.applicants.size(); ++i) {
            const auto& a = p.applicants[i];
            if (seat_of[i]) {
                const auto k = *seat_of[i];
                enqueue_mail(sql, selected_mail(a, p.cycles[k], first_sessions[k], a.applications.size() > 1, mail));
                ++done.selected;
            } else if (!lists[i].empty()) {
                enqueue_mail(sql, waiting_mail(a, lists[i], mail));
                ++done.waiting;
            } else {
                enqueue_mail(sql, declined_mail(a, mail));
            }
        }
        record_audit(sql, actor_id, "selection.confirm", "vague:" + std::to_string(closes_at),
                     "Sélection confirmée pour la vague close le " + rounds::deadline_text(closes_at) + " : " +
                         std::to_string(done.selected) + " personne(s) retenue(s), " + std::to_string(done.waiting) +
                         " en liste d’attente");
        return done;
    });
}

}  // namespace ateliers::services
