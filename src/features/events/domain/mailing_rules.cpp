#include "features/events/domain/mailing_rules.hpp"

#include "platform/core/text.hpp"

namespace ateliers::events {

std::optional<MailingTarget> parse_mailing_target(const std::string& typed) {
    if (typed == "inscrits") return MailingTarget{MailingAudience::confirmed, 0};
    if (typed == "attente") return MailingTarget{MailingAudience::waiting, 0};
    const std::string prefix = "atelier-";
    if (typed.rfind(prefix, 0) == 0)
        if (const auto id = text::parse_bounded_integer(typed.substr(prefix.size()), 1, 1'000'000'000'000LL))
            return MailingTarget{MailingAudience::workshop, *id};
    return std::nullopt;
}

std::string mailing_target_code(const MailingTarget& t) {
    switch (t.audience) {
        case MailingAudience::confirmed: return "inscrits";
        case MailingAudience::waiting: return "attente";
        case MailingAudience::workshop: return "atelier-" + std::to_string(t.workshop_id);
    }
    return {};
}

std::map<std::string, std::string> mailing_problems(const std::string& audience, const std::string& subject,
                                                    const std::string& body) {
    std::map<std::string, std::string> out;
    if (!parse_mailing_target(audience)) out["audience"] = "Choisissez à qui envoyer l’e-mail.";
    const auto s = text::trim(subject);
    if (s.empty())
        out["subject"] = "Donnez un objet à l’e-mail.";
    else if (text::length_in_chars(s) > max_mailing_subject)
        out["subject"] = "L’objet est trop long (200 caractères au plus).";
    else if (s.find_first_of("\r\n") != std::string::npos)
        out["subject"] = "L’objet tient sur une seule ligne.";
    const auto b = text::trim(body);
    if (b.empty())
        out["body"] = "Écrivez le texte de l’e-mail.";
    else if (text::length_in_chars(b) > max_mailing_body)
        out["body"] = "Le texte est trop long (20 000 caractères au plus).";
    return out;
}

}  // namespace ateliers::events
