#pragma once
// The one rule for escaping text into HTML (text and attribute values) and XML.
// `text::escape_html` and the page templates both use it.
#include <string>
#include <string_view>

namespace ateliers::text {

// Appends `s` to `out` with & < > " ' escaped.
inline void append_escaped_html(std::string& out, std::string_view s) {
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char* entity = nullptr;
        switch (s[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = "&#39;"; break;
            default: continue;
        }
        out.append(s.data() + plain_from, i - plain_from);
        out.append(entity);
        plain_from = i + 1;
    }
    out.append(s.data() + plain_from, s.size() - plain_from);
}

}  // namespace ateliers::text
