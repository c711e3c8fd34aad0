#pragma once
// The e-mail to a participant recorded absent without excuse: warm, short, and
// useful — what the group did, the next session with its video link, and how to
// warn the facilitator next time.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "platform/mail/outbox.hpp"
#include "features/cycles/store/cycles.hpp"
#include "features/registration/store/roster.hpp"

namespace ateliers::services {

struct AbsenceMailFacts {
    std::string recipient;
    std::string full_name;
    std::string cycle_title;
    int session_number = 0;
    std::string session_when;                // "jeudi 14 janvier 2027 à 9 h 30"
    std::vector<std::string> phase_titles;   // the session plan, when one was written
    int situations = 0;                      // groups that had a client at that session
    std::string group_client;                // whose situation the person's group treated (not theirs)
    bool was_client = false;                 // their own situation was planned that day
    int next_number = 0;                     // 0: that was the last session
    std::string next_when;
    std::string next_visio_url;
    std::string facilitator_name;
    std::string facilitator_email;           // the facilitator's account, when linked
    std::string contact_email;               // the programme's first contact, otherwise
};

// Reads the facts for `participant` missing sessions[index] (sessions by number).
AbsenceMailFacts absence_mail_facts(soci::session& sql, const store::CycleRow& cycle,
                                    const std::vector<store::SessionRow>& sessions, std::size_t index,
                                    const store::ParticipantRow& participant);

Mail absence_mail(const AbsenceMailFacts& facts, const MailContext& mail);

}  // namespace ateliers::services
