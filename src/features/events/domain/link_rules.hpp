#pragma once
// A document organisers publish after an event, as a link or a file: pure rules, unit-tested.
#include <map>
#include <optional>
#include <string>

namespace ateliers::events {

// Field -> French message ("title", "url"); empty when the link may be published. Only
// http(s) addresses with a host, no spaces or control characters: a "javascript:" or
// "data:" address on a public page would run in visitors' browsers.
std::map<std::string, std::string> link_problems(const std::string& title, const std::string& url);

// The title of a document, a link or a file: required, 200 characters at most.
std::optional<std::string> document_title_problem(const std::string& title);

}  // namespace ateliers::events
