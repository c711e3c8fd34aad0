#include "platform/store/rows.hpp"

#include <stdexcept>

namespace ateliers::store {

std::optional<long long> as_optional_int(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_integer: return r.get<int>(i);
        case soci::dt_long_long: return r.get<long long>(i);
        case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
        case soci::dt_double: return static_cast<long long>(r.get<double>(i));
        case soci::dt_string: return std::stoll(r.get<std::string>(i));
        default: return std::nullopt;
    }
}

long long as_int(const soci::row& r, std::size_t i) { return as_optional_int(r, i).value_or(0); }

std::string as_text(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return {};
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_string: return r.get<std::string>(i);
        case soci::dt_integer: return std::to_string(r.get<int>(i));
        case soci::dt_long_long: return std::to_string(r.get<long long>(i));
        case soci::dt_unsigned_long_long: return std::to_string(r.get<unsigned long long>(i));
        case soci::dt_double: return std::to_string(r.get<double>(i));
        default: return {};
    }
}

std::size_t column_index(const soci::row& r, const std::string& column) {
    for (std::size_t i = 0; i < r.size(); ++i)
        if (r.get_properties(i).get_name() == column) return i;
    throw soci::soci_error("Column '" + column + "' not found");
}

long long as_int(const soci::row& r, const std::string& column) { return as_int(r, column_index(r, column)); }

std::optional<long long> as_optional_int(const soci::row& r, const std::string& column) {
    return as_optional_int(r, column_index(r, column));
}

std::string as_text(const soci::row& r, const std::string& column) { return as_text(r, column_index(r, column)); }

}  // namespace ateliers::store
