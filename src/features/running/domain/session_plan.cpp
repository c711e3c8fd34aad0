#include "features/running/domain/session_plan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "platform/core/text.hpp"

namespace ateliers::session_plan {

namespace {

std::string ordinal(std::size_t i) { return "l’étape " + std::to_string(i + 1); }

std::string minutes_text(long long m) {
    const long long h = m / 60, rest = m % 60;
    if (h == 0) return std::to_string(m) + " min";
    if (rest == 0) return std::to_string(h) + " h";
    return std::to_string(h) + " h " + (rest < 10 ? "0" : "") + std::to_string(rest);
}

std::optional<std::size_t> index_of_key(const std::vector<Phase>& phases, std::string_view key) {
    for (std::size_t i = 0; i < phases.size(); ++i)
        if (phases[i].key == key) return i;
    return std::nullopt;
}

// The state at the start of phase `index`, running.
LiveState fresh_phase(int index, std::int64_t now_ms) { return LiveState{index, now_ms, std::nullopt, 0}; }

}  // namespace

Status validate(const std::vector<Phase>& phases) {
    if (phases.empty()) return fail("Le plan doit compter au moins une étape.", "phases");
    if (phases.size() > max_phases)
        return fail("Un plan compte au plus " + std::to_string(max_phases) + " étapes ; celui-ci en compte " +
                        std::to_string(phases.size()) + ".",
                    "phases");
    Failure failure{"", "", FailureKind::invalid, {}};
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const auto title = text::trim(phases[i].title);
        if (title.empty())
            failure.fields["phase_title_" + std::to_string(i)] = "Indiquez le titre de " + ordinal(i) + ".";
        else if (text::length_in_chars(title) > max_title_chars)
            failure.fields["phase_title_" + std::to_string(i)] =
                "Le titre de " + ordinal(i) + " dépasse " + std::to_string(max_title_chars) + " caractères.";
        if (phases[i].minutes < min_minutes || phases[i].minutes > max_minutes)
            failure.fields["phase_minutes_" + std::to_string(i)] =
                "La durée de " + ordinal(i) + " doit être comprise entre " + std::to_string(min_minutes) + " et " +
                std::to_string(max_minutes) + " minutes.";
        if (text::length_in_chars(text::trim(phases[i].instructions)) > max_instructions_chars)
            failure.fields["phase_instructions_" + std::to_string(i)] =
                "Les consignes de " + ordinal(i) + " dépassent " + std::to_string(max_instructions_chars) +
                " caractères : raccourcissez-les pour qu’elles se lisent sur un téléphone.";
    }
    if (failure.fields.empty()) return Done{};
    // The first problem, in plan order, is the one the summary names.
    std::string first_field;
    for (std::size_t i = 0; i < phases.size() && first_field.empty(); ++i)
        for (const auto& name : {"phase_title_" + std::to_string(i), "phase_minutes_" + std::to_string(i),
                                 "phase_instructions_" + std::to_string(i)})
            if (failure.fields.count(name) && first_field.empty()) first_field = name;
    failure.field = first_field;
    failure.message = failure.fields[first_field];
    return failure;
}

int total_minutes(const std::vector<Phase>& phases) {
    int total = 0;
    for (const auto& p : phases) total += p.minutes;
    return total;
}

std::string duration_warning(const std::vector<Phase>& phases, long long session_minutes) {
    const long long total = total_minutes(phases);
    if (session_minutes <= 0 || total == session_minutes) return {};
    const long long gap = total > session_minutes ? total - session_minutes : session_minutes - total;
    const auto gap_text = total > session_minutes ? minutes_text(gap) + " de trop."
                                                  : "il reste " + minutes_text(gap) + " sans étape.";
    return "Le plan dure " + minutes_text(total) + " alors que la séance dure " + minutes_text(session_minutes) +
           " : " + gap_text;
}

void assign_missing_keys(std::vector<Phase>& phases) {
    std::set<std::string> used;
    for (auto& p : phases) {
        if (p.key.empty() || used.count(p.key)) p.key.clear();
        else used.insert(p.key);
    }
    int n = 1;
    for (auto& p : phases) {
        if (!p.key.empty()) continue;
        while (used.count("etape-" + std::to_string(n))) ++n;
        p.key = "etape-" + std::to_string(n);
        used.insert(p.key);
    }
}

Result<std::vector<Phase>> phases_from_json(std::string_view json_text) {
    const auto parsed = nlohmann::json::parse(json_text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array()) return fail("Le plan enregistré est illisible.", "phases", FailureKind::technical);
    std::vector<Phase> out;
    for (const auto& entry : parsed) {
        if (!entry.is_object()) return fail("Le plan enregistré est illisible.", "phases", FailureKind::technical);
        Phase p;
        p.key = entry.value("key", "");
        p.title = entry.value("title", "");
        p.minutes = entry.value("minutes", 0);
        p.in_groups = entry.value("in_groups", false);
        p.instructions = entry.value("instructions", "");
        out.push_back(std::move(p));
    }
    return out;
}

std::string phases_to_json(const std::vector<Phase>& phases) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& p : phases) {
        nlohmann::ordered_json phase{
            {"key", p.key}, {"title", p.title}, {"minutes", p.minutes}, {"in_groups", p.in_groups}};
        // Written only when there are some: plans without instructions keep their old shape.
        if (!p.instructions.empty()) phase["instructions"] = p.instructions;
        out.push_back(std::move(phase));
    }
    return out.dump();
}

Stage stage_of(const LiveState& state, std::size_t phase_count) {
    if (state.phase_index < 0) return Stage::not_started;
    if (static_cast<std::size_t>(state.phase_index) >= phase_count) return Stage::ended;
    return state.paused_at_ms ? Stage::paused : Stage::running;
}

const char* stage_name(Stage stage) {
    switch (stage) {
        case Stage::not_started: return "not_started";
        case Stage::running: return "running";
        case Stage::paused: return "paused";
        case Stage::ended: return "ended";
    }
    return "not_started";
}

Timing timing(const std::vector<Phase>& phases, const LiveState& state, std::int64_t now_ms) {
    Timing t;
    t.stage = stage_of(state, phases.size());
    if (t.stage != Stage::running && t.stage != Stage::paused) return t;
    const auto index = static_cast<std::size_t>(state.phase_index);
    t.phase_index = index;
    const std::int64_t until = state.paused_at_ms ? *state.paused_at_ms : now_ms;
    t.elapsed_ms = std::max<std::int64_t>(0, until - state.phase_started_at_ms - state.paused_total_ms);
    t.remaining_ms = static_cast<std::int64_t>(phases[index].minutes) * 60'000 - t.elapsed_ms;
    return t;
}

std::optional<Transition> parse_transition(std::string_view name) {
    if (name == "start") return Transition::start;
    if (name == "pause") return Transition::pause;
    if (name == "resume") return Transition::resume;
    if (name == "next") return Transition::next;
    if (name == "previous") return Transition::previous;
    if (name == "end") return Transition::end;
    return std::nullopt;
}

Result<LiveState> apply(Transition transition, const std::vector<Phase>& phases, const LiveState& state,
                        std::int64_t now_ms) {
    const auto stage = stage_of(state, phases.size());
    const int count = static_cast<int>(phases.size());
    const auto conflict = [](std::string message) { return fail(std::move(message), {}, FailureKind::conflict); };
    if (transition == Transition::start) {
        if (stage == Stage::ended) return conflict("La séance est terminée.");
        if (stage != Stage::not_started) return conflict("La séance a déjà commencé.");
        if (phases.empty()) return conflict("Le plan de la séance ne compte aucune étape.");
        return fresh_phase(0, now_ms);
    }
    if (stage == Stage::not_started) return conflict("La séance n’a pas commencé.");
    switch (transition) {
        case Transition::pause: {
            if (stage == Stage::ended) return conflict("La séance est terminée.");
            if (stage == Stage::paused) return conflict("La séance est déjà en pause.");
            LiveState s = state;
            s.paused_at_ms = now_ms;
            return s;
        }
        case Transition::resume: {
            if (stage != Stage::paused) return conflict("La séance n’est pas en pause.");
            LiveState s = state;
            s.paused_total_ms += std::max<std::int64_t>(0, now_ms - *state.paused_at_ms);
            s.paused_at_ms.reset();
            return s;
        }
        case Transition::next:
            if (stage == Stage::ended) return conflict("La séance est terminée.");
            if (state.phase_index + 1 >= count)
                return conflict("C’est la dernière étape : pour finir, choisissez « Terminer la séance ».");
            return fresh_phase(state.phase_index + 1, now_ms);
        case Transition::previous:
            // From the end, going back reopens the last phase (a click too early).
            if (stage == Stage::ended) return fresh_phase(count - 1, now_ms);
            if (state.phase_index == 0) return conflict("C’est la première étape.");
            return fresh_phase(state.phase_index - 1, now_ms);
        case Transition::end: {
            if (stage == Stage::ended) return conflict("La séance est déjà terminée.");
            LiveState s;
            s.phase_index = count;
            s.phase_started_at_ms = now_ms;
            return s;
        }
        case Transition::start: break;
    }
    return conflict("Action inconnue.");
}

bool accepts_posts(const std::vector<Phase>& phases, const LiveState& state) {
    const auto stage = stage_of(state, phases.size());
    if (stage != Stage::running && stage != Stage::paused) return false;
    return phases[static_cast<std::size_t>(state.phase_index)].key == consultation_key;
}

bool accepts_leads(const std::vector<Phase>& phases, const LiveState& state) {
    const auto stage = stage_of(state, phases.size());
    if (stage == Stage::not_started) return false;
    if (stage == Stage::ended) return true;
    const auto synthesis = index_of_key(phases, synthesis_key);
    return !synthesis || static_cast<std::size_t>(state.phase_index) >= *synthesis;
}

}  // namespace ateliers::session_plan
