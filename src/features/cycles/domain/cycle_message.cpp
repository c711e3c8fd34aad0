#include "features/cycles/domain/cycle_message.hpp"

#include "platform/core/text.hpp"

namespace ateliers::cycle_message {

bool parse_audience(const std::string& code, Audience& out) {
    if (code == "confirmes") out = Audience::confirmed;
    else if (code == "attente") out = Audience::waiting;
    else if (code == "tous") out = Audience::all;
    else return false;
    return true;
}

const char* audience_code(Audience a) {
    switch (a) {
        case Audience::confirmed: return "confirmes";
        case Audience::waiting: return "attente";
        case Audience::all: return "tous";
    }
    return "";
}

const char* audience_label(Audience a) {
    switch (a) {
        case Audience::confirmed: return "Inscriptions confirmées";
        case Audience::waiting: return "Liste d’attente";
        case Audience::all: return "Toutes les personnes inscrites, en attente ou candidates";
    }
    return "";
}

std::vector<std::string> audience_statuses(Audience a) {
    switch (a) {
        case Audience::confirmed: return {"confirmed"};
        case Audience::waiting: return {"waiting"};
        case Audience::all: return {"confirmed", "waiting", "applied"};
    }
    return {};
}

std::map<std::string, std::string> validate(const Draft& d) {
    std::map<std::string, std::string> errors;
    const auto subject = text::trim(d.subject);
    if (subject.empty()) errors["objet"] = "Indiquez l’objet du message.";
    else if (text::length_in_chars(subject) > max_subject_chars)
        errors["objet"] = "L’objet dépasse " + std::to_string(max_subject_chars) + " caractères.";
    else if (subject.find_first_of("\r\n") != std::string::npos)
        errors["objet"] = "L’objet tient sur une seule ligne.";
    const auto body = text::trim(d.text);
    if (body.empty()) errors["texte"] = "Écrivez le texte du message.";
    else if (text::length_in_chars(body) > max_text_chars)
        errors["texte"] = "Le texte dépasse " + std::to_string(max_text_chars) + " caractères.";
    Audience a;
    if (!parse_audience(d.audience, a)) errors["destinataires"] = "Choisissez à qui envoyer le message.";
    return errors;
}

std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    std::size_t start = 0;
    const auto flush = [&] {
        const auto block = text::trim(current);
        if (!block.empty()) out.push_back(block);
        current.clear();
    };
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (text::trim(line).empty()) flush();
        else current += (current.empty() ? "" : "\n") + line;
        start = end + 1;
    }
    flush();
    return out;
}

}  // namespace ateliers::cycle_message
