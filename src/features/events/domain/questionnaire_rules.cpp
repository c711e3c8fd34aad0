#include "features/events/domain/questionnaire_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "features/feedback/domain/feedback_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/core/text.hpp"

namespace ateliers::events {

std::int64_t questionnaire_closes_at(std::int64_t event_ends_at) { return event_ends_at + questionnaire_open_seconds; }

bool asked_to_answer(const Attendee& a, bool desk_used) {
    if (!a.confirmed) return false;
    return !desk_used || a.checked_in || a.online;
}

QuestionnaireAccess questionnaire_access(const Attendee& a, bool desk_used, std::int64_t event_ends_at, std::int64_t now) {
    if (!asked_to_answer(a, desk_used)) return QuestionnaireAccess::not_asked;
    if (now < event_ends_at) return QuestionnaireAccess::not_ended;
    if (now >= questionnaire_closes_at(event_ends_at)) return QuestionnaireAccess::closed;
    return QuestionnaireAccess::open;
}

std::string access_message(QuestionnaireAccess access, std::int64_t event_ends_at) {
    switch (access) {
        case QuestionnaireAccess::open: return {};
        case QuestionnaireAccess::not_asked:
            return "Le questionnaire s’adresse aux personnes venues à l’événement (accueillies sur place ou inscrites "
                   "pour le suivre en ligne).";
        case QuestionnaireAccess::not_ended:
            return "Le questionnaire ouvrira à la fin de l’événement, le " + paris_time::long_date(event_ends_at) + ".";
        case QuestionnaireAccess::closed:
            return "Le questionnaire est clos depuis le " + paris_time::long_date(questionnaire_closes_at(event_ends_at)) +
                   " : merci de votre intérêt.";
    }
    return {};
}

const std::vector<std::string>& next_step_codes() {
    static const std::vector<std::string> codes{"contact", "action", "share", "undecided"};
    return codes;
}

const char* next_step_label(const std::string& code) {
    if (code == "contact") return "Reprendre contact avec une personne rencontrée";
    if (code == "action") return "Lancer ou faire évoluer une action sur mon territoire";
    if (code == "share") return "Partager ce que j’ai appris avec mon équipe ou mes élu·es";
    if (code == "undecided") return "Rien de précis pour l’instant";
    return "";
}

std::map<std::string, std::string> validate(const QuestionnaireInput& in, const std::vector<long long>& workshops) {
    std::map<std::string, std::string> errors;
    if (!feedback::parse_scale(in.rating))
        errors["rating"] = "Donnez une note globale à l’événement, de 1 (« Très insatisfait·e ») à 5 (« Très satisfait·e »).";
    const auto item = text::trim(in.useful_item);
    if (!item.empty() && item != "0") {
        bool known = false;
        for (const auto id : workshops) known = known || std::to_string(id) == item;
        if (!known) errors["useful_item"] = "Choisissez un atelier de la liste, ou « Aucun en particulier ».";
    }
    const auto& codes = next_step_codes();
    if (std::find(codes.begin(), codes.end(), in.next_step) == codes.end())
        errors["next_step"] = "Dites-nous ce que vous comptez faire après l’événement (« Rien de précis » convient aussi).";
    if (text::length_in_chars(text::trim(in.comment)) > feedback::max_comment_chars)
        errors["comment"] = "Votre commentaire ne doit pas dépasser 2 000 caractères : résumez l’essentiel.";
    return errors;
}

QuestionnaireAnswers answers_of(const QuestionnaireInput& in) {
    QuestionnaireAnswers a;
    a.rating = feedback::parse_scale(in.rating).value_or(0);
    const auto item = text::trim(in.useful_item);
    a.useful_item_id = item.empty() ? 0 : std::stoll(item);
    a.next_step = in.next_step;
    a.comment = text::trim(in.comment);
    return a;
}

QuestionnaireSummary summarise(const std::vector<QuestionnaireAnswers>& answers, int asked) {
    QuestionnaireSummary s;
    s.asked = asked;
    s.answers = static_cast<int>(answers.size());
    long long sum = 0;
    for (const auto& a : answers) {
        if (a.rating >= 1 && a.rating <= 5) {
            ++s.ratings[a.rating - 1];
            sum += a.rating;
        }
        if (a.useful_item_id) ++s.useful[a.useful_item_id];
        ++s.next_steps[a.next_step];
        if (!a.comment.empty()) s.comments.push_back(a.comment);
    }
    if (asked > 0) s.response_percent = static_cast<int>((200LL * s.answers + asked) / (2LL * asked));
    if (s.answers > 0) s.average_rating = static_cast<double>(sum) / s.answers;
    return s;
}

std::string rating_text(const std::optional<double>& average) {
    if (!average) return "–";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(*average * 10) / 10);
    std::string out = buf;
    for (auto& c : out)
        if (c == '.') c = ',';
    return out + " / 5";
}

}  // namespace ateliers::events
