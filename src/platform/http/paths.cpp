#include "platform/http/paths.hpp"

#include <limits>
#include "platform/core/text.hpp"

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
    return text::parse_bounded_integer(segment, 0, std::numeric_limits<long long>::max());
}

}  // namespace ateliers::web
