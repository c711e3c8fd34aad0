// "Mes données" and erasing an account: what a person gets back, and what is left of
// them afterwards (counts for the agency's reports, no name, no text).
#include <nlohmann/json.hpp>

#include "features/cycles/demo/demo_cycles.hpp"
#include "features/feedback/services/personal_data.hpp"
#include "features/registration/services/personal_data.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/running/services/personal_data.hpp"
#include "platform/privacy/personal_data_service.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

using namespace ateliers;

namespace {

const services::MailContext mail{"https://ateliers.example"};
const std::string situation =
    "Notre forêt communale est au cœur de conflits d’usage entre chasseurs, randonneurs et exploitants forestiers.";

class PersonalDataTest : public test_support::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        auto seeded = services::seed_demo(*db_, services::default_demo_path(), store::now_utc_seconds());
        ASSERT_TRUE(seeded.ok()) << seeded.failure().message;
        claire_ = person("zephyrine.quellec", "commune:42168");
        auto reg = services::register_for_cycle(
            *db_, claire_, {"forets-cooperer", "commune:42168", {situation, "agent", "DGS", true, true, true}}, mail);
        ASSERT_TRUE(reg.ok()) << reg.failure().message;
        registration_ = reg->registration_id;
        soci::session sql(db_->pool());
        const long long now = store::now_utc_seconds();
        long long session_id = 0;
        sql << "SELECT s.id FROM cycle_sessions s JOIN cycles c ON c.id = s.cycle_id "
               "WHERE c.slug = 'forets-cooperer' AND s.number = 1",
            soci::into(session_id);
        sql << "INSERT INTO group_posts (session_id, group_number, author_registration_id, body, created_at) "
               "VALUES (:s, 1, :r, 'Créer une commission extra-municipale de la forêt', :t)",
            soci::use(session_id), soci::use(registration_), soci::use(now);
        sql << "INSERT INTO action_leads (registration_id, session_id, body, created_at, updated_at) "
               "VALUES (:r, :s, 'Réunir chasseurs et randonneurs avant l’été', :t, :t2)",
            soci::use(registration_), soci::use(session_id), soci::use(now), soci::use(now);
        sql << "INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at) VALUES ('h', :u, :t, :e)",
            soci::use(claire_.id), soci::use(now), soci::use(now + 3600);
        // The confirmation was sent: a sent message is part of what the person gets back.
        sql << "UPDATE outbox SET sent_at = :t WHERE recipient = :r", soci::use(now), soci::use(claire_.email);
    }

    std::vector<privacy::PersonalDataSource> sources() {
        return {services::registration_personal_data(), services::live_personal_data(),
                services::feedback_personal_data()};
    }

    void end_the_cycle() {
        soci::session sql(db_->pool());
        const long long past = store::now_utc_seconds() - 86400 * 30;
        sql << "UPDATE cycle_sessions SET starts_at = :a - 7200 * number, ends_at = :b - 7200 * number + 3600 "
               "WHERE cycle_id = (SELECT id FROM cycles WHERE slug = 'forets-cooperer')",
            soci::use(past), soci::use(past);
    }

    // Every text of every table, searched for the person's name (their e-mail contains it).
    std::vector<std::string> places_naming(const std::string& needle, const std::string& except_subject) {
        soci::session sql(db_->pool());
        const bool sqlite = db_->dialect() == store::Dialect::sqlite;
        std::vector<std::string> tables;
        soci::rowset<std::string> names =
            sqlite ? (sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                   : (sql.prepare << "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        for (const auto& n : names) tables.push_back(n);
        std::vector<std::string> found;
        for (const auto& t : tables) {
            std::vector<std::string> columns;
            soci::rowset<soci::row> info =
                sqlite ? (sql.prepare << "SELECT name FROM pragma_table_info('" + t + "')")
                       : (sql.prepare << "SELECT column_name FROM information_schema.columns WHERE table_name = '" +
                                             t + "'");
            for (const auto& c : info) columns.push_back(store::as_text(c, 0));
            for (const auto& c : columns) {
                std::string where = "LOWER(CAST(" + c + " AS TEXT)) LIKE '%" + needle + "%'";
                if (t == "outbox") where += " AND subject <> '" + except_subject + "'";
                long long n = 0;
                sql << "SELECT COUNT(*) FROM " + t + " WHERE " + where, soci::into(n);
                if (n > 0) found.push_back(t + "." + c);
            }
        }
        return found;
    }

    const privacy::DataTable* table(const services::PersonalDataExport& data, const std::string& key) {
        for (const auto& t : data.tables)
            if (t.key == key) return &t;
        return nullptr;
    }

    services::CurrentUser claire_;
    long long registration_ = 0;
};

}  // namespace

TEST_F(PersonalDataTest, ThePersonGetsBackWhatTheyWroteAndTheMailsSentToThem) {
    auto data = services::personal_data(*db_, claire_.id, sources(), store::now_utc_seconds());
    ASSERT_TRUE(data.ok()) << data.failure().message;
    const auto* registrations = table(data.value(), "inscriptions_cycles");
    ASSERT_NE(registrations, nullptr);
    ASSERT_EQ(registrations->rows.size(), 1u);
    const auto& columns = registrations->columns;
    const auto at = [&](const std::string& heading) {
        return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), heading) - columns.begin());
    };
    EXPECT_EQ(registrations->rows[0][at("Situation partagée")], situation);
    ASSERT_NE(table(data.value(), "idees_en_seance"), nullptr);
    EXPECT_EQ(table(data.value(), "idees_en_seance")->rows.size(), 1u);
    EXPECT_EQ(table(data.value(), "pistes_action")->rows.size(), 1u);
    ASSERT_NE(table(data.value(), "e_mails"), nullptr);
    EXPECT_GE(table(data.value(), "e_mails")->rows.size(), 1u);

    const auto json = nlohmann::json::parse(services::personal_data_json(data.value()));
    EXPECT_EQ(json["personne"]["email"], claire_.email);
    EXPECT_EQ(json["donnees"]["inscriptions_cycles"]["lignes"][0]["Situation partagée"], situation);
    EXPECT_EQ(json["donnees"]["idees_en_seance"]["lignes"][0]["Idée"],
              "Créer une commission extra-municipale de la forêt");
}

TEST_F(PersonalDataTest, ACycleStillRunningStopsTheErasureAndNothingChanges) {
    auto refused = services::erase_account(*db_, claire_.id, claire_.id, sources(), mail, store::now_utc_seconds());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::conflict);
    EXPECT_NE(refused.failure().message.find("Forêts"), std::string::npos) << refused.failure().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'zephyrine.quellec@exemple.fr'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM web_sessions"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE situation <> ''"), 1);
}

TEST_F(PersonalDataTest, ErasureKeepsTheCountsAndLosesNamesTextsAndSessions) {
    end_the_cycle();
    const auto before = count("SELECT COUNT(*) FROM registrations");
    auto done = services::erase_account(*db_, claire_.id, claire_.id, sources(), mail, store::now_utc_seconds());
    ASSERT_TRUE(done.ok()) << done.failure().message;

    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email LIKE '%zephyrine%' OR full_name LIKE '%zephyrine%'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE erased_at IS NOT NULL AND collectivite_id = 'commune:42168' "
                    "AND mandate = 'agent'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations"), before);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE collectivite_id = 'commune:42168' AND situation = ''"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM group_posts WHERE body <> ''"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM action_leads WHERE body <> ''"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM action_leads"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM web_sessions"), 0);
    // The old messages are gone; the confirmation of the erasure waits to be sent.
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'zephyrine.quellec@exemple.fr' AND sent_at IS NOT NULL"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'zephyrine.quellec@exemple.fr' "
                    "AND subject = 'Votre compte a été effacé'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.erase'"), 1);

    // Nothing left to show or to erase, and no way back in.
    auto again = services::personal_data(*db_, claire_.id, sources(), store::now_utc_seconds());
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::not_found);
    EXPECT_FALSE(services::erase_account(*db_, claire_.id, claire_.id, sources(), mail, store::now_utc_seconds()).ok());
    auto found = services::account_by_email(*db_, "Zephyrine.Quellec@exemple.fr");
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value());
}

TEST_F(PersonalDataTest, RetentionBlanksTheTextsOfCyclesEndedLongAgoOnly) {
    end_the_cycle();  // a month ago
    const long long now = store::now_utc_seconds();
    auto early = services::apply_retention(*db_, sources(), now, 24, mail);
    ASSERT_TRUE(early.ok()) << early.failure().message;
    EXPECT_EQ(early->total(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.retention'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE situation <> ''"), 1);

    const long long two_years_later = now + 24 * 2'629'746LL;
    auto due = services::apply_retention(*db_, sources(), two_years_later, 24, mail);
    ASSERT_TRUE(due.ok()) << due.failure().message;
    EXPECT_EQ(due->texts, 3);  // the situation, the idea, the action lead
    EXPECT_EQ(due->accounts, 0);
    EXPECT_GT(due->mails, 0);  // the confirmation, sent two years ago
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE situation <> '' OR function_title <> ''"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM group_posts WHERE body <> ''"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM action_leads WHERE body <> ''"), 0);
    // The participation is still counted, and the person still has an account.
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE collectivite_id = 'commune:42168'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'zephyrine.quellec@exemple.fr'"), 1);
    // Once is enough.
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.retention'"), 1);
    // Once is enough: nothing changes, nothing more in the journal.
    auto again = services::apply_retention(*db_, sources(), two_years_later, 24, mail);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->total(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.retention'"), 1);
}

TEST_F(PersonalDataTest, AccountsIdleForThreeYearsAreErasedAndTheCountsStay) {
    end_the_cycle();
    const long long now = store::now_utc_seconds();
    constexpr long long month = 2'629'746;
    auto active = person("toujours.presente", "commune:42218");
    auto with_key = person("cle.api", "commune:42056");
    {
        soci::session sql(db_->pool());
        // She signed in two and a half years from now; the other one's account has an API key.
        const long long later = now + 30 * month;
        sql << "UPDATE users SET last_active_at = :t WHERE id = :u", soci::use(later), soci::use(active.id);
        sql << "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES ('k', :u, 'tableur', :t)",
            soci::use(with_key.id), soci::use(now);
    }
    const auto erased = [&](long long id) {
        return count("SELECT COUNT(*) FROM users WHERE erased_at IS NOT NULL AND id = " + std::to_string(id)) == 1;
    };

    // Two years and eleven months: nobody is idle long enough yet.
    auto not_yet = services::apply_retention(*db_, sources(), now + 35 * month, 24, mail);
    ASSERT_TRUE(not_yet.ok()) << not_yet.failure().message;
    EXPECT_EQ(not_yet->accounts, 0);
    EXPECT_FALSE(erased(claire_.id));

    const long long three_years_later = now + 37 * month;
    auto due = services::apply_retention(*db_, sources(), three_years_later, 24, mail);
    ASSERT_TRUE(due.ok()) << due.failure().message;
    EXPECT_GE(due->accounts, 1);
    EXPECT_TRUE(erased(claire_.id));
    EXPECT_FALSE(erased(active.id));
    EXPECT_FALSE(erased(with_key.id));
    // The erasure rule of a person's request: no name, no session, the counts stay.
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'zephyrine.quellec@exemple.fr'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM web_sessions WHERE user_id = " + std::to_string(claire_.id)), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE collectivite_id = 'commune:42168' AND mandate = 'agent' "
                    "AND user_id = " + std::to_string(claire_.id)),
              1);
    EXPECT_EQ(places_naming("zephyrine", "Votre compte a été effacé"), std::vector<std::string>{});
    // She is told, and the journal says why, by account number only.
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'zephyrine.quellec@exemple.fr' AND subject = "
                    "'Votre compte a été effacé' AND body_text LIKE '%depuis 3 ans%'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.expire' AND target = 'user:" +
                    std::to_string(claire_.id) + "'"),
              1);
    // One line per pass that changed something (the first one blanked the cycle's texts).
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.retention'"), 2);

    auto again = services::apply_retention(*db_, sources(), three_years_later, 24, mail);
    ASSERT_TRUE(again.ok()) << again.failure().message;
    EXPECT_EQ(again->total(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('account.expire', 'privacy.retention')"),
              due->accounts + 2);
}

TEST_F(PersonalDataTest, TheMailJournalKeepsSentMessagesTwelveMonths) {
    const long long now = store::now_utc_seconds();
    constexpr long long month = 2'629'746;
    {
        soci::session sql(db_->pool());
        sql << "UPDATE outbox SET sent_at = NULL WHERE recipient <> 'zephyrine.quellec@exemple.fr'";
        sql << "INSERT INTO outbox (recipient, subject, body_text, body_html, created_at) "
               "VALUES ('attente@exemple.fr', 'Pas encore parti', 'texte', '', :t)",
            soci::use(now);
    }
    const long long sent = count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL");
    ASSERT_GT(sent, 0);
    auto eleven = services::apply_retention(*db_, sources(), now + 11 * month, 0, mail);
    ASSERT_TRUE(eleven.ok()) << eleven.failure().message;
    EXPECT_EQ(eleven->mails, 0);
    auto thirteen = services::apply_retention(*db_, sources(), now + 13 * month, 0, mail);
    ASSERT_TRUE(thirteen.ok()) << thirteen.failure().message;
    EXPECT_EQ(thirteen->mails, sent);
    EXPECT_EQ(thirteen->texts, 0);  // --retention-months 0: texts are kept
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL"), 0);
    EXPECT_GT(count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"), 0);  // still to deliver: kept
}

TEST_F(PersonalDataTest, ErasureLeavesOtherPeoplesNamesInTheJournal) {
    auto marie = person("marie", "commune:42218");
    auto anne_marie = person("anne-marie", "commune:42056");
    {
        soci::session sql(db_->pool());
        const long long now = store::now_utc_seconds();
        sql << "INSERT INTO audit_log (action, target, details, at) VALUES "
               "('role.grant', 'user:1', 'Rôle donné à marie (marie@exemple.fr)', :t), "
               "('role.grant', 'user:2', 'Rôle donné à anne-marie (anne-marie@exemple.fr)', :t2), "
               "('role.invite', 'email:marie@exemple.fr', 'Invitation envoyée à jean.marie@exemple.fr, de Sainte-marie', :t3)",
            soci::use(now), soci::use(now), soci::use(now);
    }
    auto done = services::erase_account(*db_, marie.id, marie.id, sources(), mail, store::now_utc_seconds());
    ASSERT_TRUE(done.ok()) << done.failure().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE details = 'Rôle donné à Compte effacé (Compte effacé)'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE details = 'Rôle donné à anne-marie (anne-marie@exemple.fr)'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE target = 'email:compte-efface' AND details = "
                    "'Invitation envoyée à jean.marie@exemple.fr, de Sainte-marie'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE id = " + std::to_string(anne_marie.id) + " AND erased_at IS NULL"), 1);
}

TEST_F(PersonalDataTest, AfterErasureNoTableNamesThePerson) {
    end_the_cycle();
    {
        // A few more places a name goes: a testimonial, a suggested theme, the audit journal.
        soci::session sql(db_->pool());
        const long long now = store::now_utc_seconds();
        sql << "INSERT INTO testimonials (slug, author, role_text, place, quote, user_id, submitted_at) "
               "VALUES ('t-zq', 'zephyrine.quellec', 'DGS', 'Pélussin', 'Un vrai temps de recul.', :u, :t)",
            soci::use(claire_.id), soci::use(now);
        sql << "INSERT INTO theme_suggestions (author_user_id, title, created_at) VALUES (:u, 'Les haies', :t)",
            soci::use(claire_.id), soci::use(now);
    }
    ASSERT_FALSE(places_naming("zephyrine", "Votre compte a été effacé").empty());  // the search finds them
    auto done = services::erase_account(*db_, claire_.id, claire_.id, sources(), mail, store::now_utc_seconds());
    ASSERT_TRUE(done.ok()) << done.failure().message;
    // Only the confirmation of the erasure, until it is sent, carries the address.
    EXPECT_EQ(places_naming("zephyrine", "Votre compte a été effacé"), std::vector<std::string>{});
}
