#include "platform/http/paths.hpp"

namespace ateliers::web {

std::vector<std::string> path_segments(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        if (end > start) out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::optional<long long> path_id(const std::string& segment) {
    if (segment.empty() || segment.size() > 18 || segment.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(segment);
}

}  // namespace ateliers::web
