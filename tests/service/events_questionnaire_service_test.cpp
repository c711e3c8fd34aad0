// The questionnaire after an event against a real database (SQLite, and PostgreSQL when
// ATELIERS_TEST_PG_URL is set): open to the people who came from the event's end until it
// closes, one row of answers per registration edited in place, the invitation e-mailed
// once however often the job runs, and the organisers' summary in the event's report.
#include <map>

#include "features/events/services/event_admin.hpp"
#include "features/events/services/event_checkin.hpp"
#include "features/events/services/event_programme.hpp"
#include "features/events/services/event_programme_admin.hpp"
#include "features/events/services/event_questionnaire.hpp"
#include "features/events/services/event_registrations.hpp"
#include "features/events/services/event_report.hpp"
#include "features/events/store/personal_data.hpp"
#include "platform/core/paris_time.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string slug = "journees-2027";
const auto ends = paris_time::to_utc(2027, 11, 26, 17, 30);
const auto after = ends + 3600;

class EventsQuestionnaireTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto created = services::create_event_from_form(
            *db_, 0, {"Journées 2027", "", "journees", "25/11/2027", "9:00", "26/11/2027", "17:30", "Halle Pajol", "Paris 18e",
                      "Oui", "Déjeuners", "", "250", "", "", "UNADEL", ""});
        ASSERT_TRUE(created.ok()) << created.failure().message;
        auto s = services::save_event_slot(*db_, 0, slug, 0, {"Ateliers du jeudi", "", "25/11/2027", "13:45", "15:30"});
        ASSERT_TRUE(s.ok()) << s.failure().message;
        slot = s.value();
        for (const auto* title : {"Coopérer", "Mobiliser"}) {
            auto w = services::save_event_item(*db_, 0, slug, 0, {"workshop", title, "", "", std::to_string(slot), "", "", "", "30"}, mail);
            ASSERT_TRUE(w.ok()) << w.failure().message;
            workshops.push_back(w.value());
        }
        auto programme = services::event_programme(*db_, slug, true);
        ASSERT_TRUE(programme.ok());
        ASSERT_TRUE(services::publish_event(*db_, 0, programme->event.id, true).ok());
        registration["ana"] = join("ana", "in_person", workshops[1]);
        registration["ben"] = join("ben", "in_person", workshops[0]);
        registration["cleo"] = join("cleo", "online", 0);
        auto in = services::check_in(*db_, 0, slug, "", registration["ana"]);
        ASSERT_TRUE(in.ok()) << in.failure().message;
    }

    long long join(const std::string& name, const std::string& attendance, long long workshop) {
        people[name] = person(name, "commune:42168");
        services::EventRegistrationRequest r{{"UNADEL", "association", "Chargée de mission", attendance, "", "", false}, "", {}};
        if (workshop) r.choices[slot] = workshop;
        auto done = services::register_to_event(*db_, people[name], slug, r, mail);
        EXPECT_TRUE(done.ok()) << done.failure().message;
        return done.ok() ? done->registration_id : 0;
    }

    long long slot = 0;
    std::vector<long long> workshops;
    std::map<std::string, services::CurrentUser> people;
    std::map<std::string, long long> registration;
};

}  // namespace

TEST_F(EventsQuestionnaireTest, OpenToThePeopleWhoCameFromTheEndUntilItCloses) {
    auto before = services::event_questionnaire(*db_, people["ana"].id, slug, ends - 60);
    ASSERT_TRUE(before.ok()) << before.failure().message;
    EXPECT_EQ(before->access, events::QuestionnaireAccess::not_ended);
    auto early = services::submit_event_questionnaire(*db_, people["ana"].id, slug, {"5", "", "action", ""}, ends - 60);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.failure().kind, FailureKind::forbidden);

    auto ana = services::event_questionnaire(*db_, people["ana"].id, slug, after);
    ASSERT_TRUE(ana.ok());
    EXPECT_EQ(ana->access, events::QuestionnaireAccess::open);
    ASSERT_EQ(ana->workshops.size(), 2u);
    EXPECT_EQ(ana->workshops[0].id, workshops[1]);  // her own workshop first
    EXPECT_TRUE(ana->workshops[0].chosen);
    EXPECT_EQ(ana->workshops[0].label, "Mobiliser (Ateliers du jeudi)");
    EXPECT_EQ(services::event_questionnaire(*db_, people["cleo"].id, slug, after)->access, events::QuestionnaireAccess::open);
    // Ben registered in person but was not checked in: not asked.
    EXPECT_EQ(services::event_questionnaire(*db_, people["ben"].id, slug, after)->access, events::QuestionnaireAccess::not_asked);
    auto ben = services::submit_event_questionnaire(*db_, people["ben"].id, slug, {"5", "", "action", ""}, after);
    ASSERT_FALSE(ben.ok());
    EXPECT_EQ(ben.failure().kind, FailureKind::forbidden);
    EXPECT_NE(ben.failure().message.find("personnes venues"), std::string::npos);
    const auto closed = events::questionnaire_closes_at(ends);
    EXPECT_EQ(services::event_questionnaire(*db_, people["ana"].id, slug, closed)->access, events::QuestionnaireAccess::closed);
    EXPECT_FALSE(services::submit_event_questionnaire(*db_, people["ana"].id, slug, {"5", "", "action", ""}, closed).ok());
    // Someone without a registration: not found.
    const auto stranger = person("zoe", "commune:42168");
    auto none = services::event_questionnaire(*db_, stranger.id, slug, after);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.failure().kind, FailureKind::not_found);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_questionnaire_answers"), 0);
}

TEST_F(EventsQuestionnaireTest, OneRowOfAnswersPerRegistrationEditedInPlace) {
    const auto id = people["ana"].id;
    auto bad = services::submit_event_questionnaire(*db_, id, slug, {"9", "424242", "", "x"}, after);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.failure().kind, FailureKind::invalid);
    EXPECT_EQ(bad.failure().fields.size(), 3u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_questionnaire_answers"), 0);

    auto first = services::submit_event_questionnaire(*db_, id, slug, {"4", std::to_string(workshops[1]), "action", " Riche. "}, after);
    ASSERT_TRUE(first.ok()) << first.failure().message;
    EXPECT_TRUE(first.value());
    auto again = services::submit_event_questionnaire(*db_, id, slug, {"5", "0", "contact", ""}, after + 60);
    ASSERT_TRUE(again.ok()) << again.failure().message;
    EXPECT_FALSE(again.value());
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_questionnaire_answers"), 1);
    auto q = services::event_questionnaire(*db_, id, slug, after + 120);
    ASSERT_TRUE(q.ok());
    ASSERT_TRUE(q->answers);
    EXPECT_EQ(q->answers->rating, 5);
    EXPECT_EQ(q->answers->useful_item_id, 0);
    EXPECT_EQ(q->answers->next_step, "contact");
    EXPECT_EQ(q->answers->comment, "");
    EXPECT_EQ(q->answers->answered_at, after);
    EXPECT_EQ(q->answers->updated_at, after + 60);
}

TEST_F(EventsQuestionnaireTest, InvitationsGoOnceToThePeopleAsked) {
    auto early = jobs::queue_questionnaire_invitations(*db_, ends - 60, mail);
    ASSERT_TRUE(early.ok());
    EXPECT_EQ(early.value(), 0);
    auto sent = jobs::queue_questionnaire_invitations(*db_, after, mail);
    ASSERT_TRUE(sent.ok()) << sent.failure().message;
    EXPECT_EQ(sent.value(), 2);  // Ana (checked in) and Cléo (online), not Ben
    auto twice = jobs::queue_questionnaire_invitations(*db_, after + 600, mail);
    ASSERT_TRUE(twice.ok());
    EXPECT_EQ(twice.value(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject = 'Votre avis sur « Journées 2027 »'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject = 'Votre avis sur « Journées 2027 »' AND recipient = "
                    "'ben@exemple.fr'"),
              0);
    // Too late: a first deployment does not write about an old event.
    {
        soci::session sql(db_->pool());
        sql << "DELETE FROM event_reminders";
    }
    auto late = jobs::queue_questionnaire_invitations(*db_, events::questionnaire_closes_at(ends), mail);
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(late.value(), 0);
}

TEST_F(EventsQuestionnaireTest, TheReportSummarisesTheAnswers) {
    ASSERT_TRUE(services::submit_event_questionnaire(*db_, people["ana"].id, slug,
                                                     {"4", std::to_string(workshops[1]), "action", "Très utile."}, after)
                    .ok());
    ASSERT_TRUE(services::submit_event_questionnaire(*db_, people["cleo"].id, slug, {"3", "", "undecided", ""}, after).ok());
    auto report = services::event_report(*db_, slug);
    ASSERT_TRUE(report.ok()) << report.failure().message;
    const auto& q = report->questionnaire;
    EXPECT_EQ(q.summary.asked, 2);
    EXPECT_EQ(q.summary.answers, 2);
    EXPECT_EQ(q.summary.response_percent, 100);
    EXPECT_EQ(events::rating_text(q.summary.average_rating), "3,5 / 5");
    ASSERT_EQ(q.useful.size(), 2u);
    EXPECT_EQ(q.useful[0], (std::pair<std::string, int>{"Coopérer (Ateliers du jeudi)", 0}));
    EXPECT_EQ(q.useful[1], (std::pair<std::string, int>{"Mobiliser (Ateliers du jeudi)", 1}));
    EXPECT_EQ(q.summary.comments, std::vector<std::string>{"Très utile."});
    const auto tables = services::event_report_tables(report.value());
    ASSERT_GE(tables.size(), 3u);
    EXPECT_EQ(tables[tables.size() - 3].sheet_name, "Avis");
    EXPECT_EQ(tables.back().sheet_name, "Commentaires");
    EXPECT_EQ(tables.back().rows, (std::vector<std::vector<std::string>>{{"Très utile."}}));
}

TEST_F(EventsQuestionnaireTest, MyDataShowsTheAnswersAndErasureBlanksTheComment) {
    ASSERT_TRUE(services::submit_event_questionnaire(*db_, people["ana"].id, slug,
                                                     {"4", std::to_string(workshops[1]), "share", "Mon avis."}, after)
                    .ok());
    soci::session sql(db_->pool());
    const auto tables = store::event_personal_tables(sql, people["ana"].id);
    ASSERT_EQ(tables.size(), 3u);
    EXPECT_EQ(tables[2].key, "avis_evenements");
    ASSERT_EQ(tables[2].rows.size(), 1u);
    store::forget_event_texts(sql, people["ana"].id);
    EXPECT_EQ(count("SELECT COUNT(*) FROM event_questionnaire_answers WHERE comment = '' AND rating = 4"), 1);
}
