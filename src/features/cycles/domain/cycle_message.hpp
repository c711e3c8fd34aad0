#pragma once
// A message organisers write to the people of a cycle from the back office: who
// receives it and what a message must hold. Pure.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace ateliers::cycle_message {

// confirmed: inscriptions confirmées; waiting: liste d’attente; all: both, plus
// the applications not yet decided (everyone who may still come).
enum class Audience { confirmed, waiting, all };

bool parse_audience(const std::string& code, Audience& out);  // "confirmes" | "attente" | "tous"
const char* audience_code(Audience a);
const char* audience_label(Audience a);  // "Inscriptions confirmées", …
// registrations.status values the audience covers.
std::vector<std::string> audience_statuses(Audience a);

inline constexpr std::size_t max_subject_chars = 150;
inline constexpr std::size_t max_text_chars = 5000;

struct Draft {
    std::string subject;
    std::string text;
    std::string audience;  // as typed
};

// Field name ("objet", "texte", "destinataires") -> French message; empty when the
// draft may be sent.
std::map<std::string, std::string> validate(const Draft& d);

// The text as e-mail paragraphs: one per block separated by a blank line, lines
// inside a block kept together, surrounding blanks dropped.
std::vector<std::string> paragraphs(const std::string& text);

}  // namespace ateliers::cycle_message
