#include "features/running/domain/breakout_groups_json.hpp"

#include "platform/core/text.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace ateliers::groups {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::optional<std::string> id_of(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    return std::nullopt;
}

std::optional<int> index_of(const json& value) {
    if (!value.is_number_integer()) return std::nullopt;
    const auto v = value.get<std::int64_t>();
    if (v < -1'000'000 || v > 1'000'000) return std::nullopt;
    return static_cast<int>(v);
}

Result<Participant> parse_participant(const json& entry, const std::string& where) {
    if (!entry.is_object()) return fail(where + " : un objet est attendu", where);
    Participant who;
    const auto id = entry.contains("id") ? id_of(entry["id"]) : std::nullopt;
    if (!id || id->empty()) return fail(where + " : \"id\" manquant ou vide", where + ".id");
    who.id = *id;
    const std::string named = "participant « " + who.id + " » (" + where + ")";
    const json role = entry.value("role", json());
    if (role == "elu" || role == "élu") who.role = Role::elu;
    else if (role == "agent") who.role = Role::agent;
    else if (role.is_null()) return fail(named + " : \"role\" manquant (\"elu\" ou \"agent\")", where + ".role");
    else return fail(named + " : \"role\" doit valoir \"elu\" ou \"agent\", pas " + role.dump(), where + ".role");
    const json collectivite = entry.value("collectivite", json());
    if (collectivite.is_string()) who.collectivite = text::fold_for_search(collectivite.get<std::string>());
    else if (!collectivite.is_null())
        return fail(named + " : \"collectivite\" doit être un texte", where + ".collectivite");
    const json absent = entry.value("absent", json::array());
    if (!absent.is_array()) return fail(named + " : \"absent\" doit être une liste de séances", where + ".absent");
    for (const auto& session : absent) {
        const auto s = index_of(session);
        if (!s) return fail(named + " : séance d'absence invalide " + session.dump(), where + ".absent");
        who.absent.push_back(*s);
    }
    const json locks = entry.value("locks", json::array());
    if (!locks.is_array()) return fail(named + " : \"locks\" doit être une liste", where + ".locks");
    for (const auto& lock : locks) {
        const auto session = lock.is_object() && lock.contains("session") ? index_of(lock["session"]) : std::nullopt;
        const auto group = lock.is_object() && lock.contains("group") ? index_of(lock["group"]) : std::nullopt;
        if (!session || !group)
            return fail(named + " : verrou invalide " + lock.dump() + ", attendu {\"session\": s, \"group\": g}",
                        where + ".locks");
        who.locks.push_back({*session, *group});
    }
    return who;
}

Status parse_past(const json& root, const std::map<std::string, int>& index, Problem& problem) {
    const json rounds = root.value("past_rounds", json::array());
    if (!rounds.is_array()) return fail("\"past_rounds\" doit être une liste de séances", "past_rounds");
    for (std::size_t r = 0; r < rounds.size(); ++r) {
        const std::string where = "past_rounds[" + std::to_string(r) + "]";
        if (!rounds[r].is_array()) return fail(where + " : une liste de groupes est attendue", where);
        Round round;
        for (std::size_t g = 0; g < rounds[r].size(); ++g) {
            const auto& members = rounds[r][g];
            const std::string at = where + "[" + std::to_string(g) + "]";
            if (!members.is_array()) return fail(at + " : une liste d'ids est attendue", at);
            Group group;
            for (const auto& member : members) {
                const auto id = id_of(member);
                const auto found = id ? index.find(*id) : index.end();
                if (found == index.end()) return fail(at + " : participant inconnu " + member.dump(), at);
                group.push_back(found->second);
            }
            round.push_back(std::move(group));
        }
        problem.past.push_back(std::move(round));
    }
    const json clients = root.value("past_clients", json::array());
    if (!clients.is_array()) return fail("\"past_clients\" doit être une liste de séances", "past_clients");
    for (std::size_t r = 0; r < clients.size(); ++r) {
        const std::string where = "past_clients[" + std::to_string(r) + "]";
        if (!clients[r].is_array()) return fail(where + " : une liste (un client ou null par groupe) est attendue", where);
        Clients round;
        for (const auto& client : clients[r]) {
            if (client.is_null()) {
                round.push_back(-1);
                continue;
            }
            const auto id = id_of(client);
            const auto found = id ? index.find(*id) : index.end();
            if (found == index.end()) return fail(where + " : participant inconnu " + client.dump(), where);
            round.push_back(found->second);
        }
        problem.past_clients.push_back(std::move(round));
    }
    return Done{};
}

}  // namespace

Result<Problem> parse_people(std::string_view json_text, int groups, int sessions) {
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::exception& error) {
        return fail(std::string("JSON illisible : ") + error.what(), "input");
    }
    if (!root.is_object() || !root.contains("participants") || !root["participants"].is_array())
        return fail("un objet {\"participants\": [...]} est attendu", "participants");
    Problem problem;
    problem.groups = groups;
    problem.sessions = sessions;
    std::map<std::string, int> index;
    const auto& entries = root["participants"];
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string where = "participants[" + std::to_string(i) + "]";
        auto who = parse_participant(entries[i], where);
        if (!who) return who.failure();
        if (const auto [at, fresh] = index.emplace(who->id, static_cast<int>(i)); !fresh)
            return fail("participant « " + who->id + " » (" + where + ") : id déjà pris par participants[" +
                            std::to_string(at->second) + "]",
                        where + ".id");
        problem.participants.push_back(std::move(who.value()));
    }
    if (auto past = parse_past(root, index, problem); !past) return past.failure();
    if (auto valid = validate(problem); !valid) return valid.failure();
    return problem;
}

namespace {

ordered_json counts(const Plan& plan, ordered_json out) {
    out["repeated_pairs"] = plan.score.repeated_pairs;
    out["same_collectivite_pairs"] = plan.score.same_collectivite_pairs;
    out["groups_without_mix"] = plan.score.groups_without_mix;
    return out;
}

}  // namespace

std::string to_json(const Problem& problem, const Plan& plan) {
    ordered_json out;
    out["rounds"] = ordered_json::array();
    for (const auto& round : plan.rounds) {
        auto& groups = out["rounds"].emplace_back(ordered_json::array());
        for (const auto& group : round) {
            auto& ids = groups.emplace_back(ordered_json::array());
            for (int p : group) ids.push_back(problem.participants[p].id);
        }
    }
    out["clients"] = ordered_json::array();
    for (const auto& round : plan.clients) {
        auto& ids = out["clients"].emplace_back(ordered_json::array());
        for (int c : round) ids.push_back(c >= 0 ? ordered_json(problem.participants[c].id) : ordered_json());
    }
    return counts(plan, std::move(out)).dump();
}

std::string golfers_to_json(const Plan& plan) {
    ordered_json out;
    out["rounds"] = ordered_json::array();
    for (const auto& round : plan.rounds) {
        auto& groups = out["rounds"].emplace_back(ordered_json::array());
        for (const auto& group : round) {
            auto& golfers = groups.emplace_back(ordered_json::array());
            for (int p : group) golfers.push_back(p + 1);
        }
    }
    return counts(plan, std::move(out)).dump();
}

}  // namespace ateliers::groups
