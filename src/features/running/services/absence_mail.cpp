#include "features/running/services/absence_mail.hpp"

#include <nlohmann/json.hpp>

#include "platform/core/paris_time.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {

std::string when(std::int64_t utc_seconds) {
    return paris_time::long_date(utc_seconds) + " à " + paris_time::time_of_day(utc_seconds);
}

std::vector<std::string> phase_titles(soci::session& sql, long long session_id) {
    std::string phases;
    soci::indicator ind = soci::i_null;
    sql << "SELECT phases FROM session_plans WHERE session_id = :s", soci::use(session_id), soci::into(phases, ind);
    std::vector<std::string> out;
    if (!sql.got_data() || ind != soci::i_ok) return out;
    const auto json = nlohmann::json::parse(phases, nullptr, false);
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
    long long situations = 0;
    sql << "SELECT COUNT(*) FROM session_groups WHERE session_id = :s AND is_client = 1", soci::use(session.id),
        soci::into(situations);
    f.situations = static_cast<int>(situations);
    const long long registration_id = participant.registration_id;
    soci::rowset<soci::row> group =
        (sql.prepare << "SELECT g.registration_id, u.full_name FROM session_groups g "
                        "JOIN registrations r ON r.id = g.registration_id JOIN users u ON u.id = r.user_id "
                        "WHERE g.session_id = :s AND g.is_client = 1 AND g.group_number = "
                        "(SELECT group_number FROM session_groups WHERE session_id = :s2 AND registration_id = :r)",
         soci::use(session.id, "s"), soci::use(session.id, "s2"), soci::use(registration_id, "r"));
    for (const auto& row : group) {
        if (store::as_int(row, 0) == registration_id) f.was_client = true;
        else f.group_client = store::as_text(row, 1);
    }
    if (index + 1 < sessions.size()) {
        const auto& next = sessions[index + 1];
        f.next_number = next.number;
        f.next_when = when(next.starts_at);
        f.next_visio_url = next.visio_url;
    }
    soci::row who;
    sql << "SELECT f.full_name, COALESCE(u.email, '') FROM facilitators f LEFT JOIN users u ON u.id = f.user_id "
           "WHERE f.id = :f",
        soci::use(cycle.facilitator_id), soci::into(who);
    if (sql.got_data()) {
        f.facilitator_name = store::as_text(who, 0);
        f.facilitator_email = store::as_text(who, 1);
    }
    soci::rowset<soci::row> contacts = (sql.prepare << "SELECT email FROM contacts ORDER BY sort_order, id");
    for (const auto& c : contacts) {
        f.contact_email = store::as_text(c, 0);
        break;
    }
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
