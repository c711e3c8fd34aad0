// An organiser registers someone on their behalf: every rule still applies (capacity and
// waiting order, one per collectivité), the registration is marked and journaled
// (SQLite and PostgreSQL).
#include "features/cycles/demo/demo_cycles.hpp"
#include "features/registration/services/registration_move.hpp"
#include "features/registration/services/registration_on_behalf.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

using namespace ateliers;
using RegStatus = registration::Status;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string situation =
    "Dans notre commune, la gestion de la forêt communale oppose les exploitants, les chasseurs et les associations "
    "de randonneurs ; nous cherchons comment renouer le dialogue.";

class OnBehalfTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto seeded = services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds());
        ASSERT_TRUE(seeded.ok()) << seeded.failure().message;
        organiser = person("organisatrice", "commune:42168");
        organiser.roles = {"participant", "organiser"};
        soci::session sql(db_->pool());
        sql << "UPDATE cycles SET capacity = 1, mode = 'first_come' WHERE slug = 'forets-cooperer'";
    }

    services::RegistrationRequest request(const std::string& collectivite) {
        return {"forets-cooperer", collectivite, {situation, "elu", "Maire", true, true, true}};
    }

    long long count(const std::string& select) {
        soci::session sql(db_->pool());
        long long n = 0;
        sql << select, soci::into(n);
        return n;
    }

    services::CurrentUser organiser;
};

}  // namespace

TEST_F(OnBehalfTest, TheTeamRegistersSomeoneAndTheRulesStillHold) {
    auto first = person("premiere", "commune:42056");
    auto second = person("second", "commune:42218");
    auto colleague = person("collegue", "commune:42056");

    auto a = services::register_on_behalf(*db_, organiser, first.email, request("commune:42056"), mail);
    ASSERT_TRUE(a.ok()) << a.failure().message;
    EXPECT_EQ(a->status, RegStatus::confirmed);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE id = " + std::to_string(a->registration_id) +
                    " AND user_id = " + std::to_string(first.id) + " AND registered_by = " + std::to_string(organiser.id)),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'registration.on_behalf' AND actor_user_id = " +
                    std::to_string(organiser.id)),
              1);

    // Capacity 1: the next one waits, first in line.
    auto b = services::register_on_behalf(*db_, organiser, second.email, request("commune:42218"), mail);
    ASSERT_TRUE(b.ok()) << b.failure().message;
    EXPECT_EQ(b->status, RegStatus::waiting);
    EXPECT_EQ(b->waiting_position, 1);

    // One per collectivité, on behalf or not.
    auto same = services::register_on_behalf(*db_, organiser, colleague.email, request("commune:42056"), mail);
    ASSERT_FALSE(same.ok());
    EXPECT_EQ(same.failure().kind, FailureKind::conflict);

    auto unknown = services::register_on_behalf(*db_, organiser, "personne@nulle-part.fr", request("commune:42186"), mail);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().kind, FailureKind::not_found);
    EXPECT_EQ(unknown.failure().field, "email");

    auto stranger = person("curieux", "commune:69072");
    stranger.roles = {"participant"};
    auto refused = services::register_on_behalf(*db_, stranger, colleague.email, request("commune:69072"), mail);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::forbidden);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE c.slug = 'forets-cooperer'"), 2);
}

TEST_F(OnBehalfTest, AMoveFreesThePlacePromotesTheFirstWaitingAndKeepsTheTargetRules) {
    auto moved = person("deplacee", "commune:42056");
    auto early = person("tot", "commune:42218");
    auto late = person("tard", "commune:69072");
    ASSERT_TRUE(services::register_on_behalf(*db_, organiser, moved.email, request("commune:42056"), mail).ok());
    auto w1 = services::register_on_behalf(*db_, organiser, early.email, request("commune:42218"), mail);
    auto w2 = services::register_on_behalf(*db_, organiser, late.email, request("commune:69072"), mail);
    ASSERT_TRUE(w1.ok() && w2.ok());
    ASSERT_EQ(w1->waiting_position, 1);
    const long long from_id = count("SELECT r.id FROM registrations r WHERE r.user_id = " + std::to_string(moved.id));

    // A cycle with no room left for that collectivité refuses and nothing moves.
    {
        soci::session sql(db_->pool());
        sql << "UPDATE cycles SET mode = 'first_come', capacity = 1 WHERE slug = 'eau-ressource-rare'";
    }
    auto holder = person("occupante", "commune:42056");
    ASSERT_TRUE(services::register_for_cycle(*db_, holder, {"eau-ressource-rare", "commune:42056", {situation, "agent", "DGS", true, true, true}}, mail).ok());
    auto blocked = services::move_registration(*db_, organiser, from_id, "eau-ressource-rare", mail);
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.failure().kind, FailureKind::conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE id = " + std::to_string(from_id) + " AND status = 'confirmed'"), 1);

    auto same = services::move_registration(*db_, organiser, from_id, "forets-cooperer", mail);
    ASSERT_FALSE(same.ok());
    EXPECT_EQ(same.failure().kind, FailureKind::invalid);

    auto out = services::move_registration(*db_, organiser, from_id, "tensions-posture", mail);
    ASSERT_TRUE(out.ok()) << out.failure().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE id = " + std::to_string(from_id) + " AND status = 'cancelled'"), 1);
    // The first in line takes the freed seat; the second moves up.
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE id = " + std::to_string(w1->registration_id) +
                    " AND status = 'confirmed'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE id = " + std::to_string(w2->registration_id) +
                    " AND status = 'waiting'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations r JOIN cycles c ON c.id = r.cycle_id WHERE c.slug = "
                    "'tensions-posture' AND r.user_id = " + std::to_string(moved.id) +
                    " AND r.registered_by = " + std::to_string(organiser.id)),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + moved.email + "' AND subject LIKE 'Votre inscription est déplacée%'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'registration.move'"), 1);
    auto again = services::move_registration(*db_, organiser, from_id, "tensions-posture", mail);
    ASSERT_FALSE(again.ok());
}

TEST_F(OnBehalfTest, RefusalsAreWordedForTheOrganiser) {
    auto first = person("titulaire", "commune:42056");
    auto colleague = person("voisine", "commune:42056");
    ASSERT_TRUE(services::register_on_behalf(*db_, organiser, first.email, request("commune:42056"), mail).ok());

    auto taken = services::register_on_behalf(*db_, organiser, colleague.email, request("commune:42056"), mail);
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.failure().message.rfind("Cette collectivité est déjà inscrite à ce cycle", 0), 0u) << taken.failure().message;
    auto twice = services::register_on_behalf(*db_, organiser, first.email, request("commune:42218"), mail);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.failure().message.rfind("Cette personne est déjà inscrite à ce cycle", 0), 0u) << twice.failure().message;

    auto blank = request("commune:42218");
    blank.input.mandate = "";
    blank.input.function_title = "";
    auto invalid = services::register_on_behalf(*db_, organiser, colleague.email, blank, mail);
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.failure().fields.at("mandate"), "Précisez si la personne est élue ou agente de la collectivité.");
    EXPECT_NE(invalid.failure().fields.at("function_title").find("la fonction de la personne"), std::string::npos);
    for (const auto& f : {taken.failure(), twice.failure(), invalid.failure()}) {
        EXPECT_EQ(f.message.find("vous"), std::string::npos) << f.message;
        for (const auto& [field, message] : f.fields) EXPECT_EQ(message.find("vous"), std::string::npos) << message;
    }

    // The person registering themselves still reads "vous".
    auto self = services::register_for_cycle(*db_, colleague, request("commune:42056"), mail);
    ASSERT_FALSE(self.ok());
    EXPECT_EQ(self.failure().message.rfind("Une personne de votre collectivité est déjà inscrite", 0), 0u);
}

TEST_F(OnBehalfTest, TheRegistrationAndItsMarkStandOrFallTogether) {
    auto someone = person("atomique", "commune:42218");
    // The journal's table is gone: its line cannot be written, so nothing of the registration may stay.
    {
        soci::session sql(db_->pool());
        sql << "ALTER TABLE audit_log RENAME TO audit_log_away";
    }
    auto failed = services::register_on_behalf(*db_, organiser, someone.email, request("commune:42218"), mail);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.failure().kind, FailureKind::technical);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE user_id = " + std::to_string(someone.id)), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + someone.email + "'"), 0);
    {
        soci::session sql(db_->pool());
        sql << "ALTER TABLE audit_log_away RENAME TO audit_log";
    }
    auto done = services::register_on_behalf(*db_, organiser, someone.email, request("commune:42218"), mail);
    ASSERT_TRUE(done.ok()) << done.failure().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE user_id = " + std::to_string(someone.id) +
                    " AND registered_by = " + std::to_string(organiser.id)),
              1);
}
