#pragma once
// Who reads a registration's refusals, and how they are worded for them. The rules are
// the same whoever registers; only the words change: the person registering reads
// "vous", an organiser registering someone on their behalf reads "cette personne",
// "cette collectivité".
#include <string>

namespace ateliers::registration {

enum class Voice { registrant, organiser };

// Why register_for_cycle refuses, whoever makes the registration.
enum class Refusal {
    no_collectivite,     // the form names no collectivité
    already_registered,  // the person already holds an active registration to the cycle
    collectivite_taken,  // another person of the collectivité holds its place
    just_full,           // the last seat went between the count and the insert
    taken_meanwhile,     // a concurrent registration won the same place or person
};

std::string refusal_message(Refusal why, Voice voice);

// The warning when the cycle's sessions overlap one of another cycle the person is in.
std::string overlap_warning(const std::string& session_date, const std::string& other_cycle_title, Voice voice);

// The field messages of validate() that speak to the person.
std::string situation_too_short_message(Voice voice);
std::string mandate_missing_message(Voice voice);
std::string function_missing_message(Voice voice);

}  // namespace ateliers::registration
