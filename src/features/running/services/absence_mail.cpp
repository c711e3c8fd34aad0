#include "features/running/services/absence_mail.hpp"

#include <nlohmann/json.hpp>

#include "platform/core/paris_time.hpp"
#include "features/running/store/absence_facts.hpp"

namespace ateliers::services {

namespace {

std::string when(std::int64_t utc_seconds) {
    return paris_time::long_date(utc_seconds) + " à " + paris_time::time_of_day(utc_seconds);
}

std::vector<std::string> phase_titles(soci::session& sql, long long session_id) {
    const auto phases = store::session_plan_phases(sql, session_id);
    std::vector<std::string> out;
    if (!phases) return out;
    const auto json = nlohmann::json::parse(*phases, nullptr, false);
    if (!json.is_array()) return out;
    for (const auto& phase : json)
        if (phase.is_object() && phase.contains("title") && phase["title"].is_string())
            out.push_back(phase["title"].get<std::string>());
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " et " : ", ") + items[i];
    return out;
}

}  // namespace

AbsenceMailFacts absence_mail_facts(soci::session& sql, const store::CycleRow& cycle,
                                    const std::vector<store::SessionRow>& sessions, std::size_t index,
                                    const store::ParticipantRow& participant) {
    AbsenceMailFacts f;
    const auto& session = sessions[index];
    f.recipient = participant.email;
    f.full_name = participant.full_name;
    f.cycle_title = cycle.title;
    f.session_number = session.number;
    f.session_when = when(session.starts_at);
    f.phase_titles = phase_titles(sql, session.id);
    f.situations = store::session_client_count(sql, session.id);
    const long long registration_id = participant.registration_id;
    for (const auto& client : store::clients_of_group_of(sql, session.id, registration_id)) {
        if (client.registration_id == registration_id) f.was_client = true;
        else f.group_client = client.full_name;
    }
    if (index + 1 < sessions.size()) {
        const auto& next = sessions[index + 1];
        f.next_number = next.number;
        f.next_when = when(next.starts_at);
        f.next_visio_url = next.visio_url;
    }
    if (const auto who = store::facilitator_contact(sql, cycle.facilitator_id)) {
        f.facilitator_name = who->full_name;
        f.facilitator_email = who->email;
    }
    if (auto contact = store::first_contact_email(sql)) f.contact_email = std::move(*contact);
    return f;
}

Mail absence_mail(const AbsenceMailFacts& f, const MailContext& mail) {
    const std::string cycle = "« " + f.cycle_title + " »";
    std::vector<std::string> paragraphs;
    paragraphs.push_back("Vous nous avez manqué lors de la séance " + std::to_string(f.session_number) +
                         " du cycle d’ateliers " + cycle + ", le " + f.session_when +
                         ". Nous espérons que tout va bien de votre côté.");
    std::string did;
    if (!f.phase_titles.empty()) did = "Au programme de cette séance : " + joined(f.phase_titles) + ". ";
    if (f.situations > 0)
        did += "En petits groupes, les participants ont travaillé, selon la méthode du co-développement, sur " +
               (f.situations > 1 ? std::to_string(f.situations) + " situations concrètes"
                                 : std::string("une situation concrète")) +
               " apportées par des membres du cycle.";
    else if (f.phase_titles.empty())
        did += "Le groupe a partagé des éclairages sur le thème du cycle, puis travaillé en petits groupes sur des "
               "situations concrètes apportées par les participants.";
    if (!f.group_client.empty())
        did += " Votre groupe s’est penché sur la situation de " + f.group_client + ".";
    paragraphs.push_back(did);
    const std::string facilitator = f.facilitator_name.empty() ? "l’intervenant du cycle" : f.facilitator_name;
    if (f.was_client)
        paragraphs.push_back("Votre propre situation devait être étudiée par votre groupe ce jour-là : parlez-en à " +
                             facilitator + ", qui veillera à lui trouver une place lors d’une prochaine séance si "
                             "c’est possible.");
    if (f.next_number > 0) {
        paragraphs.push_back("La prochaine séance, la séance " + std::to_string(f.next_number) + ", aura lieu le " +
                             f.next_when + " en visioconférence. Le groupe compte sur vous : vos questions et votre "
                             "expérience enrichissent les échanges.");
        // A paragraph of its own, so that no punctuation sticks to the link.
        if (!f.next_visio_url.empty()) paragraphs.push_back("Lien de connexion : " + f.next_visio_url);
    } else {
        paragraphs.push_back("C’était la dernière séance du cycle : vos idées et vos pistes d’action restent les "
                             "bienvenues, et vous pouvez les noter dans votre espace.");
    }
    if (f.next_number > 0) {
        std::string warn = "Si un empêchement vous retient une prochaine fois, prévenez " + facilitator;
        if (!f.facilitator_email.empty()) warn += " (" + f.facilitator_email + ")";
        else if (!f.contact_email.empty()) warn += " ou l’équipe des ateliers (" + f.contact_email + ")";
        warn += " avant la séance : votre absence sera notée comme excusée et les groupes seront composés sans vous, "
                "pour que chacun profite pleinement du temps d’échange.";
        paragraphs.push_back(warn);
    }
    paragraphs.push_back("Au plaisir de vous retrouver,");
    return compose_mail(f.recipient, "Vous nous avez manqué – séance " + std::to_string(f.session_number) + " – " +
                                         f.cycle_title,
                        "Bonjour " + f.full_name + ",", paragraphs, "Voir mon espace", mail.base_url + "/espace");
}

}  // namespace ateliers::services
