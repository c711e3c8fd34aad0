#include "platform/core/text_files.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace ateliers::text_files {

std::optional<std::string> read_all(const std::string& path) {
    std::stringstream buffer;
    if (path == "-") {
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    buffer << in.rdbuf();
    return buffer.str();
}

bool write_all(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text << "\n";
        return true;
    }
    std::ofstream out(path, std::ios::binary);
    out << text << "\n";
    return static_cast<bool>(out);
}

}  // namespace ateliers::text_files
