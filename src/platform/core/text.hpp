#pragma once
// Text rules shared by forms, search and the referential: UTF-8 validity and the
// accent-insensitive folding used to match "pelussin" with "Pélussin".
#include <optional>
#include <string>
#include <string_view>

namespace ateliers::text {

bool is_valid_utf8(std::string_view s);

// Lower-cases, strips French diacritics, turns punctuation (hyphens, apostrophes,
// dots) into single spaces and trims. "Saint-Étienne" -> "saint etienne".
std::string fold_for_search(std::string_view s);
// The address word of a title: folded, words joined by "-", at most 80 characters cut at
// a word ("Forêts : comment coopérer ?" -> "forets-comment-cooperer"); empty when the
// title has no letter or digit.
std::string slug_of(std::string_view title);

std::string trim(std::string_view s);

// Number of Unicode code points in a valid UTF-8 string.
std::size_t length_in_chars(std::string_view s);

bool is_plausible_email(std::string_view s);

std::string lower_ascii(std::string_view s);

// For HTML text and attribute values (and XML: SVG charts): & < > " ' escaped.
std::string escape_html(std::string_view s);

// A whole number typed or put in a URL: ASCII digits only (no sign, no spaces, at most 18
// digits), within [min, max]; nullopt otherwise, never an exception.
std::optional<long long> parse_bounded_integer(std::string_view s, long long min, long long max);

// Percent-encoding of a URL query value or form field (RFC 3986 unreserved kept as is).
std::string url_encode(std::string_view s);

}  // namespace ateliers::text
