#pragma once
// Erasing a person's name or address from the journal's texts without touching anyone
// else's: "Marie Dupont" goes, "Marie Dupont-Martin", "Anne-Marie Dupont" and
// "Sainte-Marie" stay. A pure function, so the rule is tested by a table of cases.
#include <string>

namespace ateliers::audit {

// `text` with every whole occurrence of `said` replaced by `replacement`. An occurrence
// is whole when neither neighbour continues a word: a letter (accented ones too), a
// digit, a hyphen, an underscore or an "@", or a dot or "+" between two such characters
// (inside an address). Spaces, non-breaking spaces, punctuation, quotes and apostrophes
// ("d’Anne") end a word. Exact case: addresses are stored lower-cased, names as typed.
std::string redact_whole(const std::string& text, const std::string& said, const std::string& replacement);

}  // namespace ateliers::audit
