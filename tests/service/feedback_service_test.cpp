#include <algorithm>

#include "features/feedback/services/feedback_invitations.hpp"
#include "features/cycles/services/catalogue.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "features/feedback/services/feedback.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/feedback/services/testimonials.hpp"
#include "features/feedback/services/theme_suggestions.hpp"
#include "test_database.hpp"

using namespace ateliers;
using feedback::TestimonialState;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class FeedbackTest : public test_support::DatabaseTest {
protected:
    struct Person {
        services::CurrentUser user;
        std::string collectivite;
        long long registration = 0;
    };

    long long organiser_ = 0;
    std::string slug_;
    long long cycle_id_ = 0;
    long long last_end_ = 0;

    void SetUp() override {
        DatabaseTest::SetUp();
        organiser_ = add_user("organisateur@anct.gouv.fr", "Omar Organisateur", "commune:42056").user.id;
    }

    Person add_user(const std::string& email, const std::string& name, const std::string& collectivite) {
        soci::session sql(db_->pool());
        long long id = 0;
        const long long now = store::now_utc_seconds();
        const std::string function = "Adjointe au maire", mandate = "elu";
        sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
               "confirmed_at, created_at) VALUES (:e, 'x', :n, :c, :f, :m, :t1, :t2) RETURNING id",
            soci::use(email), soci::use(name), soci::use(collectivite), soci::use(function), soci::use(mandate),
            soci::use(now), soci::use(now), soci::into(id);
        Person p;
        p.user.id = id;
        p.user.email = email;
        p.user.full_name = name;
        p.user.mandate = mandate;
        p.collectivite = collectivite;
        return p;
    }

    void make_cycle(int capacity) {
        services::CycleInput in;
        in.title = "Revitaliser les centres-bourgs";
        in.theme = "Revitalisation";
        in.summary = "Commerces, logements et espaces publics des petites centralités.";
        in.capacity = std::to_string(capacity);
        in.mode = "first_come";
        in.sessions = {{"", "2030-03-07", "14:00", "16:00", ""},
                       {"", "2030-03-21", "14:00", "16:00", ""},
                       {"", "2030-04-04", "14:00", "16:00", ""},
                       {"", "2030-04-18", "14:00", "16:00", ""}};
        auto saved = services::create_cycle(*db_, organiser_, in, mail);
        ASSERT_TRUE(saved.ok()) << saved.failure().message;
        slug_ = saved->slug;
        cycle_id_ = saved->id;
        ASSERT_TRUE(services::publish_cycle(*db_, organiser_, slug_).ok());
        last_end_ = count("SELECT MAX(ends_at) FROM cycle_sessions WHERE cycle_id = " + std::to_string(cycle_id_));
    }

    registration::Status enrol(Person& p) {
        services::RegistrationRequest request;
        request.cycle_slug = slug_;
        request.collectivite_id = p.collectivite;
        request.input = {"Notre centre-bourg perd ses commerces ; nous cherchons comment associer les habitants au "
                         "projet de revitalisation.",
                         "elu", "Adjointe au maire", true, true, true};
        auto outcome = services::register_for_cycle(*db_, p.user, request, mail);
        EXPECT_TRUE(outcome.ok()) << outcome.failure().message;
        if (!outcome.ok()) return registration::Status::cancelled;
        p.registration = outcome->registration_id;
        return outcome->status;
    }

    long long after_end() const { return last_end_ + 3600; }

    feedback::QuestionnaireInput answers(const std::string& testimonial = "", bool consent = false) {
        return {"5", "4", "oui", "Un groupe bienveillant.", testimonial, consent};
    }

    long long invitations_to(const std::string& email) {
        long long n = 0;
        soci::session sql(db_->pool());
        sql << "SELECT COUNT(*) FROM outbox WHERE recipient = :r AND subject LIKE 'Votre avis%'", soci::use(email),
            soci::into(n);
        return n;
    }

    std::vector<std::string> published_quotes() {
        auto all = services::published_testimonials(*db_);
        EXPECT_TRUE(all.ok());
        std::vector<std::string> out;
        for (const auto& t : all.value()) out.push_back(t.quote);
        return out;
    }

    long long testimonial_id(const Person& p) {
        return count("SELECT COALESCE(MAX(id), 0) FROM testimonials WHERE user_id = " + std::to_string(p.user.id));
    }
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_F(FeedbackTest, InvitationIsMailedOnceToConfirmedParticipantsAfterTheLastSession) {
    make_cycle(1);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Blanc", "commune:42056");
    ASSERT_EQ(enrol(anne), registration::Status::confirmed);
    ASSERT_EQ(enrol(bruno), registration::Status::waiting);

    auto before = jobs::queue_feedback_invitations(*db_, last_end_ - 1, mail);
    ASSERT_TRUE(before.ok()) << before.failure().message;
    EXPECT_EQ(before.value(), 0) << "nothing before the end of the last session";

    auto at_end = jobs::queue_feedback_invitations(*db_, last_end_, mail);
    ASSERT_TRUE(at_end.ok());
    EXPECT_EQ(at_end.value(), 1);
    EXPECT_EQ(invitations_to("anne@pelussin.fr"), 1);
    EXPECT_EQ(invitations_to("bruno@chavanay.fr"), 0) << "only confirmed participants";
    soci::session sql(db_->pool());
    std::string body;
    sql << "SELECT body_text FROM outbox WHERE recipient = 'anne@pelussin.fr' AND subject LIKE 'Votre avis%'",
        soci::into(body);
    EXPECT_NE(body.find("https://ateliers.example/espace/questionnaire/" + std::to_string(anne.registration)),
              std::string::npos)
        << body;
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE feedback_requested_at IS NOT NULL"), 1);

    auto again = jobs::queue_feedback_invitations(*db_, after_end(), mail);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value(), 0);
    EXPECT_EQ(invitations_to("anne@pelussin.fr"), 1) << "once per registration";
}

TEST_F(FeedbackTest, LongEndedCyclesAreNotInvited) {
    make_cycle(2);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    ASSERT_EQ(enrol(anne), registration::Status::confirmed);
    auto late = jobs::queue_feedback_invitations(*db_, last_end_ + feedback::invitation_window_seconds + 1, mail);
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(late.value(), 0);
    EXPECT_EQ(invitations_to("anne@pelussin.fr"), 0);
}

TEST_F(FeedbackTest, QuestionnaireOnlyForItsOwnerOnceConfirmedAndTheCycleOver) {
    make_cycle(1);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Blanc", "commune:42056");
    ASSERT_EQ(enrol(anne), registration::Status::confirmed);
    ASSERT_EQ(enrol(bruno), registration::Status::waiting);

    auto stranger = services::questionnaire_for(*db_, bruno.user.id, anne.registration, after_end());
    ASSERT_FALSE(stranger.ok());
    EXPECT_EQ(stranger.failure().kind, FailureKind::not_found);
    auto stranger_submit = services::submit_questionnaire(*db_, bruno.user.id, anne.registration, answers(), after_end());
    ASSERT_FALSE(stranger_submit.ok());
    EXPECT_EQ(stranger_submit.failure().kind, FailureKind::not_found);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feedback"), 0);

    auto too_early = services::questionnaire_for(*db_, anne.user.id, anne.registration, last_end_ - 60);
    ASSERT_FALSE(too_early.ok());
    EXPECT_EQ(too_early.failure().kind, FailureKind::forbidden);
    EXPECT_NE(too_early.failure().message.find("s’ouvrira à la fin de sa dernière séance"), std::string::npos)
        << too_early.failure().message;

    auto waiting = services::questionnaire_for(*db_, bruno.user.id, bruno.registration, after_end());
    ASSERT_FALSE(waiting.ok());
    EXPECT_EQ(waiting.failure().kind, FailureKind::forbidden);

    auto q = services::questionnaire_for(*db_, anne.user.id, anne.registration, after_end());
    ASSERT_TRUE(q.ok()) << q.failure().message;
    EXPECT_EQ(q->cycle_slug, slug_);
    EXPECT_EQ(q->signature.author, "Anne Arnaud");
    EXPECT_EQ(q->signature.role_text, "Adjointe au maire");
    EXPECT_EQ(q->signature.place, "Pélussin (42)");
    EXPECT_FALSE(q->answers.has_value());
}

TEST_F(FeedbackTest, AnswersAreValidatedAndUpdatedWhenSentAgain) {
    make_cycle(2);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    ASSERT_EQ(enrol(anne), registration::Status::confirmed);

    auto invalid = services::submit_questionnaire(*db_, anne.user.id, anne.registration,
                                                  {"9", "", "oui", "", "", false}, after_end());
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.failure().kind, FailureKind::invalid);
    EXPECT_EQ(invalid.failure().fields.count("satisfaction"), 1u);
    EXPECT_EQ(invalid.failure().fields.count("usefulness"), 1u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feedback"), 0);

    auto first = services::submit_questionnaire(*db_, anne.user.id, anne.registration, answers(), after_end());
    ASSERT_TRUE(first.ok()) << first.failure().message;
    EXPECT_TRUE(first->first_answer);
    EXPECT_EQ(first->testimonial, TestimonialState::none);

    auto second = services::submit_questionnaire(*db_, anne.user.id, anne.registration,
                                                 {"2", "3", "non", "Trop court.", "", false}, after_end());
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second->first_answer);
    EXPECT_EQ(count("SELECT COUNT(*) FROM feedback"), 1);
    EXPECT_EQ(count("SELECT satisfaction * 100 + usefulness * 10 + would_recommend FROM feedback"), 230);

    auto q = services::questionnaire_for(*db_, anne.user.id, anne.registration, after_end());
    ASSERT_TRUE(q.ok());
    ASSERT_TRUE(q->answers.has_value());
    EXPECT_EQ(q->answers->comment, "Trop court.");
    auto answered = services::answered_registrations(*db_, anne.user.id);
    ASSERT_TRUE(answered.ok());
    EXPECT_EQ(answered.value().count(anne.registration), 1u);
}

TEST_F(FeedbackTest, ConsentGatesPublicationAndAChangedQuoteIsReviewedAgain) {
    make_cycle(2);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    ASSERT_EQ(enrol(anne), registration::Status::confirmed);
    const std::string quote = "Ce cycle m’a redonné confiance.";

    auto private_only =
        services::submit_questionnaire(*db_, anne.user.id, anne.registration, answers(quote, false), after_end());
    ASSERT_TRUE(private_only.ok()) << private_only.failure().message;
    EXPECT_EQ(private_only->testimonial, TestimonialState::private_only);
    const auto id = testimonial_id(anne);
    ASSERT_GT(id, 0);
    auto refused = services::set_testimonial_published(*db_, organiser_, id, true);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::conflict);
    EXPECT_FALSE(contains(published_quotes(), quote));
    auto lists = services::testimonials_for_moderation(*db_);
    ASSERT_TRUE(lists.ok());
    ASSERT_EQ(lists->private_only.size(), 1u);
    EXPECT_TRUE(lists->pending.empty());

    auto pending =
        services::submit_questionnaire(*db_, anne.user.id, anne.registration, answers(quote, true), after_end());
    ASSERT_TRUE(pending.ok());
    EXPECT_EQ(pending->testimonial, TestimonialState::pending_review);
    EXPECT_FALSE(contains(published_quotes(), quote)) << "not before the organisers' review";
    lists = services::testimonials_for_moderation(*db_);
    ASSERT_EQ(lists->pending.size(), 1u);
    EXPECT_EQ(lists->pending[0].place, "Pélussin (42)");
    EXPECT_EQ(lists->pending[0].cycle_slug, slug_);

    auto published = services::set_testimonial_published(*db_, organiser_, id, true);
    ASSERT_TRUE(published.ok()) << published.failure().message;
    EXPECT_TRUE(contains(published_quotes(), quote));
    auto on_cycle = services::cycle_testimonials(*db_, cycle_id_);
    ASSERT_TRUE(on_cycle.ok());
    ASSERT_EQ(on_cycle->size(), 1u);
    EXPECT_EQ(on_cycle->front().author, "Anne Arnaud");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'testimonial.publish' AND target = 'testimonial:" +
                    std::to_string(id) + "'"),
              1);

    auto unchanged =
        services::submit_questionnaire(*db_, anne.user.id, anne.registration, answers(quote, true), after_end());
    ASSERT_TRUE(unchanged.ok());
    EXPECT_EQ(unchanged->testimonial, TestimonialState::published) << "same text, same consent: stays published";
    auto changed = services::submit_questionnaire(*db_, anne.user.id, anne.registration,
                                                  answers(quote + " Et des idées.", true), after_end());
    ASSERT_TRUE(changed.ok());
    EXPECT_EQ(changed->testimonial, TestimonialState::pending_review);
    EXPECT_FALSE(contains(published_quotes(), quote + " Et des idées."));

    auto removed = services::submit_questionnaire(*db_, anne.user.id, anne.registration, answers("", false), after_end());
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(removed->testimonial, TestimonialState::none);
    EXPECT_EQ(count("SELECT COUNT(*) FROM testimonials WHERE user_id IS NOT NULL"), 0) << "an emptied testimonial is deleted";
}

TEST_F(FeedbackTest, WithdrawingConsentUnpublishesAtOnce) {
    make_cycle(2);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Blanc", "commune:42056");
    ASSERT_EQ(enrol(anne), registration::Status::confirmed);
    const std::string quote = "Des pairs, enfin.";
    ASSERT_TRUE(services::submit_questionnaire(*db_, anne.user.id, anne.registration, answers(quote, true), after_end()).ok());
    const auto id = testimonial_id(anne);
    ASSERT_TRUE(services::set_testimonial_published(*db_, organiser_, id, true).ok());
    ASSERT_TRUE(contains(published_quotes(), quote));

    auto stranger = services::withdraw_consent(*db_, bruno.user.id, anne.registration);
    ASSERT_FALSE(stranger.ok());
    EXPECT_EQ(stranger.failure().kind, FailureKind::not_found);
    EXPECT_TRUE(contains(published_quotes(), quote));

    ASSERT_TRUE(services::withdraw_consent(*db_, anne.user.id, anne.registration).ok());
    EXPECT_FALSE(contains(published_quotes(), quote));
    EXPECT_EQ(count("SELECT COUNT(*) FROM testimonials WHERE consent_at IS NULL AND published = 0 AND id = " +
                    std::to_string(id)),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'testimonial.consent_withdrawn'"), 1);
    auto republish = services::set_testimonial_published(*db_, organiser_, id, true);
    ASSERT_FALSE(republish.ok());
    EXPECT_EQ(republish.failure().kind, FailureKind::conflict);
}

TEST_F(FeedbackTest, SeededTestimonialsStayPublishableWithoutOnlineConsent) {
    soci::session sql(db_->pool());
    sql << "INSERT INTO testimonials (slug, author, role_text, place, quote, published, sort_order) "
           "VALUES ('seed', 'Christian Tomi', 'maire', 'San Gavino di Tenda', 'Très riche.', 1, 1)";
    const auto id = count("SELECT id FROM testimonials WHERE slug = 'seed'");
    ASSERT_TRUE(services::set_testimonial_published(*db_, organiser_, id, false).ok());
    EXPECT_FALSE(contains(published_quotes(), "Très riche."));
    ASSERT_TRUE(services::set_testimonial_published(*db_, organiser_, id, true).ok());
    EXPECT_TRUE(contains(published_quotes(), "Très riche."));
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'testimonial.%'"), 2);
}

TEST_F(FeedbackTest, ThemeSupportsCountOncePerPersonAndRankIdeas) {
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Blanc", "commune:42056");
    auto chloe = add_user("chloe@pelussin.fr", "Chloé Chabert", "commune:42168");

    auto forests = services::suggest_theme(*db_, anne.user.id, {"Forêts : coopérer entre usagers", ""}, 1000);
    ASSERT_TRUE(forests.ok()) << forests.failure().message;
    auto water = services::suggest_theme(*db_, bruno.user.id, {"Partager la ressource en eau", "Sécheresses."}, 2000);
    ASSERT_TRUE(water.ok());
    auto youth = services::suggest_theme(*db_, chloe.user.id, {"Associer les jeunes", ""}, 3000);
    ASSERT_TRUE(youth.ok());

    auto duplicate = services::suggest_theme(*db_, bruno.user.id, {"FORETS – cooperer entre usagers !", ""}, 4000);
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.failure().kind, FailureKind::conflict);
    ASSERT_EQ(duplicate.failure().fields.count("title"), 1u);
    EXPECT_NE(duplicate.failure().fields.at("title").find("Forêts : coopérer entre usagers"), std::string::npos);
    auto similar = services::similar_suggestion(*db_, "forets cooperer entre usagers");
    ASSERT_TRUE(similar.ok());
    ASSERT_TRUE(similar.value().has_value());
    EXPECT_EQ(similar.value()->id, forests.value());
    auto invalid = services::suggest_theme(*db_, bruno.user.id, {"", ""}, 4000);
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.failure().kind, FailureKind::invalid);

    // The author supports their own idea once; a second support by anyone changes nothing.
    ASSERT_TRUE(services::support_theme(*db_, anne.user.id, forests.value(), 5000).ok());
    ASSERT_TRUE(services::support_theme(*db_, chloe.user.id, water.value(), 5000).ok());
    ASSERT_TRUE(services::support_theme(*db_, chloe.user.id, water.value(), 5001).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM theme_supports WHERE suggestion_id = " + std::to_string(water.value())), 2);
    ASSERT_TRUE(services::support_theme(*db_, anne.user.id, youth.value(), 5002).ok());

    auto ranked = services::ranked_suggestions(*db_, chloe.user.id, feedback::ThemeStatus::open);
    ASSERT_TRUE(ranked.ok());
    ASSERT_EQ(ranked->size(), 3u);
    // water 2, youth 2 (newer), forests 1.
    EXPECT_EQ(ranked.value()[0].id, water.value());
    EXPECT_EQ(ranked.value()[0].supports, 2);
    EXPECT_TRUE(ranked.value()[0].supported_by_viewer);
    EXPECT_FALSE(ranked.value()[0].by_viewer);
    EXPECT_EQ(ranked.value()[1].id, youth.value());
    EXPECT_TRUE(ranked.value()[1].by_viewer);
    EXPECT_EQ(ranked.value()[2].id, forests.value());
    EXPECT_EQ(ranked.value()[2].supports, 1);

    ASSERT_TRUE(services::withdraw_support(*db_, chloe.user.id, water.value()).ok());
    ASSERT_TRUE(services::withdraw_support(*db_, chloe.user.id, water.value()).ok());
    ranked = services::ranked_suggestions(*db_, chloe.user.id, feedback::ThemeStatus::open);
    EXPECT_EQ(ranked.value()[0].id, youth.value()) << "youth now leads with 2";
    EXPECT_EQ(ranked.value()[1].id, forests.value()) << "forests and water tie at 1: the older first";
    EXPECT_EQ(ranked.value()[2].id, water.value());

    ASSERT_TRUE(services::set_theme_status(*db_, organiser_, forests.value(), feedback::ThemeStatus::planned).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'theme.status' AND target = 'theme:" +
                    std::to_string(forests.value()) + "'"),
              1);
    auto closed_support = services::support_theme(*db_, bruno.user.id, forests.value(), 6000);
    ASSERT_FALSE(closed_support.ok());
    EXPECT_EQ(closed_support.failure().kind, FailureKind::conflict);
    auto open_only = services::ranked_suggestions(*db_, bruno.user.id, feedback::ThemeStatus::open);
    ASSERT_TRUE(open_only.ok());
    EXPECT_EQ(open_only->size(), 2u);
    auto all = services::ranked_suggestions(*db_, organiser_, std::nullopt);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 3u);
    auto missing = services::support_theme(*db_, bruno.user.id, 999999, 6000);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.failure().kind, FailureKind::not_found);
}
