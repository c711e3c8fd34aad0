#include "features/selection/domain/allocation_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace ateliers::allocation {
namespace {

using json = nlohmann::json;

// Bounds keep every total of the solver far from 64-bit overflow.
constexpr long long max_seats = 1'000'000'000;
constexpr long long max_priority = 1'000'000'000;

// How an entry is named in messages, in both languages.
struct Name {
    std::string fr;
    std::string en;
};

Name position(const char* list, std::size_t i) {
    std::string s = std::string(list) + "[" + std::to_string(i) + "]";
    return {s, s};
}
Name cycle_name(const std::string& id) { return {"cycle « " + id + " »", "cycle \"" + id + "\""}; }
Name applicant_name(const std::string& id) { return {"candidat « " + id + " »", "applicant \"" + id + "\""}; }

InputError fail(const Name& who, const std::string& fr, const std::string& en) {
    return {who.en, who.fr + " : " + fr, who.en + ": " + en};
}

std::string shown(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

// Ids are non-empty strings or integers; an integer is kept as its decimal text.
std::optional<std::string> read_id(const json& v) {
    if (v.is_string() && !v.get_ref<const std::string&>().empty()) return v.get<std::string>();
    if (v.is_number_integer()) return v.dump();
    return std::nullopt;
}

const json* field(const json& object, const char* key) {
    auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

// An integer field within [lo, hi]; `fallback` when absent, an error when required.
std::optional<InputError> read_integer(const json& object, const char* key, long long lo, long long hi,
                                       std::optional<long long> fallback, const Name& who, long long& out) {
    const json* v = field(object, key);
    if (!v) {
        if (fallback) {
            out = *fallback;
            return std::nullopt;
        }
        return fail(who, std::string("champ « ") + key + " » manquant", std::string("missing \"") + key + "\"");
    }
    bool fits = v->is_number_integer();
    if (fits && v->is_number_unsigned()) fits = v->get<unsigned long long>() <= static_cast<unsigned long long>(hi);
    if (fits) out = v->get<long long>();
    if (!fits || out < lo || out > hi) {
        const std::string range = std::to_string(lo) + " .. " + std::to_string(hi);
        const std::string k = key, value = shown(*v);
        return fail(who, "« " + k + " » vaut " + value + ", un entier entre " + range + " est attendu",
                    "\"" + k + "\" is " + value + ", expected an integer in " + range);
    }
    return std::nullopt;
}

std::optional<InputError> read_cycle(const json& c, std::size_t i, Round& round,
                                     std::unordered_map<std::string, std::size_t>& index) {
    if (!c.is_object()) return fail(position("cycles", i), "un objet est attendu", "expected an object");
    const json* raw_id = field(c, "id");
    auto id = raw_id ? read_id(*raw_id) : std::nullopt;
    if (!id)
        return fail(position("cycles", i), "identifiant manquant ou invalide (texte ou entier)",
                    "missing or invalid id (string or integer expected)");
    const Name who = cycle_name(*id);
    if (!index.emplace(*id, round.cycles.size()).second) return fail(who, "identifiant en double", "duplicate id");
    Cycle cycle{*id};
    if (auto e = read_integer(c, "capacity", 0, max_seats, std::nullopt, who, cycle.capacity)) return e;
    const long long third = default_minimum(cycle.capacity);
    if (auto e = read_integer(c, "min_elus", 0, max_seats, third, who, cycle.min_elus)) return e;
    if (auto e = read_integer(c, "min_agents", 0, max_seats, third, who, cycle.min_agents)) return e;
    round.cycles.push_back(std::move(cycle));
    return std::nullopt;
}

std::optional<InputError> read_choices(const json& a, const Name& who,
                                       const std::unordered_map<std::string, std::size_t>& cycles, Applicant& out) {
    const json* list = field(a, "choices");
    if (!list || !list->is_array() || list->empty())
        return fail(who, "« choices » doit être une liste non vide de cycles",
                    "\"choices\" must be a non-empty list of cycle ids");
    for (std::size_t r = 0; r < list->size(); ++r) {
        auto id = read_id((*list)[r]);
        if (!id)
            return fail(who, "choices[" + std::to_string(r) + "] n’est pas un identifiant de cycle",
                        "choices[" + std::to_string(r) + "] is not a cycle id");
        auto it = cycles.find(*id);
        if (it == cycles.end())
            return fail(who, "le choix « " + *id + " » n’est pas un cycle connu",
                        "choice \"" + *id + "\" is not a known cycle");
        if (std::find(out.choices.begin(), out.choices.end(), it->second) != out.choices.end())
            return fail(who, "le cycle « " + *id + " » est choisi deux fois",
                        "cycle \"" + *id + "\" is chosen twice");
        out.choices.push_back(it->second);
    }
    return std::nullopt;
}

std::optional<InputError> read_applicant(const json& a, std::size_t i,
                                         const std::unordered_map<std::string, std::size_t>& cycles,
                                         std::unordered_set<std::string>& seen, Applicant& out) {
    if (!a.is_object()) return fail(position("applicants", i), "un objet est attendu", "expected an object");
    const json* raw_id = field(a, "id");
    auto id = raw_id ? read_id(*raw_id) : std::nullopt;
    if (!id)
        return fail(position("applicants", i), "identifiant manquant ou invalide (texte ou entier)",
                    "missing or invalid id (string or integer expected)");
    const Name who = applicant_name(*id);
    if (!seen.insert(*id).second) return fail(who, "identifiant en double", "duplicate id");
    out.id = *id;
    const json* coll = field(a, "collectivite");
    auto coll_id = coll ? read_id(*coll) : std::nullopt;
    if (!coll_id)
        return fail(who, "« collectivite » manquante ou invalide (texte ou entier)",
                    "missing or invalid \"collectivite\" (string or integer expected)");
    out.collectivite = *coll_id;
    const json* role = field(a, "role");
    if (role && role->is_string() && (*role == "elu" || *role == "élu")) out.role = Role::elu;
    else if (role && role->is_string() && *role == "agent") out.role = Role::agent;
    else
        return fail(who, "le rôle doit être « elu » ou « agent », reçu " + (role ? shown(*role) : "rien"),
                    "role must be \"elu\" or \"agent\", got " + (role ? shown(*role) : "nothing"));
    if (auto e = read_integer(a, "priority", -max_priority, max_priority, 0, who, out.priority)) return e;
    if (auto e = read_choices(a, who, cycles, out)) return e;
    if (const json* arrival = field(a, "arrival")) {
        if (arrival->is_number()) out.arrival = arrival->get<double>();
        else if (arrival->is_string()) out.arrival = parse_iso8601(arrival->get<std::string>());
        if (!out.arrival || !std::isfinite(*out.arrival))
            return fail(who, "« arrival » vaut " + shown(*arrival) + ", ni un nombre ni une date ISO 8601",
                        "\"arrival\" is " + shown(*arrival) + ", neither a number nor an ISO 8601 date");
    }
    return std::nullopt;
}

}  // namespace

std::optional<double> parse_iso8601(std::string_view s) {
    std::size_t pos = 0;
    auto number = [&](int width, int& out) {
        out = 0;
        for (int i = 0; i < width; ++i, ++pos) {
            if (pos >= s.size() || s[pos] < '0' || s[pos] > '9') return false;
            out = out * 10 + (s[pos] - '0');
        }
        return true;
    };
    auto skip = [&](char c) { return pos < s.size() && s[pos] == c ? (++pos, true) : false; };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, offset = 0;
    double fraction = 0;
    if (!number(4, y) || !skip('-') || !number(2, mo) || !skip('-') || !number(2, d)) return std::nullopt;
    if (skip('T') || skip('t') || skip(' ')) {
        if (!number(2, h) || !skip(':') || !number(2, mi) || h > 23 || mi > 59) return std::nullopt;
        if (skip(':')) {
            if (!number(2, sec) || sec > 60) return std::nullopt;
            if (skip('.') || skip(',')) {
                const std::size_t start = pos;
                for (double unit = 0.1; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, unit /= 10)
                    fraction += (s[pos] - '0') * unit;
                if (pos == start) return std::nullopt;
            }
        }
        if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
            const int sign = s[pos++] == '-' ? -1 : 1;
            int oh = 0, om = 0;
            if (!number(2, oh)) return std::nullopt;
            skip(':');
            if (pos < s.size() && !number(2, om)) return std::nullopt;
            if (oh > 23 || om > 59) return std::nullopt;
            offset = sign * (oh * 3600 + om * 60);
        } else if (!skip('Z')) {
            skip('z');
        }
    }
    if (pos != s.size()) return std::nullopt;
    using namespace std::chrono;
    const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    const double days = static_cast<double>(sys_days{date}.time_since_epoch().count());
    return days * 86400 + h * 3600 + mi * 60 + sec + fraction - offset;
}

namespace {

// Reads the document as a stream of events and builds one small JSON value per
// cycle or applicant, checked and dropped at once: building and freeing the
// whole tree of a 50,000-applicant round costs about as much as solving it.
class RoundReader final : public nlohmann::json_sax<json> {
public:
    std::optional<InputError> error;
    Round round;
    bool object = false;                      // the document is an object
    bool cycles = false, applicants = false;  // holding these lists

    // Applicants read before the cycles wait for them.
    std::optional<InputError> finish() {
        for (auto& [i, entry] : early)
            if (auto e = applicant(entry, i)) return e;
        early.clear();
        return std::nullopt;
    }

    bool null() override { return scalar(json()); }
    bool boolean(bool v) override { return scalar(json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(json(v)); }
    bool string(string_t& v) override { return scalar(json(std::move(v))); }
    bool binary(binary_t&) override { return scalar(json()); }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        (in == In::entry ? pending : top_key) = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        const std::string what = e.what();
        error = InputError{"", "JSON mal formé : " + what, "malformed JSON: " + what};
        return false;
    }

private:
    enum class In { document, top, list, entry, skip, done };
    In in = In::document, after_skip = In::done;
    int skip_depth = 0;
    std::string top_key, pending;
    bool in_cycles = false;      // which list is being read
    std::size_t position = 0;    // of the entry in its list
    json entry;
    std::vector<json*> stack;    // open containers of `entry`
    std::unordered_map<std::string, std::size_t> index;  // cycle id → position
    std::unordered_set<std::string> seen;                // applicant ids
    std::vector<std::pair<std::size_t, json>> early;

    bool stop(InputError e) {
        error = std::move(e);
        return false;
    }
    std::optional<InputError> applicant(const json& a, std::size_t i) {
        Applicant out;
        if (auto e = read_applicant(a, i, index, seen, out)) return e;
        round.applicants.push_back(std::move(out));
        return std::nullopt;
    }
    bool done_entry() {
        in = In::list;
        const std::size_t i = position++;
        if (in_cycles) {
            if (auto e = read_cycle(entry, i, round, index)) return stop(*e);
        } else if (cycles) {
            if (auto e = applicant(entry, i)) return stop(*e);
        } else {
            early.emplace_back(i, std::move(entry));
        }
        return true;
    }
    void skip(In then) {
        in = In::skip, after_skip = then, skip_depth = 1;
    }
    bool attach(json v, bool container) {
        json& parent = *stack.back();
        json* slot = parent.is_object() ? &(parent[pending] = std::move(v)) : &parent.emplace_back(std::move(v));
        if (container) stack.push_back(slot);
        return true;
    }
    bool scalar(json v) {
        switch (in) {
            case In::top:
                if (top_key == "cycles" || top_key == "applicants") (top_key == "cycles" ? cycles : applicants) = false;
                return true;
            case In::list: entry = std::move(v); return done_entry();
            case In::entry: return attach(std::move(v), false);
            default: return true;  // a document that is not an object, or a skipped value
        }
    }
    bool open(json v) {
        switch (in) {
            case In::document:
                if (v.is_object()) object = true, in = In::top;
                else skip(In::done);
                return true;
            case In::top:
                if (v.is_array() && (top_key == "cycles" || top_key == "applicants")) {
                    in_cycles = top_key == "cycles";
                    (in_cycles ? cycles : applicants) = true;
                    in = In::list, position = 0;
                } else {
                    skip(In::top);
                }
                return true;
            case In::list:
                entry = std::move(v);
                stack.assign(1, &entry);
                in = In::entry;
                return true;
            case In::entry: return attach(std::move(v), true);
            case In::skip: ++skip_depth; return true;
            case In::done: return true;
        }
        return true;
    }
    bool close() {
        switch (in) {
            case In::skip:
                if (--skip_depth == 0) in = after_skip;
                return true;
            case In::entry:
                stack.pop_back();
                return stack.empty() ? done_entry() : true;
            case In::list:
                in = In::top;
                if (in_cycles)
                    if (auto e = finish()) return stop(*e);
                return true;
            default: in = In::done; return true;
        }
    }
};

}  // namespace

ParsedRound parse_round(const std::string& text) {
    RoundReader reader;
    json::sax_parse(text, &reader);
    if (reader.error) return *reader.error;
    const Name whole{"document", "document"};
    if (!reader.object)
        return fail(whole, "un objet avec « cycles » et « applicants » est attendu",
                    "expected an object with \"cycles\" and \"applicants\"");
    if (!reader.cycles) return fail(whole, "« cycles » doit être une liste", "\"cycles\" must be a list");
    if (!reader.applicants)
        return fail(whole, "« applicants » doit être une liste", "\"applicants\" must be a list");
    if (auto e = reader.finish()) return *e;
    return std::move(reader.round);
}

std::string to_json(const Allocation& allocation) {
    // Written by hand: nlohmann's ordered objects look keys up linearly, which
    // is quadratic for 50,000 applicants, and sorted objects lose input order.
    auto quoted = [](const std::string& s) { return shown(json(s)); };
    std::ostringstream out;
    out << "{\n  \"assignments\": {";
    const char* sep = "\n    ";
    for (const auto& a : allocation.assignments) {
        out << sep << quoted(a.applicant) << ": " << quoted(a.cycle);
        sep = ",\n    ";
    }
    out << (allocation.assignments.empty() ? "}" : "\n  }") << ",\n  \"waiting\": {";
    sep = "\n    ";
    for (const auto& w : allocation.waiting) {
        out << sep << quoted(w.cycle) << ": [";
        for (std::size_t i = 0; i < w.applicants.size(); ++i) out << (i ? ", " : "") << quoted(w.applicants[i]);
        out << "]";
        sep = ",\n    ";
    }
    const auto& o = allocation.objective;
    out << (allocation.waiting.empty() ? "}" : "\n  }") << ",\n  \"objective\": {\"filled\": " << o.filled
        << ", \"balance_deficit\": " << o.balance_deficit << ", \"priority\": " << o.priority
        << ", \"choice_rank\": " << o.choice_rank << ", \"arrival_rank\": " << o.arrival_rank
        << "},\n  \"proven_optimal\": " << (allocation.proven_levels == 5 ? "true" : "false")
        << ",\n  \"proven_levels\": " << allocation.proven_levels << "\n}\n";
    return out.str();
}

}  // namespace ateliers::allocation
