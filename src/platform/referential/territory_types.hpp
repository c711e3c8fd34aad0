#pragma once
// The territory types a cycle targets, as listed on the ANCT page.
#include <string>
#include <vector>

namespace ateliers::territory {

struct TerritoryType {
    const char* code;
    const char* label;
};

const std::vector<TerritoryType>& all_types();
// Label for a code, or the code itself when unknown.
std::string label(const std::string& code);
bool is_known(const std::string& code);

// "qpv,montagne" <-> {"qpv","montagne"}
std::vector<std::string> split_codes(const std::string& joined);
std::string join_codes(const std::vector<std::string>& codes);

}  // namespace ateliers::territory
