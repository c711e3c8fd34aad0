#pragma once
// JSON placed inside an HTML <script> element (JSON-LD). The HTML parser does not
// know JSON: "</script>", "<!--" or "<script" inside a string would end or confuse the
// element. '<', '>' and '&' only ever occur inside JSON strings, where the \uXXXX
// escapes mean the same characters to any JSON reader.
#include <nlohmann/json.hpp>

#include <string>

namespace ateliers::web {

inline std::string json_for_script(const nlohmann::json& j) {
    const auto text = j.dump();
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace ateliers::web
