#include <algorithm>
#include <map>

#include "features/cycles/services/cycle_admin.hpp"
#include "features/registration/services/registration_admin.hpp"
#include "features/registration/services/registrations.hpp"
#include "features/registration/services/seat_alerts.hpp"
#include "test_database.hpp"

using namespace ateliers;
using RegStatus = registration::Status;
using services::Decision;

namespace {

const services::MailContext mail{"https://ateliers.example"};

class RegistrationAdminTest : public test_support::DatabaseTest {
protected:
    struct Person {
        services::CurrentUser user;
        std::string collectivite;
        long long registration = 0;
    };

    long long organiser_ = 0;
    std::string slug_;

    void SetUp() override {
        DatabaseTest::SetUp();
        organiser_ = add_user("organisateur@anct.gouv.fr", "Omar Organisateur", "commune:42218", "agent").user.id;
    }

    Person add_user(const std::string& email, const std::string& name, const std::string& collectivite,
                    const std::string& mandate = "elu") {
        soci::session sql(db_->pool());
        long long id = 0;
        const long long now = store::now_utc_seconds();
        const std::string function = mandate == "elu" ? "Adjointe au maire" : "Chargé de mission";
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

    void make_cycle(const std::string& mode, int capacity) {
        services::CycleInput in;
        in.title = "Revitaliser les centres-bourgs";
        in.theme = "Revitalisation";
        in.summary = "Commerces, logements et espaces publics des petites centralités.";
        in.capacity = std::to_string(capacity);
        in.mode = mode;
        in.sessions = {{"", "2030-03-07", "14:00", "16:00", ""},
                       {"", "2030-03-21", "14:00", "16:00", ""},
                       {"", "2030-04-04", "14:00", "16:00", ""},
                       {"", "2030-04-18", "14:00", "16:00", ""}};
        auto saved = services::create_cycle(*db_, organiser_, in, mail);
        ASSERT_TRUE(saved.ok()) << saved.failure().message;
        slug_ = saved->slug;
        ASSERT_TRUE(services::publish_cycle(*db_, organiser_, slug_).ok());
    }

    RegStatus enrol(Person& p) {
        services::RegistrationRequest request;
        request.cycle_slug = slug_;
        request.collectivite_id = p.collectivite;
        request.input = {"Notre centre-bourg perd ses commerces ; nous cherchons comment associer les habitants au "
                         "projet de revitalisation.",
                         p.user.mandate, p.user.mandate == "elu" ? "Adjointe au maire" : "Chargé de mission", true,
                         true, true};
        auto outcome = services::register_for_cycle(*db_, p.user, request, mail);
        EXPECT_TRUE(outcome.ok()) << outcome.failure().message;
        if (!outcome.ok()) return RegStatus::cancelled;
        p.registration = outcome->registration_id;
        return outcome->status;
    }

    Result<services::DecisionOutcome> decide(const Person& p, Decision d) {
        return services::decide_registration(*db_, organiser_, slug_, p.registration, d, mail);
    }

    std::string status_of(const Person& p) {
        std::string s;
        soci::session sql(db_->pool());
        sql << "SELECT status FROM registrations WHERE id = :id", soci::use(p.registration), soci::into(s);
        return s;
    }

    long long mails(const std::string& recipient, const std::string& subject_start) {
        long long n = 0;
        soci::session sql(db_->pool());
        const std::string like = subject_start + "%";
        sql << "SELECT COUNT(*) FROM outbox WHERE recipient = :r AND subject LIKE :s", soci::use(recipient),
            soci::use(like), soci::into(n);
        return n;
    }
};

}  // namespace

TEST_F(RegistrationAdminTest, AcceptingGivesASeatAndTheCollectivitePlaceAndMailsThePerson) {
    make_cycle("application", 2);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    ASSERT_EQ(enrol(anne), RegStatus::applied);
    auto accepted = decide(anne, Decision::accept);
    ASSERT_TRUE(accepted.ok()) << accepted.failure().message;
    EXPECT_EQ(accepted->status, RegStatus::confirmed);
    EXPECT_EQ(accepted->cycle_slug, slug_);
    EXPECT_EQ(status_of(anne), "confirmed");
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE seat = 1 AND collectivite_slot = 'commune:42168'"), 1);
    EXPECT_EQ(mails("anne@pelussin.fr", "Inscription confirmée"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'registration.confirm' AND target = "
                    "'registration:" +
                    std::to_string(anne.registration) + "'"),
              1);
    auto again = decide(anne, Decision::accept);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.failure().kind, FailureKind::conflict);
}

TEST_F(RegistrationAdminTest, ASecondPersonFromTheSameCollectiviteCannotBeAccepted) {
    make_cycle("application", 5);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bea = add_user("bea@pelussin.fr", "Béatrice Blanc", "commune:42168", "agent");
    ASSERT_EQ(enrol(anne), RegStatus::applied);
    ASSERT_EQ(enrol(bea), RegStatus::applied);  // applications do not hold the place yet
    ASSERT_TRUE(decide(anne, Decision::accept).ok());
    auto refused = decide(bea, Decision::accept);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.failure().kind, FailureKind::conflict);
    EXPECT_NE(refused.failure().message.find("une seule inscription par collectivité"), std::string::npos)
        << refused.failure().message;
    EXPECT_NE(refused.failure().message.find("Anne Arnaud"), std::string::npos);
    EXPECT_EQ(status_of(bea), "applied");
    EXPECT_EQ(mails("bea@pelussin.fr", "Inscription confirmée"), 0);

    // Once Anne is declined, Béatrice can take the collectivité's place.
    ASSERT_TRUE(decide(anne, Decision::decline).ok());
    ASSERT_TRUE(decide(bea, Decision::accept).ok());
    EXPECT_EQ(status_of(bea), "confirmed");
}

TEST_F(RegistrationAdminTest, AcceptingBeyondCapacityIsRefused) {
    make_cycle("application", 2);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Brun", "commune:42056");
    auto carla = add_user("carla@dardilly.fr", "Carla Costa", "commune:69072", "agent");
    for (auto* p : {&anne, &bruno, &carla}) ASSERT_EQ(enrol(*p), RegStatus::applied);
    ASSERT_TRUE(decide(anne, Decision::accept).ok());
    ASSERT_TRUE(decide(bruno, Decision::accept).ok());
    auto full = decide(carla, Decision::accept);
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.failure().kind, FailureKind::conflict);
    EXPECT_NE(full.failure().message.find("complet"), std::string::npos);
    EXPECT_EQ(status_of(carla), "applied");
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"), 2);
    EXPECT_EQ(count("SELECT COUNT(DISTINCT seat) FROM registrations WHERE seat IS NOT NULL"), 2);
}

TEST_F(RegistrationAdminTest, DeclineAndWaitingListAreMailedAndAudited) {
    make_cycle("application", 2);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Brun", "commune:42056");
    ASSERT_EQ(enrol(anne), RegStatus::applied);
    ASSERT_EQ(enrol(bruno), RegStatus::applied);

    auto declined = decide(anne, Decision::decline);
    ASSERT_TRUE(declined.ok()) << declined.failure().message;
    EXPECT_EQ(status_of(anne), "declined");
    EXPECT_EQ(mails("anne@pelussin.fr", "Votre candidature"), 1);

    auto waiting = decide(bruno, Decision::wait);
    ASSERT_TRUE(waiting.ok()) << waiting.failure().message;
    EXPECT_EQ(waiting->waiting_position, 1);
    EXPECT_EQ(status_of(bruno), "waiting");
    EXPECT_EQ(mails("bruno@chavanay.fr", "Liste d’attente"), 1);
    // On application, the waiting list does not hold the collectivité's place.
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE collectivite_slot IS NOT NULL"), 0);

    // From the waiting list to a seat.
    ASSERT_TRUE(decide(bruno, Decision::accept).ok());
    EXPECT_EQ(status_of(bruno), "confirmed");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'registration.%'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'registration.decline' AND actor_user_id = " +
                    std::to_string(organiser_)),
              1);
}

TEST_F(RegistrationAdminTest, DecliningAConfirmedPersonInFirstComePromotesTheNextOneWaiting) {
    make_cycle("first_come", 1);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Brun", "commune:42056");
    ASSERT_EQ(enrol(anne), RegStatus::confirmed);
    ASSERT_EQ(enrol(bruno), RegStatus::waiting);
    ASSERT_TRUE(decide(anne, Decision::decline).ok());
    EXPECT_EQ(status_of(anne), "declined");
    EXPECT_EQ(status_of(bruno), "confirmed");
    EXPECT_EQ(mails("bruno@chavanay.fr", "Une place s’est libérée"), 1);
}

TEST_F(RegistrationAdminTest, DecliningTheHolderOfACollectivitesPlaceTellsTheColleagueWhoAsked) {
    make_cycle("first_come", 5);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto colleague = add_user("claire@pelussin.fr", "Claire Colin", "commune:42168");
    colleague.user.collectivite_id = colleague.collectivite;
    ASSERT_EQ(enrol(anne), RegStatus::confirmed);
    ASSERT_TRUE(services::request_seat_alert(*db_, colleague.user, slug_).ok());
    ASSERT_TRUE(decide(anne, Decision::decline).ok());
    EXPECT_EQ(mails("claire@pelussin.fr", "Une place se libère pour votre collectivité"), 1);
}

TEST_F(RegistrationAdminTest, CancellingStillPromotesTheNextOneWaiting) {
    make_cycle("first_come", 1);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Brun", "commune:42056");
    auto carla = add_user("carla@dardilly.fr", "Carla Costa", "commune:69072");
    ASSERT_EQ(enrol(anne), RegStatus::confirmed);
    ASSERT_EQ(enrol(bruno), RegStatus::waiting);
    ASSERT_EQ(enrol(carla), RegStatus::waiting);
    // An organiser's decision on someone else does not disturb the line.
    ASSERT_TRUE(decide(carla, Decision::decline).ok());
    ASSERT_TRUE(services::cancel_registration(*db_, anne.user, anne.registration, mail).ok());
    EXPECT_EQ(status_of(bruno), "confirmed");
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"), 1);
}

TEST_F(RegistrationAdminTest, MovingAConfirmedPersonToTheWaitingListInFirstComeGivesTheSeatToTheNextInLine) {
    make_cycle("first_come", 1);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Brun", "commune:42056");
    ASSERT_EQ(enrol(anne), RegStatus::confirmed);

    // Nobody else waits: the seat would come straight back.
    auto alone = decide(anne, Decision::wait);
    ASSERT_FALSE(alone.ok());
    EXPECT_EQ(alone.failure().kind, FailureKind::conflict);
    EXPECT_EQ(status_of(anne), "confirmed");

    ASSERT_EQ(enrol(bruno), RegStatus::waiting);
    auto moved = decide(anne, Decision::wait);
    ASSERT_TRUE(moved.ok()) << moved.failure().message;
    EXPECT_EQ(status_of(anne), "waiting");
    EXPECT_EQ(status_of(bruno), "confirmed");
    EXPECT_EQ(moved->waiting_position, 1);
    EXPECT_EQ(mails("anne@pelussin.fr", "Liste d’attente"), 1);
    // In "premier arrivé" the waiting list keeps the collectivité's place.
    EXPECT_EQ(count("SELECT COUNT(*) FROM registrations WHERE collectivite_slot = 'commune:42168'"), 1);
}

TEST_F(RegistrationAdminTest, CountsAndFiltersDescribeTheGroup) {
    make_cycle("application", 3);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");         // commune_medium, 84
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Brun", "commune:42056", "agent");  // commune_small, 84
    auto marc = add_user("marc@marseille.fr", "Marc Martin", "commune:13055", "agent");  // commune_xlarge, 93
    auto rose = add_user("rose@saint-denis.re", "Rose Payet", "commune:97411");        // outre-mer
    for (auto* p : {&anne, &bruno, &marc, &rose}) ASSERT_EQ(enrol(*p), RegStatus::applied);
    ASSERT_TRUE(decide(anne, Decision::accept).ok());
    ASSERT_TRUE(decide(bruno, Decision::accept).ok());
    ASSERT_TRUE(decide(marc, Decision::wait).ok());
    ASSERT_TRUE(services::cancel_registration(*db_, rose.user, rose.registration, mail).ok());

    auto all = services::cycle_registrations(*db_, slug_, {});
    ASSERT_TRUE(all.ok()) << all.failure().message;
    ASSERT_TRUE(all.value());
    const auto& data = *all.value();
    EXPECT_EQ(data.total, 4);
    EXPECT_EQ(data.rows.size(), 4u);
    const auto& c = data.counts;
    EXPECT_EQ(c.confirmed, 2);
    EXPECT_EQ(c.waiting, 1);
    EXPECT_EQ(c.applied, 0);
    EXPECT_EQ(c.cancelled, 1);
    const auto line = [](const std::vector<services::CountLine>& lines, const std::string& code) {
        const auto it = std::find_if(lines.begin(), lines.end(), [&](auto& l) { return l.code == code; });
        return it == lines.end() ? services::CountLine{} : *it;
    };
    EXPECT_EQ(line(c.mandates, "elu").confirmed, 1);
    EXPECT_EQ(line(c.mandates, "agent").confirmed, 1);
    EXPECT_EQ(line(c.mandates, "agent").active, 2);
    EXPECT_EQ(line(c.size_classes, "commune_small").confirmed, 1);
    EXPECT_EQ(line(c.size_classes, "commune_xlarge").active, 1);
    EXPECT_EQ(line(c.regions, "84").confirmed, 2);
    EXPECT_EQ(line(c.regions, "93").active, 1);
    EXPECT_EQ(line(c.regions, "84").label, "Auvergne-Rhône-Alpes");
    EXPECT_EQ(line(c.territory_kinds, "ruralites").confirmed, 1);
    EXPECT_EQ(line(c.territory_kinds, "petites_villes").confirmed, 1);
    EXPECT_EQ(line(c.territory_kinds, "outre_mer").active, 0);  // cancelled: not in the group
    EXPECT_EQ(c.priority.confirmed, 2);
    EXPECT_EQ(services::territory_kind("commune_large", "drom"), "outre_mer");

    // The table: confirmed first, the rest by status; labels and positions filled in.
    EXPECT_EQ(data.rows.front().status, RegStatus::confirmed);
    EXPECT_EQ(data.rows.front().collectivite_label, "Pélussin (42) – commune");
    const auto waiting = std::find_if(data.rows.begin(), data.rows.end(), [](auto& r) { return r.status == RegStatus::waiting; });
    ASSERT_NE(waiting, data.rows.end());
    EXPECT_EQ(waiting->waiting_position, 1);
    EXPECT_EQ(waiting->region_name, "Provence-Alpes-Côte d'Azur");

    auto elus = services::cycle_registrations(*db_, slug_, {"", "elu"});
    ASSERT_TRUE(elus.ok() && elus.value());
    EXPECT_EQ(elus.value()->rows.size(), 2u);  // Anne and Rose
    EXPECT_EQ(elus.value()->counts.confirmed, 2);  // counts ignore the filters
    auto confirmed_agents = services::cycle_registrations(*db_, slug_, {"confirmed", "agent"});
    ASSERT_TRUE(confirmed_agents.ok() && confirmed_agents.value());
    ASSERT_EQ(confirmed_agents.value()->rows.size(), 1u);
    EXPECT_EQ(confirmed_agents.value()->rows.front().full_name, "Bruno Brun");

    auto missing = services::cycle_registrations(*db_, "inconnu", {});
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing.value());
}

TEST_F(RegistrationAdminTest, ParticipantsExportAsCsvAndXlsxAndTheExportIsAudited) {
    make_cycle("application", 3);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "=Bruno; \"Brun\"", "commune:42056", "agent");
    ASSERT_EQ(enrol(anne), RegStatus::applied);
    ASSERT_EQ(enrol(bruno), RegStatus::applied);
    ASSERT_TRUE(decide(anne, Decision::accept).ok());

    auto csv = services::export_participants(*db_, organiser_, slug_, {}, services::ExportFormat::csv);
    ASSERT_TRUE(csv.ok()) << csv.failure().message;
    EXPECT_EQ(csv->filename, "participants-" + slug_ + ".csv");
    EXPECT_EQ(csv->content_type, "text/csv; charset=utf-8");
    const auto& bytes = csv->bytes;
    EXPECT_EQ(bytes.rfind("\xEF\xBB\xBFNom;E-mail;Collectivité;", 0), 0u) << bytes.substr(0, 80);
    EXPECT_NE(bytes.find("Anne Arnaud;anne@pelussin.fr;Pélussin (42) – commune;commune:42168;non;"
                         "Commune de 3 500 à 19 999 habitants;Auvergne-Rhône-Alpes;Élu ou élue;Adjointe au maire;"
                         "Inscription confirmée;1;;"),
              std::string::npos)
        << bytes;
    // Quoted, and defused as a formula.
    EXPECT_NE(bytes.find("\"'=Bruno; \"\"Brun\"\"\";bruno@chavanay.fr"), std::string::npos) << bytes;
    EXPECT_NE(bytes.find("Candidature reçue"), std::string::npos);
    EXPECT_EQ(std::count(bytes.begin(), bytes.end(), '\n'), 3);

    auto confirmed = services::export_participants(*db_, organiser_, slug_, {"confirmed", ""}, services::ExportFormat::csv);
    ASSERT_TRUE(confirmed.ok());
    EXPECT_EQ(confirmed->bytes.find("bruno@chavanay.fr"), std::string::npos);

    auto xlsx = services::export_participants(*db_, organiser_, slug_, {}, services::ExportFormat::xlsx);
    ASSERT_TRUE(xlsx.ok()) << xlsx.failure().message;
    EXPECT_EQ(xlsx->filename, "participants-" + slug_ + ".xlsx");
    EXPECT_EQ(xlsx->bytes.rfind("PK", 0), 0u);  // a zip container

    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export.csv' AND target = 'cycle:" + slug_ + "'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export.xlsx'"), 1);

    auto missing = services::export_participants(*db_, organiser_, "inconnu", {}, services::ExportFormat::csv);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.failure().kind, FailureKind::not_found);
}

TEST_F(RegistrationAdminTest, ACancelledRegistrationCannotBeDecidedOn) {
    make_cycle("application", 3);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    ASSERT_EQ(enrol(anne), RegStatus::applied);
    ASSERT_TRUE(services::cancel_registration(*db_, anne.user, anne.registration, mail).ok());
    for (auto d : {Decision::accept, Decision::decline, Decision::wait}) {
        auto r = decide(anne, d);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.failure().kind, FailureKind::conflict);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'registration.%'"), 0);
    auto unknown = services::decide_registration(*db_, organiser_, slug_, 999999, Decision::accept, mail);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.failure().kind, FailureKind::not_found);
}

TEST_F(RegistrationAdminTest, ADecisionActsOnlyOnARegistrationOfTheCycleInTheAddress) {
    make_cycle("application", 3);
    const std::string first = slug_;
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    ASSERT_EQ(enrol(anne), RegStatus::applied);
    make_cycle("application", 3);  // slug_ is now the second cycle's
    ASSERT_NE(slug_, first);

    for (auto d : {Decision::accept, Decision::decline, Decision::wait}) {
        auto elsewhere = services::decide_registration(*db_, organiser_, slug_, anne.registration, d, mail);
        ASSERT_FALSE(elsewhere.ok());
        EXPECT_EQ(elsewhere.failure().kind, FailureKind::not_found);
    }
    EXPECT_EQ(status_of(anne), "applied");
    EXPECT_EQ(mails("anne@pelussin.fr", "Inscription confirmée"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'registration.%'"), 0);

    auto here = services::decide_registration(*db_, organiser_, first, anne.registration, Decision::accept, mail);
    ASSERT_TRUE(here.ok()) << here.failure().message;
    EXPECT_EQ(status_of(anne), "confirmed");
}

TEST_F(RegistrationAdminTest, EveryCollectiviteIsDeclaredUntilSomethingVerifiesIt) {
    make_cycle("application", 3);
    auto anne = add_user("anne@pelussin.fr", "Anne Arnaud", "commune:42168");
    auto bruno = add_user("bruno@chavanay.fr", "Bruno Brun", "commune:42056", "agent");
    ASSERT_EQ(enrol(anne), RegStatus::applied);
    ASSERT_EQ(enrol(bruno), RegStatus::applied);
    {
        // Where the ProConnect work will write.
        soci::session sql(db_->pool());
        sql << "UPDATE registrations SET collectivite_verified = 1 WHERE id = :id", soci::use(bruno.registration);
    }
    auto data = services::cycle_registrations(*db_, slug_, {});
    ASSERT_TRUE(data.ok() && data.value());
    std::map<std::string, bool> verified;
    for (const auto& r : data.value()->rows) verified[r.email] = r.collectivite_verified;
    EXPECT_FALSE(verified.at("anne@pelussin.fr"));
    EXPECT_TRUE(verified.at("bruno@chavanay.fr"));

    auto table = services::participants_table(*db_, slug_, {});
    ASSERT_TRUE(table.ok());
    const auto& headers = table->headers;
    const auto column = std::find(headers.begin(), headers.end(), "Collectivité vérifiée") - headers.begin();
    ASSERT_LT(column, static_cast<long>(headers.size()));
    std::map<std::string, std::string> cell;
    for (const auto& row : table->rows) cell[row[1]] = row[column];
    EXPECT_EQ(cell.at("anne@pelussin.fr"), "non");
    EXPECT_EQ(cell.at("bruno@chavanay.fr"), "oui");
}
