#include "features/cycles/demo/demo_cycles.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>

#include "platform/calendar/calendar_shift.hpp"
#include "platform/referential/territory_types.hpp"
#include "platform/core/source_dir.hpp"

namespace ateliers::services {

namespace {

using nlohmann::json;

calendar_shift::LocalSlot parse_slot(const json& s) {
    calendar_shift::LocalSlot t{};
    const auto date = s.at("date").get<std::string>();
    std::sscanf(date.c_str(), "%d-%d-%d", &t.year, &t.month, &t.day);
    std::sscanf(s.at("start").get<std::string>().c_str(), "%d:%d", &t.start_hour, &t.start_minute);
    std::sscanf(s.at("end").get<std::string>().c_str(), "%d:%d", &t.end_hour, &t.end_minute);
    return t;
}

std::string paragraphs(const json& description) {
    std::string out;
    for (const auto& p : description) out += (out.empty() ? "" : "\n\n") + p.get<std::string>();
    return out;
}

long long upsert_facilitator(soci::session& sql, const json& f) {
    const auto slug = f.at("slug").get<std::string>();
    const auto name = f.at("full_name").get<std::string>();
    const auto bio = f.value("bio", std::string{});
    sql << "INSERT INTO facilitators (slug, full_name, bio) VALUES (:s, :n, :b) "
           "ON CONFLICT (slug) DO UPDATE SET full_name = excluded.full_name, bio = excluded.bio",
        soci::use(slug), soci::use(name), soci::use(bio);
    long long id = 0;
    sql << "SELECT id FROM facilitators WHERE slug = :s", soci::use(slug), soci::into(id);
    return id;
}

}  // namespace

std::string default_demo_path() { return source_dir() + "/data/demo/ateliers-interactifs.json"; }

Result<DemoCounts> seed_demo(store::Database& db, const std::string& json_path, std::int64_t today_utc) {
    json content;
    try {
        std::ifstream in(json_path);
        if (!in) return fail("Fichier de démonstration introuvable : " + json_path);
        content = json::parse(in);
    } catch (const std::exception& e) {
        return fail("Fichier de démonstration illisible : " + json_path + " : " + e.what());
    }

    // One shift for every cycle keeps their relative calendar as published.
    std::vector<calendar_shift::LocalSlot> slots;
    for (const auto& c : content.at("cycles"))
        for (const auto& s : c.at("sessions")) slots.push_back(parse_slot(s));
    const int weeks = calendar_shift::weeks_ahead(slots, today_utc, 21);

    DemoCounts counts;
    auto status = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const long long now = store::now_utc_seconds();
        for (const auto& c : content.at("cycles")) {
            const auto facilitator_id = upsert_facilitator(sql, c.at("facilitator"));
            const auto slug = c.at("slug").get<std::string>();
            const auto title = c.at("title").get<std::string>();
            const auto theme = c.at("theme").get<std::string>();
            const auto summary = c.at("summary").get<std::string>();
            const auto description = paragraphs(c.at("description"));
            const auto types = territory::join_codes(c.at("territory_types").get<std::vector<std::string>>());
            const int capacity = c.value("capacity", 15);
            const auto mode = c.value("mode", std::string("first_come"));
            const auto first = calendar_shift::moved(parse_slot(c.at("sessions").at(0)), weeks).starts_at;
            // Registrations open now and close a week before the first session.
            const long long opens = now, closes = first - 7 * 86400;
            sql << "INSERT INTO cycles (slug, title, theme, summary, description, territory_types, facilitator_id, "
                   "capacity, mode, status, registration_opens_at, registration_closes_at, created_at) "
                   "VALUES (:slug, :title, :theme, :summary, :descr, :types, :fac, :cap, :mode, 'published', :o, :c, "
                   ":now) ON CONFLICT (slug) DO UPDATE SET title = excluded.title, theme = excluded.theme, "
                   "summary = excluded.summary, description = excluded.description, "
                   "territory_types = excluded.territory_types, facilitator_id = excluded.facilitator_id",
                soci::use(slug), soci::use(title), soci::use(theme), soci::use(summary), soci::use(description),
                soci::use(types), soci::use(facilitator_id), soci::use(capacity), soci::use(mode), soci::use(opens),
                soci::use(closes), soci::use(now);
            long long cycle_id = 0, existing_sessions = 0;
            sql << "SELECT id FROM cycles WHERE slug = :s", soci::use(slug), soci::into(cycle_id);
            sql << "SELECT COUNT(*) FROM cycle_sessions WHERE cycle_id = :c", soci::use(cycle_id),
                soci::into(existing_sessions);
            ++counts.cycles;
            // Dates already placed stay put: re-running the seed must not move sessions people planned around.
            if (existing_sessions > 0) continue;
            int number = 0;
            for (const auto& s : c.at("sessions")) {
                const auto moved = calendar_shift::moved(parse_slot(s), weeks);
                const long long starts = moved.starts_at, ends = moved.ends_at;
                const std::string visio = "https://webconf.numerique.gouv.fr/ateliers-" + slug + "-" +
                                          std::to_string(number + 1);
                ++number;
                sql << "INSERT INTO cycle_sessions (cycle_id, number, starts_at, ends_at, visio_url) "
                       "VALUES (:c, :n, :s, :e, :v)",
                    soci::use(cycle_id), soci::use(number), soci::use(starts), soci::use(ends), soci::use(visio);
                ++counts.sessions;
            }
        }
        int order = 0;
        for (const auto& t : content.value("testimonials", json::array())) {
            const auto slug = t.at("slug").get<std::string>(), author = t.at("author").get<std::string>(),
                       role = t.at("role_text").get<std::string>(), place = t.at("place").get<std::string>(),
                       quote = t.at("quote").get<std::string>();
            ++order;
            sql << "INSERT INTO testimonials (slug, author, role_text, place, quote, published, sort_order) "
                   "VALUES (:s, :a, :r, :p, :q, 1, :o) ON CONFLICT (slug) DO UPDATE SET author = excluded.author, "
                   "role_text = excluded.role_text, place = excluded.place, quote = excluded.quote",
                soci::use(slug), soci::use(author), soci::use(role), soci::use(place), soci::use(quote),
                soci::use(order);
            ++counts.testimonials;
        }
        order = 0;
        for (const auto& c : content.value("contacts", json::array())) {
            const auto email = c.at("email").get<std::string>(), name = c.at("full_name").get<std::string>();
            ++order;
            sql << "INSERT INTO contacts (email, full_name, sort_order) VALUES (:e, :n, :o) "
                   "ON CONFLICT (email) DO UPDATE SET full_name = excluded.full_name, sort_order = excluded.sort_order",
                soci::use(email), soci::use(name), soci::use(order);
            ++counts.contacts;
        }
        return Done{};
    });
    if (!status) return status.failure();
    spdlog::info("demo content: {} cycles, {} new sessions, {} testimonials, {} contacts", counts.cycles,
                 counts.sessions, counts.testimonials, counts.contacts);
    return counts;
}

}  // namespace ateliers::services
