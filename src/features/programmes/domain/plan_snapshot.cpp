#include "features/programmes/domain/plan_snapshot.hpp"

#include <nlohmann/json.hpp>

#include "platform/core/text.hpp"

namespace ateliers::programmes {

std::vector<std::string> split_codes(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        auto item = ateliers::text::trim(std::string_view(text).substr(start, end - start));
        if (!item.empty()) out.push_back(std::move(item));
        start = end + 1;
    }
    return out;
}

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

std::vector<int> parse_years(const std::string& text) {
    std::vector<int> out;
    for (const auto& item : split_codes(text)) {
        auto y = ateliers::text::parse_bounded_integer(item, 0, 99);
        if (!y) return {};
        out.push_back(static_cast<int>(*y));
    }
    return out;
}

std::string plan_snapshot_json(const std::vector<PlanItem>& items) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : items)
        out.push_back({{"key", i.key}, {"title", i.title}, {"kind", i.kind}, {"years", i.years}, {"status", i.status}});
    return out.dump();
}

std::vector<PlanItem> parse_plan_snapshot(const std::string& json_text) {
    std::vector<PlanItem> out;
    auto doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) return out;
    for (const auto& j : doc) {
        if (!j.is_object()) continue;
        PlanItem i;
        i.key = j.value("key", "");
        i.title = j.value("title", "");
        i.kind = j.value("kind", "");
        i.years = j.value("years", "");
        i.status = j.value("status", "");
        if (!i.key.empty()) out.push_back(std::move(i));
    }
    return out;
}

}  // namespace ateliers::programmes
