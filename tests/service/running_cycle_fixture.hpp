#pragma once
// A published cycle of 4 sessions (in 2030, 2 weeks apart, each with a video
// link) led by a facilitator linked to an account, and helpers to enrol confirmed
// participants straight into the database — two of a collectivité if asked,
// which the registration flow forbids but older data may hold.
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "features/cycles/services/cycle_admin.hpp"
#include "platform/store/rows.hpp"
#include "test_database.hpp"

namespace ateliers::test_support {

class RunningCycleTest : public DatabaseTest {
protected:
    struct Enrolled {
        long long registration = 0;
        std::string name;
        std::string email;
        std::string mandate;
        std::string collectivite;
    };

    long long organiser_ = 0;
    std::string slug_;
    long long cycle_id_ = 0;
    std::vector<long long> session_ids_;       // by number
    std::vector<long long> session_starts_;    // UTC seconds, by number
    std::vector<std::string> communes_;
    std::vector<Enrolled> people_;
    const services::MailContext mail_{"https://ateliers.example"};

    void SetUp() override {
        DatabaseTest::SetUp();
        organiser_ = add_user("orga@anct.gouv.fr", "Olga Organisatrice", "agent");
        add_user("ines@conseil.fr", "Inès Intervenante", "agent");
        soci::session sql(db_->pool());
        // The fixture referential is small: a commune of its own for each participant.
        for (int i = 1; i <= 40; ++i) {
            const std::string code = "T" + std::to_string(100 + i);
            const std::string id = "commune:" + code;
            const std::string name = "Villeneuve-" + std::to_string(i);
            const std::string search = "villeneuve " + std::to_string(i);
            sql << "INSERT INTO collectivites (id, kind, code, name, search_name, size_class, departement_code) "
                   "VALUES (:i, 'commune', :c, :n, :s, 'commune_small', '42')",
                soci::use(id), soci::use(code), soci::use(name), soci::use(search);
            communes_.push_back(id);
        }
        services::CycleInput in;
        in.title = "Coopérer pour la forêt";
        in.theme = "Transition écologique";
        in.summary = "Faire travailler ensemble propriétaires, communes et habitants.";
        in.capacity = "30";
        in.facilitator_choice = "new";
        in.new_facilitator_name = "Inès Intervenante";
        in.new_facilitator_bio = "Forestière et médiatrice.";
        in.facilitator_email = "ines@conseil.fr";
        in.sessions = {{"", "2030-03-07", "09:30", "11:30", "https://visio.example/s1"},
                       {"", "2030-03-21", "09:30", "11:30", "https://visio.example/s2"},
                       {"", "2030-04-04", "09:30", "11:30", "https://visio.example/s3"},
                       {"", "2030-04-18", "09:30", "11:30", "https://visio.example/s4"}};
        auto saved = services::create_cycle(*db_, organiser_, in, mail_);
        ASSERT_TRUE(saved.ok()) << saved.failure().message;
        slug_ = saved->slug;
        cycle_id_ = saved->id;
        ASSERT_TRUE(services::publish_cycle(*db_, organiser_, slug_).ok());
        soci::rowset<soci::row> sessions =
            (sql.prepare << "SELECT id, starts_at FROM cycle_sessions WHERE cycle_id = :c ORDER BY number",
             soci::use(cycle_id_));
        for (const auto& r : sessions) {
            session_ids_.push_back(store::as_int(r, 0));
            session_starts_.push_back(store::as_int(r, 1));
        }
        ASSERT_EQ(session_ids_.size(), 4u);
    }

    long long add_user(const std::string& email, const std::string& name, const std::string& mandate,
                       const std::string& collectivite = "commune:42168") {
        soci::session sql(db_->pool());
        long long id = 0;
        const long long now = store::now_utc_seconds();
        sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
               "confirmed_at, created_at) VALUES (:e, 'x', :n, :c, 'Fonction', :m, :t1, :t2) RETURNING id",
            soci::use(email), soci::use(name), soci::use(collectivite), soci::use(mandate), soci::use(now),
            soci::use(now), soci::into(id);
        return id;
    }

    // A confirmed registration; `collectivite` defaults to a commune of its own.
    Enrolled& enrol(const std::string& name, const std::string& mandate, std::string collectivite = {}) {
        if (collectivite.empty()) collectivite = communes_[people_.size()];
        const auto email = "p" + std::to_string(people_.size()) + "@exemple.fr";
        const long long user = add_user(email, name, mandate, collectivite);
        soci::session sql(db_->pool());
        const long long now = store::now_utc_seconds();
        long long id = 0;
        sql << "INSERT INTO registrations (cycle_id, user_id, collectivite_id, mandate, function_title, situation, "
               "status, arrival, created_at, updated_at) VALUES (:c, :u, :k, :m, 'Fonction', 'Une situation à "
               "partager avec le groupe.', 'confirmed', :a, :t1, :t2) RETURNING id",
            soci::use(cycle_id_), soci::use(user), soci::use(collectivite), soci::use(mandate), soci::use(now),
            soci::use(now), soci::use(now), soci::into(id);
        people_.push_back({id, name, email, mandate, collectivite});
        return people_.back();
    }

    // n participants, élus and agents alternating.
    void enrol_many(int n) {
        for (int i = 0; i < n; ++i)
            enrol("Personne " + std::to_string(people_.size() + 1), i % 2 == 0 ? "elu" : "agent");
    }

    void set_status(long long registration, const std::string& status) {
        soci::session sql(db_->pool());
        sql << "UPDATE registrations SET status = :s WHERE id = :id", soci::use(status), soci::use(registration);
    }

    // (registration, group_number, is_client, locked) of one session (number from 1), sorted.
    using Row = std::tuple<long long, int, int, int>;
    std::vector<Row> group_rows(int session_number) {
        std::vector<Row> out;
        soci::session sql(db_->pool());
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT registration_id, group_number, is_client, locked FROM session_groups "
                            "WHERE session_id = :s ORDER BY registration_id",
             soci::use(session_ids_[session_number - 1]));
        for (const auto& r : rows)
            out.emplace_back(store::as_int(r, 0), static_cast<int>(store::as_int(r, 1)),
                             static_cast<int>(store::as_int(r, 2)), static_cast<int>(store::as_int(r, 3)));
        return out;
    }

    std::map<long long, int> group_of(int session_number) {
        std::map<long long, int> out;
        for (const auto& [reg, group, client, locked] : group_rows(session_number)) out[reg] = group;
        return out;
    }

    const Enrolled& person(long long registration) const {
        for (const auto& p : people_)
            if (p.registration == registration) return p;
        throw std::runtime_error("unknown registration");
    }

    // A moment during session `number` (after its start).
    long long during(int number) const { return session_starts_[number - 1] + 60; }
    long long before_cycle() const { return session_starts_[0] - 86400; }
};

}  // namespace ateliers::test_support
