#include "features/events/services/event_own_programme.hpp"

#include <map>

#include "platform/core/paris_time.hpp"

namespace ateliers::services {

std::string own_programme_text(const std::vector<store::ItemRow>& items, const std::vector<store::SlotRow>& slots,
                               const std::vector<store::ChoiceRow>& choices) {
    std::map<long long, const store::ChoiceRow*> by_slot;
    for (const auto& c : choices) by_slot[c.slot_id] = &c;
    // One line per plenary item and per slot, in time order; a slot's line names the choice.
    std::multimap<std::pair<long long, int>, std::string> lines;
    for (const auto& i : items)
        if (!i.slot_id) lines.emplace(std::make_pair(i.starts_at, i.position), i.title);
    for (const auto& s : slots) {
        std::string line;
        const auto c = by_slot.find(s.id);
        if (c == by_slot.end()) {
            line = s.title + " : atelier pas encore choisi";
        } else {
            for (const auto& i : items)
                if (i.id == c->second->item_id)
                    line = "Atelier « " + i.title + " »" + (i.room.empty() ? "" : ", " + i.room);
            if (c->second->status == "waiting") line += " (liste d’attente)";
            if (c->second->status == "wish") line += " (en attente de place à l’événement)";
        }
        lines.emplace(std::make_pair(s.starts_at, -1), line);
    }
    std::string out, day;
    for (const auto& [key, line] : lines) {
        const auto d = paris_time::long_date(key.first);
        if (d != day) out += (out.empty() ? "" : "\n") + d + "\n";
        day = d;
        out += "  " + paris_time::time_of_day(key.first) + "  " + line + "\n";
    }
    return out.empty() ? "Le programme sera bientôt publié.\n" : out;
}

}  // namespace ateliers::services
