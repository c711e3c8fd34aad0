#include <algorithm>

#include "cycle_admin_fixture.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/audit/audit.hpp"
#include "features/cycles/services/cycle_admin.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

using namespace ateliers;

using test_support::CycleAdminTest;
using test_support::forest_cycle;
using test_support::mail;

TEST_F(CycleAdminTest, SlugIsLowerCaseAsciiWithHyphens) {
    EXPECT_EQ(services::slugify("Forêts : comment coopérer ?"), "forets-comment-cooperer");
    EXPECT_EQ(services::slugify("Élus & agents : l’œuvre d’été !"), "elus-agents-l-oeuvre-d-ete");
    EXPECT_EQ(services::slugify("   "), "cycle");
}

TEST_F(CycleAdminTest, CreateStoresADraftWithItsSessionsAndAuditsIt) {
    auto saved = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;
    EXPECT_EQ(saved->slug, "forets-comment-cooperer");
    EXPECT_TRUE(saved->warnings.empty()) << saved->warnings.front();
    EXPECT_EQ(text("SELECT status FROM cycles WHERE slug = 'forets-comment-cooperer'"), "draft");
    EXPECT_EQ(text("SELECT territory_types FROM cycles"), "ruralites,montagne");
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycle_sessions"), 4);
    // 9 h 30 in Paris in winter is 8 h 30 UTC.
    EXPECT_EQ(count("SELECT MIN(starts_at) FROM cycle_sessions"), paris_time::to_utc(2030, 1, 10, 9, 30));
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycle_sessions WHERE number = 3 AND ends_at - starts_at = 7200"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'cycle.create' AND target = "
                    "'cycle:forets-comment-cooperer' AND actor_user_id IS NOT NULL"),
              1);

    // The same title again gets its own address.
    auto again = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->slug, "forets-comment-cooperer-2");
}

TEST_F(CycleAdminTest, DeparturesFromTheFormatAreWarningsNotErrors) {
    auto in = forest_cycle();
    in.sessions = {{"", "2030-01-10", "17:00", "20:00", ""}, {"", "2030-01-11", "09:00", "11:00", ""}, {}, {}};
    auto saved = services::create_cycle(*db_, organiser_, in, mail);
    ASSERT_TRUE(saved.ok()) << saved.failure().message;
    const auto& w = saved->warnings;
    const auto has = [&](const std::string& part) {
        return std::any_of(w.begin(), w.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
    };
    EXPECT_TRUE(has("4 séances")) << w.size();
    EXPECT_TRUE(has("ne dure pas 2 heures"));
    EXPECT_TRUE(has("17 h"));
    EXPECT_TRUE(has("6 à 8 semaines"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycle_sessions"), 2);

    auto editing = services::cycle_for_edit(*db_, saved->slug);
    ASSERT_TRUE(editing.ok() && editing.value());
    EXPECT_EQ(editing.value()->warnings, w);
}

TEST_F(CycleAdminTest, InvalidFieldsAreRefusedFieldByFieldAndNothingIsWritten) {
    auto in = forest_cycle();
    in.title = "  ";
    in.capacity = "quinze";
    in.mode = "loterie";
    in.sessions[1].end = "08:00";
    in.sessions[2].date = "31/02/2030";
    in.sessions[3].visio_url = "javascript:alert(1)";
    auto saved = services::create_cycle(*db_, organiser_, in, mail);
    ASSERT_FALSE(saved.ok());
    const auto& f = saved.failure();
    EXPECT_EQ(f.kind, FailureKind::invalid);
    for (const auto* key : {"title", "capacity", "mode", "session_2_end", "session_3_date", "session_4_visio"})
        EXPECT_TRUE(f.fields.count(key)) << key;
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycles"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 0);
}

TEST_F(CycleAdminTest, PublishThenCloseFollowTheStatusOrder) {
    auto saved = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(saved.ok());
    auto closing_draft = services::close_cycle(*db_, organiser_, saved->slug);
    EXPECT_FALSE(closing_draft.ok());
    EXPECT_EQ(closing_draft.failure().kind, FailureKind::conflict);

    ASSERT_TRUE(services::publish_cycle(*db_, organiser_, saved->slug).ok());
    EXPECT_EQ(text("SELECT status FROM cycles"), "published");
    auto twice = services::publish_cycle(*db_, organiser_, saved->slug);
    EXPECT_FALSE(twice.ok());
    EXPECT_NE(twice.failure().message.find("déjà publié"), std::string::npos);

    ASSERT_TRUE(services::close_cycle(*db_, organiser_, saved->slug).ok());
    EXPECT_EQ(text("SELECT status FROM cycles"), "closed");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('cycle.publish', 'cycle.close')"), 2);

    auto entries = services::latest_audit_entries(*db_, 10);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 3u);
    EXPECT_EQ(entries->front().action, "cycle.close");
    EXPECT_EQ(entries->front().actor_name, "Olga Organisatrice");
    EXPECT_EQ(services::audit_action_label(entries->front().action), "Cycle clos");
}

TEST_F(CycleAdminTest, PublishingNeedsAtLeastOneSession) {
    auto in = forest_cycle();
    in.sessions.clear();
    auto saved = services::create_cycle(*db_, organiser_, in, mail);
    ASSERT_TRUE(saved.ok());
    auto published = services::publish_cycle(*db_, organiser_, saved->slug);
    ASSERT_FALSE(published.ok());
    EXPECT_NE(published.failure().message.find("au moins une séance"), std::string::npos);
    EXPECT_EQ(text("SELECT status FROM cycles"), "draft");
}

TEST_F(CycleAdminTest, DuplicateMakesADraftCopyWithANewSlugAndTheSessions) {
    auto saved = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(saved.ok());
    ASSERT_TRUE(services::publish_cycle(*db_, organiser_, saved->slug).ok());
    auto copy = services::duplicate_cycle(*db_, organiser_, saved->slug);
    ASSERT_TRUE(copy.ok()) << copy.failure().message;
    EXPECT_EQ(copy->slug, "forets-comment-cooperer-2");
    EXPECT_NE(copy->id, saved->id);
    soci::session sql(db_->pool());
    std::string status, title;
    sql << "SELECT status, title FROM cycles WHERE id = :id", soci::use(copy->id), soci::into(status), soci::into(title);
    EXPECT_EQ(status, "draft");
    EXPECT_EQ(title, "Forêts : comment coopérer ?");
    const auto original = store::cycle_sessions(sql, saved->id);
    const auto copied = store::cycle_sessions(sql, copy->id);
    ASSERT_EQ(copied.size(), 4u);
    for (std::size_t i = 0; i < copied.size(); ++i) {
        EXPECT_EQ(copied[i].starts_at, original[i].starts_at);
        EXPECT_EQ(copied[i].ends_at, original[i].ends_at);
        EXPECT_EQ(copied[i].visio_url, original[i].visio_url);
        EXPECT_NE(copied[i].id, original[i].id);
    }
    EXPECT_EQ(text("SELECT status FROM cycles WHERE slug = 'forets-comment-cooperer'"), "published");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'cycle.duplicate' AND target = "
                    "'cycle:forets-comment-cooperer-2'"),
              1);
}

TEST_F(CycleAdminTest, MovingASessionOfAPublishedCycleBumpsItsSequenceAndMailsParticipants) {
    auto saved = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(saved.ok());
    ASSERT_TRUE(services::publish_cycle(*db_, organiser_, saved->slug).ok());
    const auto anne = user(add_user("anne@pelussin.fr", "Anne", "commune:42168"), "anne@pelussin.fr", "Anne");
    const auto bruno = user(add_user("bruno@chavanay.fr", "Bruno", "commune:42056"), "bruno@chavanay.fr", "Bruno");
    const auto carla = user(add_user("carla@dardilly.fr", "Carla", "commune:69072"), "carla@dardilly.fr", "Carla");
    ASSERT_TRUE(register_user(anne, saved->slug, "commune:42168").ok());
    ASSERT_TRUE(register_user(bruno, saved->slug, "commune:42056").ok());
    auto carla_reg = register_user(carla, saved->slug, "commune:69072");
    ASSERT_TRUE(carla_reg.ok());
    ASSERT_TRUE(services::cancel_registration(*db_, carla, carla_reg->registration_id, mail).ok());

    auto editing = services::cycle_for_edit(*db_, saved->slug);
    ASSERT_TRUE(editing.ok() && editing.value());
    auto in = editing.value()->input;
    ASSERT_EQ(in.sessions.size(), 4u);
    EXPECT_EQ(in.sessions[1].date, "2030-01-24");
    EXPECT_EQ(in.sessions[1].start, "09:30");
    in.sessions[1].date = "2030-01-31";  // one week later, same time
    in.sessions[3].visio_url = "https://webconf.example/4";  // a new link alone is not a move

    auto updated = services::update_cycle(*db_, organiser_, saved->slug, in, mail);
    ASSERT_TRUE(updated.ok()) << updated.failure().message;
    EXPECT_EQ(updated->slug, saved->slug);  // a published cycle keeps its address
    EXPECT_EQ(updated->sessions_moved, 1);
    EXPECT_EQ(updated->participants_notified, 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycle_sessions WHERE sequence = 1 AND number = 2"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycle_sessions WHERE sequence = 0"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycle_sessions WHERE visio_url = 'https://webconf.example/4'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Modification du cycle%'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Modification du cycle%' AND recipient IN "
                    "('anne@pelussin.fr', 'bruno@chavanay.fr')"),
              2);
    const auto body = text("SELECT body_text FROM outbox WHERE subject LIKE 'Modification du cycle%' AND recipient = "
                           "'anne@pelussin.fr'");
    EXPECT_NE(body.find("jeudi 31 janvier 2030, de 9 h 30 à 11 h 30 (nouvel horaire)"), std::string::npos) << body;
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'cycle.sessions_moved'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'cycle.update'"), 1);

    // Saving again without a change moves nothing and mails nobody.
    auto again = services::cycle_for_edit(*db_, saved->slug);
    ASSERT_TRUE(again.ok() && again.value());
    auto same = services::update_cycle(*db_, organiser_, saved->slug, again.value()->input, mail);
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(same->participants_notified, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Modification du cycle%'"), 2);
}

TEST_F(CycleAdminTest, ADraftFollowsItsTitleAndIsEditedSilently) {
    auto saved = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(saved.ok());
    auto editing = services::cycle_for_edit(*db_, saved->slug);
    ASSERT_TRUE(editing.ok() && editing.value());
    auto in = editing.value()->input;
    in.title = "Forêts communales";
    in.sessions[0].start = "13:30";
    in.sessions[0].end = "15:30";
    in.sessions[3] = {in.sessions[3].id, "", "", "", ""};  // emptied: removed
    auto updated = services::update_cycle(*db_, organiser_, saved->slug, in, mail);
    ASSERT_TRUE(updated.ok()) << updated.failure().message;
    EXPECT_EQ(updated->slug, "forets-communales");
    EXPECT_EQ(updated->participants_notified, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM cycle_sessions"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), 0);
    EXPECT_FALSE(updated->warnings.empty());  // 3 sessions
}

TEST_F(CycleAdminTest, CapacityAndModeStayConsistentWithTheRegistrations) {
    auto in = forest_cycle();
    in.capacity = "1";
    auto saved = services::create_cycle(*db_, organiser_, in, mail);
    ASSERT_TRUE(saved.ok());
    ASSERT_TRUE(services::publish_cycle(*db_, organiser_, saved->slug).ok());
    const auto anne = user(add_user("anne@pelussin.fr", "Anne", "commune:42168"), "anne@pelussin.fr", "Anne");
    const auto bruno = user(add_user("bruno@chavanay.fr", "Bruno", "commune:42056"), "bruno@chavanay.fr", "Bruno");
    ASSERT_EQ(register_user(anne, saved->slug, "commune:42168")->status, registration::Status::confirmed);
    ASSERT_EQ(register_user(bruno, saved->slug, "commune:42056")->status, registration::Status::waiting);

    auto editing = services::cycle_for_edit(*db_, saved->slug);
    ASSERT_TRUE(editing.ok() && editing.value());
    EXPECT_EQ(editing.value()->confirmed, 1);
    EXPECT_EQ(editing.value()->waiting, 1);

    auto mode = editing.value()->input;
    mode.mode = "application";
    auto refused = services::update_cycle(*db_, organiser_, saved->slug, mode, mail);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.failure().fields.count("mode"));

    auto zero = editing.value()->input;
    zero.capacity = "0";
    EXPECT_FALSE(services::update_cycle(*db_, organiser_, saved->slug, zero, mail).ok());

    // One more seat: Bruno, first in line, gets it.
    auto more = editing.value()->input;
    more.capacity = "2";
    ASSERT_TRUE(services::update_cycle(*db_, organiser_, saved->slug, more, mail).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'bruno@chavanay.fr' AND subject LIKE "
                    "'Une place%'"),
              1);

    auto less = more;
    less.capacity = "1";
    auto below = services::update_cycle(*db_, organiser_, saved->slug, less, mail);
    ASSERT_FALSE(below.ok());
    EXPECT_TRUE(below.failure().fields.count("capacity"));
}

TEST_F(CycleAdminTest, TheBackOfficeListsEveryCycleByStatus) {
    auto a = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    auto b = services::create_cycle(*db_, organiser_, forest_cycle(), mail);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_TRUE(services::publish_cycle(*db_, organiser_, a->slug).ok());
    auto list = services::admin_cycles(*db_);
    ASSERT_TRUE(list.ok()) << list.failure().message;
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ(list->at(0).status, ateliers::CycleStatus::draft);
    EXPECT_EQ(list->at(1).status, ateliers::CycleStatus::published);
    EXPECT_EQ(list->at(1).session_count, 4);
    EXPECT_EQ(list->at(1).first_session_at, paris_time::to_utc(2030, 1, 10, 9, 30));
}
