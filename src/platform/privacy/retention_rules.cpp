#include "platform/privacy/retention_rules.hpp"

namespace ateliers::privacy {

std::int64_t months_before(std::int64_t now, int months) {
    constexpr std::int64_t average_month = 2'629'746;  // seconds in 365.2425 / 12 days
    return now - static_cast<std::int64_t>(months) * average_month;
}

std::string duration_words(int months) {
    if (months >= 36 && months % 12 == 0) {
        const int years = months / 12;
        return std::to_string(years) + (years == 1 ? " an" : " ans");
    }
    return std::to_string(months) + " mois";
}

std::string retention_summary(const RetentionOutcome& outcome, int text_months) {
    const std::string texts_when = text_months > 0 ? "activités terminées depuis plus de " + duration_words(text_months)
                                                   : "effacement des textes désactivé";
    return std::to_string(outcome.texts) + " enregistrement(s) sans texte (" + texts_when + "), " +
           std::to_string(outcome.accounts) +
           " compte(s) effacé(s) après " + duration_words(account_idle_months) + " sans connexion, " +
           std::to_string(outcome.mails) + " e-mail(s) envoyé(s) depuis plus de " + duration_words(mail_log_months) +
           " retiré(s) du journal";
}

}  // namespace ateliers::privacy
