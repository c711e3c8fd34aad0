#include "platform/audit/redaction.hpp"

#include <cstdint>

namespace ateliers::audit {

namespace {

// Code points outside ASCII that end a word in the journal's French sentences.
bool is_separator(std::uint32_t cp) {
    switch (cp) {
        case 0x00A0:  // no-break space
        case 0x202F:  // narrow no-break space
        case 0x2009:  // thin space
        case 0x00AB:  // «
        case 0x00BB:  // »
        case 0x2018:
        case 0x2019:  // ’
        case 0x201C:
        case 0x201D:
        case 0x2013:  // –
        case 0x2014:  // —
        case 0x2026:  // …
        case 0x00B7:  // ·
            return true;
        default: return false;
    }
}

bool is_word_ascii(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '@';
}

// The code point that starts at `at` (a lead byte); 0xFFFD for broken input.
std::uint32_t decode_at(const std::string& s, std::size_t at) {
    const auto b = static_cast<unsigned char>(s[at]);
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    std::uint32_t cp = extra == 3 ? b & 0x07 : extra == 2 ? b & 0x0F : extra == 1 ? b & 0x1F : b;
    if (at + extra >= s.size() + (extra ? 0 : 1)) return 0xFFFD;
    for (int i = 1; i <= extra; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3F);
    return cp;
}

bool is_word_code_point(std::uint32_t cp) {
    if (cp < 0x80) return is_word_ascii(static_cast<unsigned char>(cp));
    return !is_separator(cp);
}

// Is the code point ending just before `at` part of a word?
bool word_before(const std::string& s, std::size_t at) {
    if (at == 0) return false;
    std::size_t lead = at - 1;
    while (lead > 0 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
    const auto cp = decode_at(s, lead);
    if ((cp == '.' || cp == '+') && lead > 0) return is_word_ascii(static_cast<unsigned char>(s[lead - 1]));
    return is_word_code_point(cp);
}

// Is the code point starting at `at` part of a word?
bool word_after(const std::string& s, std::size_t at) {
    if (at >= s.size()) return false;
    const auto cp = decode_at(s, at);
    if ((cp == '.' || cp == '+') && at + 1 < s.size()) return is_word_ascii(static_cast<unsigned char>(s[at + 1]));
    return is_word_code_point(cp);
}

}  // namespace

std::string redact_whole(const std::string& text, const std::string& said, const std::string& replacement) {
    if (said.empty()) return text;
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = text.find(said); at != std::string::npos; at = text.find(said, at + 1)) {
        if (at < from) continue;
        if (word_before(text, at) || word_after(text, at + said.size())) continue;
        out.append(text, from, at - from);
        out += replacement;
        from = at + said.size();
    }
    out.append(text, from, std::string::npos);
    return out;
}

}  // namespace ateliers::audit
