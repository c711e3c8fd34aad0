#include "platform/core/paris_time.hpp"
#include "features/cycles/services/reminders.hpp"
#include "features/cycles/services/calendar_feeds.hpp"
#include "features/cycles/demo/demo_cycles.hpp"
#include "features/cycles/services/catalogue.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/registration/services/seat_alerts.hpp"
#include "test_database.hpp"
#include "platform/http/failure_status.hpp"

using namespace ateliers;
using RegStatus = registration::Status;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string situation =
    "Dans notre commune, la gestion de la forêt communale oppose les exploitants, les chasseurs et les associations "
    "de randonneurs ; nous cherchons comment renouer le dialogue.";

class RegistrationsTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto seeded = services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds());
        ASSERT_TRUE(seeded.ok()) << seeded.failure().message;
    }

    services::RegistrationRequest request(const std::string& slug, const std::string& collectivite) {
        return {slug, collectivite, {situation, "agent", "DGS", true, true, true}};
    }

    void set_capacity(const std::string& slug, int capacity) {
        soci::session sql(db_->pool());
        sql << "UPDATE cycles SET capacity = :c WHERE slug = :s", soci::use(capacity), soci::use(slug);
    }

    void set_mode(const std::string& slug, const std::string& mode) {
        soci::session sql(db_->pool());
        sql << "UPDATE cycles SET mode = :m WHERE slug = :s", soci::use(mode), soci::use(slug);
    }

    const std::vector<std::string> communes{"commune:42168", "commune:42056", "commune:42218", "commune:69072",
                                            "commune:13055", "commune:01001", "commune:97411", "commune:42186"};
};

}  // namespace

TEST_F(RegistrationsTest, FirstComeConfirmsUpToCapacityThenQueuesInOrder) {
    set_capacity("forets-cooperer", 3);
    std::vector<RegStatus> statuses;
    std::vector<int> positions;
    for (int i = 0; i < 6; ++i) {
        auto u = person("p" + std::to_string(i), communes[static_cast<std::size_t>(i)]);
        auto r = services::register_for_cycle(*db_, u, request("forets-cooperer", communes[static_cast<std::size_t>(i)]), mail);
        ASSERT_TRUE(r.ok()) << r.failure().message;
        statuses.push_back(r->status);
        positions.push_back(r->waiting_position);
    }
    EXPECT_EQ(statuses, (std::vector<RegStatus>{RegStatus::confirmed, RegStatus::confirmed, RegStatus::confirmed, RegStatus::waiting,
                                             RegStatus::waiting, RegStatus::waiting}));
    EXPECT_EQ(positions, (std::vector<int>{0, 0, 0, 1, 2, 3}));
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Inscription confirmée%'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Liste d%'"), 3);
    EXPECT_EQ(count("SELECT COUNT(DISTINCT seat) FROM registrations WHERE seat IS NOT NULL"), 3);
}

TEST_F(RegistrationsTest, RulesRefuseWithFrenchMessagesAndWriteNothing) {
    auto first = person("premier", "commune:42168");
    ASSERT_TRUE(services::register_for_cycle(*db_, first, request("forets-cooperer", "commune:42168"), mail).ok());
    const auto before = count("SELECT COUNT(*) FROM registrations");

    struct Case {
        const char* why;
        std::function<Result<services::RegistrationOutcome>()> attempt;
        int status;
        const char* message_part;
    };
    auto colleague = person("collegue", "commune:42168");
    std::vector<Case> cases{
        {"same person twice", [&] { return services::register_for_cycle(*db_, first, request("forets-cooperer", "commune:42056"), mail); }, 409, "déjà inscrit"},
        {"same collectivité", [&] { return services::register_for_cycle(*db_, colleague, request("forets-cooperer", "commune:42168"), mail); }, 409, "votre collectivité"},
        {"unknown cycle", [&] { return services::register_for_cycle(*db_, colleague, request("inconnu", "commune:42056"), mail); }, 404, "n’existe pas"},
        {"unknown collectivité", [&] { return services::register_for_cycle(*db_, colleague, request("forets-cooperer", "commune:99999"), mail); }, 422, "introuvable"},
        {"short situation", [&] {
             auto r = request("forets-cooperer", "commune:42056");
             r.input.situation = "Trop court.";
             return services::register_for_cycle(*db_, colleague, r, mail);
         }, 422, "corrigez"},
        {"missing commitment", [&] {
             auto r = request("forets-cooperer", "commune:42056");
             r.input.commits_camera = false;
             return services::register_for_cycle(*db_, colleague, r, mail);
         }, 422, "corrigez"},
    };
    for (auto& c : cases) {
        auto r = c.attempt();
        ASSERT_FALSE(r.ok()) << c.why;
        EXPECT_EQ(web::http_status(r.failure()), c.status) << c.why;
        std::string all = r.failure().message;
        for (const auto& [k, v] : r.failure().fields) all += " " + v;
        EXPECT_NE(all.find(c.message_part), std::string::npos) << c.why << ": " << all;
        // The colleague's identity is never revealed.
        EXPECT_EQ(all.find("premier"), std::string::npos) << c.why;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations"), before);
}

TEST_F(RegistrationsTest, RegistrationWindowIsEnforced) {
    soci::session sql(db_->pool());
    const long long future = store::now_utc_seconds() + 86400, past = store::now_utc_seconds() - 60;
    sql << "UPDATE cycles SET registration_opens_at = :f WHERE slug = 'eau-ressource-rare'", soci::use(future);
    sql << "UPDATE cycles SET registration_closes_at = :p WHERE slug = 'forets-cooperer'", soci::use(past);
    auto u = person("u", "commune:42168");
    auto early = services::register_for_cycle(*db_, u, request("eau-ressource-rare", "commune:42168"), mail);
    ASSERT_FALSE(early.ok());
    EXPECT_NE(early.failure().message.find("pas encore ouvertes"), std::string::npos);
    auto late = services::register_for_cycle(*db_, u, request("forets-cooperer", "commune:42168"), mail);
    ASSERT_FALSE(late.ok());
    EXPECT_NE(late.failure().message.find("closes"), std::string::npos);
}

TEST_F(RegistrationsTest, CancellingFreesTheSeatForTheFirstWaitingPersonWhoIsEmailed) {
    set_capacity("forets-cooperer", 1);
    auto a = person("alice", "commune:42168"), b = person("bruno", "commune:42056"), c = person("chloe", "commune:42218");
    auto ra = services::register_for_cycle(*db_, a, request("forets-cooperer", "commune:42168"), mail);
    auto rb = services::register_for_cycle(*db_, b, request("forets-cooperer", "commune:42056"), mail);
    auto rc = services::register_for_cycle(*db_, c, request("forets-cooperer", "commune:42218"), mail);
    ASSERT_TRUE(ra.ok() && rb.ok() && rc.ok());
    ASSERT_EQ(rb->status, RegStatus::waiting);
    EXPECT_FALSE(services::cancel_registration(*db_, b, ra->registration_id, mail).ok()) << "only one's own";
    ASSERT_TRUE(services::cancel_registration(*db_, a, ra->registration_id, mail).ok());
    auto mine = services::my_registrations(*db_, b.id, store::now_utc_seconds());
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->front().status, RegStatus::confirmed) << "Bruno, first in line, is promoted";
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'bruno@exemple.fr' AND subject LIKE 'Une place%'"), 1);
    auto chloe = services::my_registrations(*db_, c.id, store::now_utc_seconds());
    EXPECT_EQ(chloe->front().waiting_position, 1);
    // Alice's collectivité place is free again: a colleague can now register.
    auto colleague = person("alain", "commune:42168");
    EXPECT_TRUE(services::register_for_cycle(*db_, colleague, request("forets-cooperer", "commune:42168"), mail).ok());
}

TEST_F(RegistrationsTest, ApplicationModeCollectsApplicationsFromColleagues) {
    set_mode("eau-ressource-rare", "application");
    auto a = person("a", "commune:42168"), b = person("b", "commune:42168");
    auto ra = services::register_for_cycle(*db_, a, request("eau-ressource-rare", "commune:42168"), mail);
    auto rb = services::register_for_cycle(*db_, b, request("eau-ressource-rare", "commune:42168"), mail);
    ASSERT_TRUE(ra.ok() && rb.ok());
    EXPECT_EQ(ra->status, RegStatus::applied);
    EXPECT_EQ(rb->status, RegStatus::applied);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Candidature reçue%'"), 2);
}

TEST_F(RegistrationsTest, SituationIsEditableUntilTheFirstSessionAndOverlapsAreFlagged) {
    auto u = person("u", "commune:42168");
    auto r = services::register_for_cycle(*db_, u, request("tensions-posture", "commune:42168"), mail);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(services::update_situation(*db_, u, r->registration_id, "court").ok());
    ASSERT_TRUE(services::update_situation(*db_, u, r->registration_id, situation + " Mise à jour.").ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE situation LIKE '%Mise à jour.'"), 1);
    // In the published calendar, three Thursday sessions of « eau » and « tensions » coincide.
    auto second = services::register_for_cycle(*db_, u, request("eau-ressource-rare", "commune:42168"), mail);
    ASSERT_TRUE(second.ok());
    ASSERT_EQ(second->warnings.size(), 3u);
    EXPECT_NE(second->warnings.front().find("en même temps"), std::string::npos);
}

TEST_F(RegistrationsTest, RemindersAreQueuedOnceEachWithTheVisioLink) {
    auto u = person("u", "commune:42168");
    ASSERT_TRUE(services::register_for_cycle(*db_, u, request("forets-cooperer", "commune:42168"), mail).ok());
    long long first_start = 0;
    {
        soci::session sql(db_->pool());
        sql << "SELECT MIN(starts_at) FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id WHERE c.slug = "
               "'forets-cooperer'",
            soci::into(first_start);
    }
    EXPECT_EQ(jobs::queue_due_reminders(*db_, first_start - 3 * 86400, mail).value(), 0);
    EXPECT_EQ(jobs::queue_due_reminders(*db_, first_start - 47 * 3600, mail).value(), 1);
    EXPECT_EQ(jobs::queue_due_reminders(*db_, first_start - 46 * 3600, mail).value(), 0) << "sent once";
    EXPECT_EQ(jobs::queue_due_reminders(*db_, first_start - 1800, mail).value(), 1);
    EXPECT_EQ(jobs::queue_due_reminders(*db_, first_start - 1700, mail).value(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Rappel%' AND body_text LIKE "
                    "'%https://webconf.numerique.gouv.fr/ateliers-forets-cooperer-1%'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Dans une heure%'"), 1);
}

TEST_F(RegistrationsTest, PersonalCalendarHoldsConfirmedSessionsWithVisioLinks) {
    auto u = person("u", "commune:42168");
    ASSERT_TRUE(services::register_for_cycle(*db_, u, request("forets-cooperer", "commune:42168"), mail).ok());
    auto token = services::calendar_token(*db_, u.id);
    ASSERT_TRUE(token.ok());
    EXPECT_EQ(services::calendar_token(*db_, u.id).value(), token.value()) << "stable URL";
    auto ics = services::personal_calendar(*db_, token.value(), mail.base_url);
    ASSERT_TRUE(ics.ok() && ics.value().has_value());
    const auto& text = *ics.value();
    std::size_t events = 0;
    for (auto pos = text.find("BEGIN:VEVENT"); pos != std::string::npos; pos = text.find("BEGIN:VEVENT", pos + 1)) ++events;
    EXPECT_EQ(events, 4u);
    EXPECT_NE(text.find("webconf.numerique.gouv.fr/ateliers-forets-cooperer-1"), std::string::npos);
    EXPECT_NE(text.find("TZID=Europe/Paris"), std::string::npos);
    auto unknown = services::personal_calendar(*db_, "jeton-inconnu-0123456789", mail.base_url);
    ASSERT_TRUE(unknown.ok());
    EXPECT_FALSE(unknown.value().has_value());
    auto public_ics = services::cycle_calendar(*db_, "forets-cooperer", mail.base_url);
    ASSERT_TRUE(public_ics.ok() && public_ics.value().has_value());
    EXPECT_EQ(public_ics.value()->find("webconf"), std::string::npos) << "no visio link in the public file";
}

TEST_F(RegistrationsTest, RegistrationClosesOnceTheFirstSessionHasStartedWhateverTheWindow) {
    // The window is still open (no closing date), but the first session began an hour ago.
    soci::session sql(db_->pool());
    const long long now = store::now_utc_seconds(), started = now - 3600, ends = now + 3600;
    sql << "UPDATE cycles SET registration_opens_at = NULL, registration_closes_at = NULL WHERE slug = 'forets-cooperer'";
    sql << "UPDATE cycle_sessions SET starts_at = :s, ends_at = :e WHERE number = 1 AND cycle_id = "
           "(SELECT id FROM cycles WHERE slug = 'forets-cooperer')",
        soci::use(started), soci::use(ends);
    auto u = person("tardive", "commune:42168");
    auto late = services::register_for_cycle(*db_, u, request("forets-cooperer", "commune:42168"), mail);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.failure().kind, FailureKind::conflict);
    EXPECT_NE(late.failure().message.find("closes"), std::string::npos) << late.failure().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations"), 0);

    // The catalogue agrees, and the home page no longer lists it among the next cycles.
    auto page = services::search_catalogue(*db_, {}, 1, 50, now);
    ASSERT_TRUE(page.ok());
    bool seen = false;
    for (const auto& c : page->cycles)
        if (c.slug == "forets-cooperer") {
            seen = true;
            EXPECT_EQ(c.availability(now), registration::Availability::closed);
        }
    EXPECT_TRUE(seen) << "still in the catalogue, registration closed";
    auto home = services::upcoming_cycles(*db_, now, 20);
    ASSERT_TRUE(home.ok());
    for (const auto& c : home.value()) EXPECT_NE(c.slug, "forets-cooperer");
    EXPECT_EQ(home->size(), 5u);
}

TEST_F(RegistrationsTest, MyCycleStatusesTellWhereThePersonStandsOnEachCycle) {
    set_capacity("forets-cooperer", 1);
    set_mode("eau-ressource-rare", "application");
    auto a = person("alice", "commune:42168"), b = person("bruno", "commune:42056"), c = person("chloe", "commune:42218");
    ASSERT_TRUE(services::register_for_cycle(*db_, a, request("forets-cooperer", "commune:42168"), mail).ok());
    ASSERT_TRUE(services::register_for_cycle(*db_, c, request("forets-cooperer", "commune:42218"), mail).ok());
    ASSERT_TRUE(services::register_for_cycle(*db_, b, request("forets-cooperer", "commune:42056"), mail).ok());
    ASSERT_TRUE(services::register_for_cycle(*db_, b, request("eau-ressource-rare", "commune:42056"), mail).ok());
    auto mine = services::my_cycle_statuses(*db_, b.id);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 2u);
    const auto forets = count("SELECT id FROM cycles WHERE slug = 'forets-cooperer'");
    const auto eau = count("SELECT id FROM cycles WHERE slug = 'eau-ressource-rare'");
    EXPECT_EQ(mine->at(forets).status, RegStatus::waiting);
    EXPECT_EQ(mine->at(forets).waiting_position, 2);
    EXPECT_EQ(mine->at(eau).status, RegStatus::applied);
    auto alices = services::my_cycle_statuses(*db_, a.id);
    EXPECT_EQ(alices->at(forets).status, RegStatus::confirmed);
    auto nobody = services::my_cycle_statuses(*db_, person("nina", "commune:69072").id);
    EXPECT_TRUE(nobody->empty());
}

TEST_F(RegistrationsTest, AColleagueIsToldAtOnceAndEmailedWhenTheCollectivitesPlaceFrees) {
    auto holder = person("alice", "commune:42168");
    auto colleague = person("camille", "commune:42168");
    auto other = person("oscar", "commune:42056");
    const auto forets = count("SELECT id FROM cycles WHERE slug = 'forets-cooperer'");

    auto before = services::collectivite_place(*db_, forets, colleague);
    ASSERT_TRUE(before.ok());
    EXPECT_FALSE(before->held_by_colleague) << "nobody registered yet";
    EXPECT_FALSE(services::request_seat_alert(*db_, colleague, "forets-cooperer").ok()) << "the place is free";

    auto held = services::register_for_cycle(*db_, holder, request("forets-cooperer", "commune:42168"), mail);
    ASSERT_TRUE(held.ok());
    auto place = services::collectivite_place(*db_, forets, colleague);
    ASSERT_TRUE(place.ok());
    EXPECT_TRUE(place->held_by_colleague);
    EXPECT_FALSE(place->alert_requested);
    EXPECT_FALSE(services::collectivite_place(*db_, forets, holder)->held_by_colleague) << "not their own place";
    EXPECT_FALSE(services::collectivite_place(*db_, forets, other)->held_by_colleague) << "another collectivité";

    ASSERT_TRUE(services::request_seat_alert(*db_, colleague, "forets-cooperer").ok());
    ASSERT_TRUE(services::request_seat_alert(*db_, colleague, "forets-cooperer").ok()) << "asking twice is harmless";
    EXPECT_EQ(count("SELECT COUNT(*) FROM seat_alerts"), 1);
    EXPECT_TRUE(services::collectivite_place(*db_, forets, colleague)->alert_requested);

    const auto mails_before = count("SELECT COUNT(*) FROM outbox");
    ASSERT_TRUE(services::cancel_registration(*db_, holder, held->registration_id, mail).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'camille@exemple.fr' AND subject LIKE "
                    "'Une place se libère pour votre collectivité%'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'camille@exemple.fr' AND body_text LIKE "
                    "'%alice%'"),
              0)
        << "the colleague is not named";
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox"), mails_before + 2) << "the cancellation and one alert";
    EXPECT_EQ(count("SELECT COUNT(*) FROM seat_alerts WHERE notified_at IS NOT NULL"), 1);
    EXPECT_FALSE(services::collectivite_place(*db_, forets, colleague)->held_by_colleague);

    // Sent once: another registration and cancellation of the collectivité does not write again.
    auto again = services::register_for_cycle(*db_, holder, request("forets-cooperer", "commune:42168"), mail);
    ASSERT_TRUE(again.ok());
    ASSERT_TRUE(services::cancel_registration(*db_, holder, again->registration_id, mail).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'camille@exemple.fr'"), 1);
}
