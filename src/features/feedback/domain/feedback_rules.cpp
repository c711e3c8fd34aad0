#include "features/feedback/domain/feedback_rules.hpp"

#include "platform/core/text.hpp"

namespace ateliers::feedback {

std::optional<int> parse_scale(const std::string& s) {
    if (s.size() != 1 || s[0] < '1' || s[0] > '5') return std::nullopt;
    return s[0] - '0';
}

const char* satisfaction_label(int level) {
    switch (level) {
        case 1: return "Très insatisfait·e";
        case 2: return "Plutôt insatisfait·e";
        case 3: return "Ni satisfait·e ni insatisfait·e";
        case 4: return "Plutôt satisfait·e";
        case 5: return "Très satisfait·e";
        default: return "";
    }
}

const char* usefulness_label(int level) {
    switch (level) {
        case 1: return "Pas du tout utile";
        case 2: return "Peu utile";
        case 3: return "Moyennement utile";
        case 4: return "Utile";
        case 5: return "Très utile";
        default: return "";
    }
}

std::map<std::string, std::string> validate(const QuestionnaireInput& in) {
    std::map<std::string, std::string> errors;
    if (!parse_scale(in.satisfaction))
        errors["satisfaction"] = "Indiquez votre satisfaction globale, de « Très insatisfait·e » à « Très satisfait·e ».";
    if (!parse_scale(in.usefulness))
        errors["usefulness"] = "Indiquez à quel point le cycle est utile pour votre territoire.";
    if (in.would_recommend != "oui" && in.would_recommend != "non")
        errors["would_recommend"] = "Dites-nous si vous recommanderiez ce cycle à un ou une collègue.";
    if (text::length_in_chars(text::trim(in.comment)) > max_comment_chars)
        errors["comment"] = "Votre commentaire ne doit pas dépasser 2 000 caractères : résumez l’essentiel.";
    const auto quote = text::trim(in.testimonial);
    if (text::length_in_chars(quote) > max_testimonial_chars)
        errors["testimonial"] = "Votre témoignage ne doit pas dépasser 600 caractères : gardez une ou deux phrases.";
    else if (quote.empty() && in.consent)
        errors["testimonial"] = "Vous avez donné votre accord de publication sans écrire de témoignage : écrivez-le, "
                                "ou décochez la case.";
    return errors;
}

Answers answers_of(const QuestionnaireInput& in) {
    Answers a;
    a.satisfaction = parse_scale(in.satisfaction).value_or(0);
    a.usefulness = parse_scale(in.usefulness).value_or(0);
    a.would_recommend = in.would_recommend == "oui";
    a.comment = text::trim(in.comment);
    a.testimonial = text::trim(in.testimonial);
    a.consent = in.consent && !a.testimonial.empty();
    return a;
}

Eligibility eligibility(bool confirmed, std::int64_t last_session_ends_at, std::int64_t now) {
    if (!confirmed) return Eligibility::not_confirmed;
    if (last_session_ends_at <= 0 || last_session_ends_at > now) return Eligibility::not_ended;
    return Eligibility::open;
}

bool can_publish(bool has_consent, bool editorial) { return has_consent || editorial; }

std::string place_text(const std::string& collectivite_name, const std::string& departement_code) {
    if (departement_code.empty()) return collectivite_name;
    return collectivite_name + " (" + departement_code + ")";
}

TestimonialState state_after_save(const std::string& quote, bool consent, bool was_published, bool same_as_before) {
    if (text::trim(quote).empty()) return TestimonialState::none;
    if (!consent) return TestimonialState::private_only;
    if (was_published && same_as_before) return TestimonialState::published;
    return TestimonialState::pending_review;
}

std::map<std::string, std::string> validate(const ThemeInput& in) {
    std::map<std::string, std::string> errors;
    const auto title = text::trim(in.title);
    if (title.empty())
        errors["title"] = "Donnez un titre à votre idée de thème, par exemple « Mobiliser les habitants autour du "
                          "budget participatif ».";
    else if (text::length_in_chars(title) > max_theme_title_chars)
        errors["title"] = "Le titre ne doit pas dépasser 120 caractères : vous pourrez détailler dans la description.";
    else if (title_key(title).empty())
        errors["title"] = "Le titre doit contenir des lettres ou des chiffres.";
    if (text::length_in_chars(text::trim(in.description)) > max_theme_description_chars)
        errors["description"] = "La description ne doit pas dépasser 1 000 caractères.";
    return errors;
}

std::string title_key(const std::string& title) { return text::fold_for_search(title); }

const char* theme_status_code(ThemeStatus s) {
    switch (s) {
        case ThemeStatus::open: return "open";
        case ThemeStatus::planned: return "planned";
        case ThemeStatus::closed: return "closed";
    }
    return "open";
}

bool parse_theme_status(const std::string& s, ThemeStatus& out) {
    for (auto candidate : {ThemeStatus::open, ThemeStatus::planned, ThemeStatus::closed})
        if (s == theme_status_code(candidate)) {
            out = candidate;
            return true;
        }
    return false;
}

const char* theme_status_label(ThemeStatus s) {
    switch (s) {
        case ThemeStatus::open: return "Ouverte aux soutiens";
        case ThemeStatus::planned: return "Retenue pour un prochain cycle";
        case ThemeStatus::closed: return "Close";
    }
    return "";
}

bool ranks_before(const RankedIdea& a, const RankedIdea& b) {
    if (a.supports != b.supports) return a.supports > b.supports;
    if (a.created_at != b.created_at) return a.created_at < b.created_at;
    return a.id < b.id;
}

}  // namespace ateliers::feedback
