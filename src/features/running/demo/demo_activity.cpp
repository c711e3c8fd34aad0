#include "features/running/demo/demo_activity.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "platform/calendar/calendar_shift.hpp"
#include "features/running/services/breakout_planning.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::services {

namespace {

using store::as_int;
using store::as_text;

constexpr const char* email_domain = "@demo.ateliers.invalid";
constexpr const char* finished_slug = "demo-participation-habitants";
constexpr long long day = 86400;

const std::array<const char*, 12> first_names{"Camille", "Julien", "Sophie", "Karim", "Nathalie", "Thomas",
                                              "Aïcha",   "Pierre", "Claire", "Mehdi", "Isabelle", "Laurent"};
const std::array<const char*, 12> last_names{"Martin", "Bernard", "Robert", "Richard", "Durand", "Moreau",
                                             "Laurent", "Simon",  "Michel", "Lefèvre", "Garnier", "Faure"};

struct Person {
    long long id = 0;
    std::string collectivite;
    std::string mandate;
    std::string function_title;
};

// Real communes from every région and of every size, the small ones first as in the
// agency's priorities, one in eight overseas, then a few intercommunalités. The pick
// within each (région, size) group follows a fixed stride: the same people on every
// run, and names that do not all start with the same letter, as the first communes by
// code would.
std::vector<std::string> demo_collectivites(soci::session& sql) {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> groups;
    std::vector<std::string> metro, overseas;
    soci::rowset<soci::row> communes =
        (sql.prepare << "SELECT id, region_code, size_class, zone FROM collectivites WHERE kind = 'commune' "
                        "AND zone IN ('metro', 'drom') ORDER BY code");
    for (const auto& r : communes) {
        const auto region = as_text(r, "region_code");
        auto& regions = as_text(r, "zone") == "metro" ? metro : overseas;
        if (std::find(regions.begin(), regions.end(), region) == regions.end()) regions.push_back(region);
        groups[{region, as_text(r, "size_class")}].push_back(as_text(r, "id"));
    }
    std::sort(metro.begin(), metro.end());
    std::sort(overseas.begin(), overseas.end());
    const std::array<const char*, 8> sizes{"commune_small", "commune_medium", "commune_small", "commune_large",
                                           "commune_small", "commune_medium", "commune_xlarge", "commune_small"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < 32; ++i) {
        const auto& regions = i % 8 == 4 && !overseas.empty() ? overseas : metro;
        if (regions.empty()) break;
        const auto& region = regions[(i * 5 + i / 8) % regions.size()];
        for (std::size_t k = 0; k < sizes.size(); ++k) {  // the next size when the région has none of this one
            const auto it = groups.find({region, sizes[(i + k) % sizes.size()]});
            if (it == groups.end() || it->second.empty()) continue;
            auto& group = it->second;
            const auto at = (i * 7919 + 104729) % group.size();
            out.push_back(group[at]);
            group.erase(group.begin() + static_cast<std::ptrdiff_t>(at));
            break;
        }
    }
    soci::rowset<soci::row> epci =
        (sql.prepare << "SELECT id FROM collectivites WHERE kind = 'epci' ORDER BY code LIMIT 4 OFFSET 200");
    for (const auto& r : epci) out.push_back(as_text(r, "id"));
    return out;
}

std::vector<Person> create_people(soci::session& sql, const std::vector<std::string>& collectivites,
                                  std::int64_t now) {
    std::vector<Person> people;
    for (std::size_t i = 0; i < collectivites.size(); ++i) {
        Person p;
        // Every eighth person is the colleague of the one before: the rule "one per collectivité" shows.
        p.collectivite = i % 8 == 7 ? collectivites[i - 1] : collectivites[i];
        p.mandate = i % 3 == 0 ? "agent" : "elu";
        p.function_title = p.mandate == "elu" ? (i % 2 ? "Maire" : "Adjointe au maire") : "Directeur général des services";
        const std::string name = std::string(first_names[i % 12]) + " " + last_names[(i * 5 + i / 12) % 12];
        const std::string email = "demo." + std::to_string(i + 1) + email_domain;
        const long long at = now;
        // "!" is no argon2id hash: nobody can log in with these accounts.
        sql << "INSERT INTO users (email, password_hash, full_name, collectivite_id, function_title, mandate, "
               "confirmed_at, created_at) VALUES (:e, '!', :n, :c, :f, :m, :t, :t2) RETURNING id",
            soci::use(email), soci::use(name), soci::use(p.collectivite), soci::use(p.function_title),
            soci::use(p.mandate), soci::use(at), soci::use(at), soci::into(p.id);
        people.push_back(std::move(p));
    }
    return people;
}

const std::array<const char*, 4> situations{
    "Notre projet de réaménagement du centre-bourg divise le conseil municipal et les commerçants ; nous cherchons "
    "comment associer les habitants sans raviver les tensions.",
    "Depuis la fermeture de l’école, les familles partent ; l’équipe municipale veut construire avec les habitants un "
    "projet pour garder de la vie dans le village.",
    "La mutualisation des services entre nos communes bloque : chaque maire craint de perdre la main. Comment "
    "avancer ensemble ?",
    "Un conflit d’usage autour de l’eau oppose agriculteurs et riverains ; nous voulons ouvrir un dialogue durable "
    "avant l’été."};

long long insert_registration(soci::session& sql, long long cycle_id, const Person& p, const std::string& status,
                              int seat, int choice_rank, long long arrival_ms, std::int64_t now, std::size_t i) {
    const std::string situation = situations[i % situations.size()];
    soci::indicator seat_ind = seat > 0 ? soci::i_ok : soci::i_null;
    soci::indicator slot_ind = status == "confirmed" ? soci::i_ok : soci::i_null;
    const long long at = now;
    long long id = 0;
    sql << "INSERT INTO registrations (cycle_id, user_id, collectivite_id, collectivite_slot, mandate, function_title, "
           "situation, status, seat, arrival, created_at, updated_at, choice_rank) VALUES (:c, :u, :k, :slot, :m, :f, "
           ":s, :st, :seat, :a, :t1, :t2, :r) RETURNING id",
        soci::use(cycle_id, "c"), soci::use(p.id, "u"), soci::use(p.collectivite, "k"),
        soci::use(p.collectivite, slot_ind, "slot"), soci::use(p.mandate, "m"), soci::use(p.function_title, "f"),
        soci::use(situation, "s"), soci::use(status, "st"), soci::use(seat, seat_ind, "seat"),
        soci::use(arrival_ms, "a"), soci::use(at, "t1"), soci::use(at, "t2"), soci::use(choice_rank, "r"),
        soci::into(id);
    return id;
}

// Two demo cycles become one round "sur candidature"; most people apply, some to both.
int seed_round(soci::session& sql, const std::vector<Person>& people, std::int64_t now) {
    long long deadline = 0;
    sql << "SELECT MIN(registration_closes_at) FROM cycles WHERE slug IN ('montagnes-dialogue-dilemmes', "
           "'eau-ressource-rare')",
        soci::into(deadline);
    if (deadline <= now) deadline = now + 14 * day;
    sql << "UPDATE cycles SET mode = 'application', capacity = 8, registration_closes_at = :d WHERE slug IN "
           "('montagnes-dialogue-dilemmes', 'eau-ressource-rare')",
        soci::use(deadline);
    long long montagne = 0, eau = 0;
    sql << "SELECT id FROM cycles WHERE slug = 'montagnes-dialogue-dilemmes'", soci::into(montagne);
    sql << "SELECT id FROM cycles WHERE slug = 'eau-ressource-rare'", soci::into(eau);
    int applications = 0;
    const long long base_ms = (now - 10 * day) * 1000;
    for (std::size_t i = 0; i < 24 && i < people.size(); ++i) {
        const bool mountain_first = i % 2 == 0;
        const long long arrival = base_ms + static_cast<long long>(i) * 3'600'000;
        insert_registration(sql, mountain_first ? montagne : eau, people[i], "applied", 0, 0, arrival, now, i);
        ++applications;
        if (i % 3 != 2) {
            insert_registration(sql, mountain_first ? eau : montagne, people[i], "applied", 0, 1, arrival + 1, now, i);
            ++applications;
        }
    }
    return applications;
}

// A cycle held over the last weeks, with everything a finished cycle has.
int seed_finished_cycle(store::Database& db, const std::vector<Person>& people, std::int64_t now) {
    std::vector<long long> registrations;
    long long cycle_id = 0;
    // Four Tuesdays, two weeks apart, 13 h 30 – 15 h 30 in Paris, the last one a few days
    // ago. The source dates straddle a change of time on purpose: the hour must not move.
    std::vector<calendar_shift::LocalSlot> slots;
    for (const auto& [m, d] : std::array<std::pair<int, int>, 4>{{{10, 15}, {10, 29}, {11, 12}, {11, 26}}})
        slots.push_back({2024, m, d, 13, 30, 15, 30});
    const int weeks = calendar_shift::weeks_back(slots, now, 3);
    const long long first = calendar_shift::moved(slots.front(), weeks).starts_at;
    store::with_session(db, [&](soci::session& sql) {
        long long facilitator = 0;
        sql << "SELECT id FROM facilitators WHERE slug = 'sandra-pedano'", soci::into(facilitator);
        soci::indicator fac_ind = facilitator ? soci::i_ok : soci::i_null;
        const std::string slug = finished_slug;
        const long long opens = first - 60 * day, closes = first - 7 * day, created = first - 70 * day;
        sql << "INSERT INTO cycles (slug, title, theme, summary, description, territory_types, facilitator_id, "
               "capacity, mode, status, registration_opens_at, registration_closes_at, created_at) VALUES (:s, "
               "'Associer les habitants aux projets de la commune (cycle de démonstration terminé)', "
               "'Participation citoyenne', 'Cycle fictif de démonstration, déjà tenu : groupes, présences, pistes "
               "d’action et avis des participants.', 'Cycle fictif créé par la commande seed-demo --activity pour "
               "montrer les pages d’animation et les rapports.', 'ruralites,petites_villes', :f, 15, 'first_come', "
               "'closed', :o, :c, :t) RETURNING id",
            soci::use(slug), soci::use(facilitator, fac_ind), soci::use(opens), soci::use(closes),
            soci::use(created), soci::into(cycle_id);
        for (int n = 1; n <= 4; ++n) {
            const auto at = calendar_shift::moved(slots[static_cast<std::size_t>(n - 1)], weeks);
            const long long starts = at.starts_at, ends = at.ends_at;
            sql << "INSERT INTO cycle_sessions (cycle_id, number, starts_at, ends_at, visio_url) VALUES (:c, :n, :s, "
                   ":e, 'https://visio.example.invalid/demo')",
                soci::use(cycle_id), soci::use(n), soci::use(starts), soci::use(ends);
        }
        int seat = 0;
        for (std::size_t i = 24; i < people.size(); ++i) {
            if (people[i].collectivite == people[i - 1].collectivite && i > 24) continue;  // one per collectivité
            registrations.push_back(insert_registration(sql, cycle_id, people[i], "confirmed", ++seat, 0,
                                                        (opens + static_cast<long long>(i) * 600) * 1000, now, i));
        }
        // The questionnaire is marked sent: the worker must not write to made-up addresses.
        sql << "UPDATE registrations SET feedback_requested_at = :t WHERE cycle_id = :c", soci::use(now),
            soci::use(cycle_id);
    });
    // Composed as the facilitator did before the first session.
    auto composed = compose_groups(db, 0, finished_slug, 3, first - day);
    if (!composed) spdlog::warn("demo activity: groups not composed: {}", composed.failure().message);

    store::with_session(db, [&](soci::session& sql) {
        std::vector<long long> sessions;
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT id FROM cycle_sessions WHERE cycle_id = :c ORDER BY number", soci::use(cycle_id));
        for (const auto& r : rows) sessions.push_back(as_int(r, "id"));
        const std::array<const char*, 6> leads{
            "Organiser une balade urbaine avec les riverains avant le prochain conseil",
            "Rencontrer les commerçants un par un pour entendre leurs craintes",
            "Proposer une charte de la concertation au conseil communautaire",
            "Ouvrir une permanence mensuelle en mairie le samedi matin",
            "Associer le conseil municipal des jeunes au diagnostic",
            "Tester un budget participatif sur un petit périmètre"};
        const std::array<const char*, 4> lead_statuses{"done", "in_progress", "open", "dropped"};
        std::size_t lead = 0;
        for (std::size_t s = 0; s < sessions.size(); ++s) {
            const long long session_id = sessions[s];
            for (std::size_t r = 0; r < registrations.size(); ++r) {
                // Mostly present; a few excused or unexcused absences, as in real cycles.
                const char* status = (r + s) % 9 == 4 ? "excused" : (r * 3 + s) % 13 == 5 ? "absent" : "present";
                const long long id = registrations[r];
                const long long at = now;
                const std::string recorded = status;
                // Only an unexcused absence earns the kind e-mail (marked sent: the addresses are made up).
                soci::indicator mailed = recorded == "absent" ? soci::i_ok : soci::i_null;
                sql << "INSERT INTO attendance (session_id, registration_id, status, recorded_at, absence_mail_at) "
                       "VALUES (:s, :r, :st, :t, :m)",
                    soci::use(session_id), soci::use(id), soci::use(recorded), soci::use(at), soci::use(at, mailed);
            }
            soci::rowset<soci::row> clients = (sql.prepare << "SELECT registration_id FROM session_groups WHERE "
                                                              "session_id = :s AND is_client = 1 ORDER BY group_number",
                                               soci::use(session_id));
            std::vector<long long> client_ids;
            for (const auto& c : clients) client_ids.push_back(as_int(c, 0));
            for (const auto client : client_ids) {
                const std::string body = leads[lead % leads.size()];
                const std::string status = lead_statuses[lead % lead_statuses.size()];
                ++lead;
                const long long at = now;
                sql << "INSERT INTO action_leads (registration_id, session_id, body, status, created_at, updated_at) "
                       "VALUES (:r, :s, :b, :st, :t, :t2)",
                    soci::use(client), soci::use(session_id), soci::use(body), soci::use(status), soci::use(at),
                    soci::use(at);
            }
        }
        const std::array<const char*, 3> comments{
            "Des échanges très concrets avec des collègues qui vivent les mêmes situations.",
            "J’aurais aimé une cinquième séance pour faire le point sur nos pistes.",
            ""};
        for (std::size_t r = 0; r < registrations.size(); ++r) {
            if (r % 4 == 3) continue;  // not everyone answers
            const long long id = registrations[r];
            const int satisfaction = r % 5 == 1 ? 3 : (r % 2 ? 4 : 5);
            const int usefulness = r % 3 == 0 ? 5 : 4;
            const int recommend = r % 7 == 6 ? 0 : 1;
            const std::string comment = comments[r % comments.size()];
            const long long at = now;
            sql << "INSERT INTO feedback (registration_id, satisfaction, usefulness, would_recommend, comment, "
                   "submitted_at) VALUES (:r, :s, :u, :w, :c, :t)",
                soci::use(id), soci::use(satisfaction), soci::use(usefulness), soci::use(recommend),
                soci::use(comment), soci::use(at);
        }
        // A testimonial given with consent, waiting for the team's review.
        if (!registrations.empty()) {
            const long long author = people[24].id;
            const long long at = now;
            sql << "INSERT INTO testimonials (slug, author, role_text, place, quote, published, sort_order, user_id, "
                   "cycle_id, consent_at, submitted_at) VALUES ('demo-temoignage-a-relire', 'Claire Faure', 'Maire', "
                   "'commune de démonstration', 'Entendre comment d’autres communes s’y sont prises m’a donné le "
                   "courage de lancer notre première réunion publique.', 0, 100, :u, :c, :t, :t2)",
                soci::use(author), soci::use(cycle_id), soci::use(at), soci::use(at);
        }
    });
    return static_cast<int>(registrations.size());
}

}  // namespace

Result<DemoActivityCounts> seed_demo_activity(store::Database& db, std::int64_t now) {
    DemoActivityCounts counts;
    try {
        const bool already = store::with_session(db, [&](soci::session& sql) {
            long long n = 0;
            const std::string pattern = std::string("%") + email_domain;
            sql << "SELECT COUNT(*) FROM users WHERE email LIKE :p", soci::use(pattern), soci::into(n);
            return n > 0;
        });
        if (already) {
            counts.already_there = true;
            return counts;
        }
        std::vector<Person> people;
        auto round = store::in_transaction<int>(db, [&](soci::session& sql) -> Result<int> {
            const auto collectivites = demo_collectivites(sql);
            if (collectivites.size() < 30)
                return fail("Le référentiel des collectivités doit être importé avant l’activité de démonstration.");
            people = create_people(sql, collectivites, now);
            return seed_round(sql, people, now);
        });
        if (!round) return round.failure();
        counts.people = static_cast<int>(people.size());
        counts.applications = round.value();
        counts.past_participants = seed_finished_cycle(db, people, now);
        return counts;
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

}  // namespace ateliers::services
