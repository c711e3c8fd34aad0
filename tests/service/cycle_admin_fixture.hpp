#pragma once
// The back office's cycle tests: an organiser, a valid cycle "Forêts" in 2030, and
// helpers to create people and register them.
#include "features/cycles/services/cycle_admin.hpp"
#include "features/registration/services/registrations.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

namespace ateliers::test_support {

inline const services::MailContext mail{"https://ateliers.example"};

// Four Thursdays, two weeks apart (6 weeks from first to last), 9 h 30 – 11 h 30 Paris time.
inline services::CycleInput forest_cycle() {
    services::CycleInput in;
    in.title = "Forêts : comment coopérer ?";
    in.theme = "Transition écologique";
    in.summary = "Coopérer entre communes forestières et propriétaires privés.";
    in.description = "Premier paragraphe.\n\nSecond paragraphe.";
    in.territory_types = {"ruralites", "montagne"};
    in.capacity = "15";
    in.mode = "first_come";
    in.sessions = {{"", "2030-01-10", "09:30", "11:30", "https://webconf.example/1"},
                   {"", "2030-01-24", "09:30", "11:30", ""},
                   {"", "07/02/2030", "9:30", "11h30", ""},
                   {"", "2030-02-21", "09:30", "11:30", ""}};
    return in;
}

class CycleAdminTest : public test_support::DatabaseTest {
protected:
    long long add_user(const std::string& email, const std::string& name, const std::string& collectivite,
                       const std::string& mandate = "elu") {
        soci::session sql(db_->pool());
        long long id = 0;
        const long long now = store::now_utc_seconds();
        const std::string function = "Maire";
        sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
               "confirmed_at, created_at) VALUES (:e, 'x', :n, :c, :f, :m, :t1, :t2) RETURNING id",
            soci::use(email), soci::use(name), soci::use(collectivite), soci::use(function), soci::use(mandate),
            soci::use(now), soci::use(now), soci::into(id);
        return id;
    }

    services::CurrentUser user(long long id, const std::string& email, const std::string& name) {
        services::CurrentUser u;
        u.id = id;
        u.email = email;
        u.full_name = name;
        return u;
    }

    Result<services::RegistrationOutcome> register_user(const services::CurrentUser& u, const std::string& slug,
                                                        const std::string& collectivite) {
        services::RegistrationRequest request;
        request.cycle_slug = slug;
        request.collectivite_id = collectivite;
        request.input = {std::string(90, 's'), "elu", "Maire", true, true, true};
        return services::register_for_cycle(*db_, u, request, mail);
    }

    std::string text(const std::string& sql_text) {
        std::string out;
        soci::session sql(db_->pool());
        sql << sql_text, soci::into(out);
        return out;
    }

    long long organiser_ = 0;

    void SetUp() override {
        DatabaseTest::SetUp();
        organiser_ = add_user("organisatrice@anct.gouv.fr", "Olga Organisatrice", "commune:42218", "agent");
    }
};


}  // namespace ateliers::test_support
