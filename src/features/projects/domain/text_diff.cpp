#include "features/projects/domain/text_diff.hpp"

#include <algorithm>
#include <sstream>

namespace ateliers::projects {

namespace {

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

void push(std::vector<DiffPart>& parts, DiffKind kind, const std::string& word) {
    if (!parts.empty() && parts.back().kind == kind) {
        parts.back().text += " " + word;
        return;
    }
    parts.push_back({kind, word});
}

}  // namespace

std::vector<DiffPart> word_diff(const std::string& before, const std::string& after) {
    const auto a = words(before), b = words(after);
    const std::size_t n = a.size(), m = b.size();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<DiffPart> parts;
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            push(parts, DiffKind::same, a[i]);
            ++i, ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            push(parts, DiffKind::removed, a[i++]);
        } else {
            push(parts, DiffKind::added, b[j++]);
        }
    }
    while (i < n) push(parts, DiffKind::removed, a[i++]);
    while (j < m) push(parts, DiffKind::added, b[j++]);
    return parts;
}

bool unchanged(const std::vector<DiffPart>& parts) {
    for (const auto& p : parts)
        if (p.kind != DiffKind::same) return false;
    return true;
}

}  // namespace ateliers::projects
