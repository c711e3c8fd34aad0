#pragma once
// What changed between two versions of an answer, word by word (a longest common
// subsequence; answers are bounded by max_answer_chars so the table stays small).
#include <string>
#include <vector>

namespace ateliers::projects {

enum class DiffKind { same, added, removed };

struct DiffPart {
    DiffKind kind = DiffKind::same;
    std::string text;  // words joined by single spaces
};

// Consecutive words of one kind are merged into one part.
std::vector<DiffPart> word_diff(const std::string& before, const std::string& after);
bool unchanged(const std::vector<DiffPart>& parts);

}  // namespace ateliers::projects
