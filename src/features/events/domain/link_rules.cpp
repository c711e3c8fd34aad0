#include "features/events/domain/link_rules.hpp"

#include "platform/core/text.hpp"

namespace ateliers::events {

std::optional<std::string> document_title_problem(const std::string& title) {
    const auto t = text::trim(title);
    if (t.empty()) return "Donnez un titre au document (par exemple « Synthèse des ateliers »).";
    if (text::length_in_chars(t) > 200) return "Ce titre est trop long (200 caractères au plus).";
    return std::nullopt;
}

std::map<std::string, std::string> link_problems(const std::string& title, const std::string& url) {
    std::map<std::string, std::string> out;
    if (auto problem = document_title_problem(title)) out["title"] = *problem;
    const auto u = text::trim(url);
    const auto lower = text::lower_ascii(u);
    std::string rest;
    if (lower.rfind("https://", 0) == 0) rest = u.substr(8);
    else if (lower.rfind("http://", 0) == 0) rest = u.substr(7);
    bool clean = !u.empty() && u.size() <= 2000;
    for (unsigned char c : u) clean = clean && c > 0x20 && c != 0x7f && c != '"' && c != '<' && c != '>';
    const auto host_end = rest.find_first_of("/?#");
    const auto host = rest.substr(0, host_end);
    if (u.empty())
        out["url"] = "Indiquez l’adresse du document (https://…).";
    else if (rest.empty() || !clean || host.empty() || host.find('.') == std::string::npos)
        out["url"] = "Indiquez une adresse web complète, commençant par https:// (par exemple https://www.example.fr/synthese.pdf).";
    return out;
}

}  // namespace ateliers::events
