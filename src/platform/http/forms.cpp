#include "platform/http/forms.hpp"

#include "platform/core/text.hpp"

namespace ateliers::web {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool decode_component(std::string_view in, std::string& out) {
    out.clear();
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            if (i + 2 >= in.size()) return false;
            const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
            if (hi < 0 || lo < 0) return false;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
    return true;
}

}  // namespace

Result<FormFields> parse_urlencoded(std::string_view body) {
    FormFields fields;
    std::size_t start = 0;
    while (start <= body.size()) {
        auto end = body.find('&', start);
        if (end == std::string_view::npos) end = body.size();
        const auto pair = body.substr(start, end - start);
        if (!pair.empty()) {
            const auto eq = pair.find('=');
            std::string name, value;
            if (!decode_component(pair.substr(0, eq), name) ||
                (eq != std::string_view::npos && !decode_component(pair.substr(eq + 1), value)))
                return fail("Le formulaire envoyé est mal formé. Merci de recharger la page et de réessayer.");
            if (!text::is_valid_utf8(name) || !text::is_valid_utf8(value))
                return fail("Le formulaire contient des caractères invalides (encodage non UTF-8). "
                            "Merci de vérifier le texte saisi et de réessayer.");
            // A name can repeat (a hidden default followed by a chosen radio): the first non-empty value wins.
            auto& slot = fields[name];
            if (slot.empty()) slot = std::move(value);
        }
        start = end + 1;
    }
    return fields;
}

std::string field(const FormFields& f, const std::string& name) {
    const auto it = f.find(name);
    return it == f.end() ? std::string{} : it->second;
}

}  // namespace ateliers::web
