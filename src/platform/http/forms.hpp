#pragma once
// application/x-www-form-urlencoded and query strings.
#include <map>
#include <string>
#include <string_view>

#include "platform/core/result.hpp"
#include "platform/core/text.hpp"

namespace ateliers::web {

using FormFields = std::map<std::string, std::string>;

// Decodes percent escapes and '+'; refuses malformed escapes and invalid UTF-8
// with a French message, since a browser never sends those.
Result<FormFields> parse_urlencoded(std::string_view body);

// One home for the encoding: platform/core/text (the domains build URLs too).
inline std::string url_encode(std::string_view s) { return text::url_encode(s); }

// "value" of a field, empty when absent.
std::string field(const FormFields& f, const std::string& name);

}  // namespace ateliers::web
