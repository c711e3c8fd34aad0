#include "features/programmes/domain/reminders.hpp"

namespace ateliers::programmes {

std::string follow_up_reminder_key(long long action_id, long long updated_at, const std::string& recipient) {
    return "follow_up:" + std::to_string(action_id) + ":" + std::to_string(updated_at) + ":" + recipient;
}

std::string review_reminder_key(long long territory_id, int year, const std::string& recipient) {
    return "review:" + std::to_string(territory_id) + ":" + std::to_string(year) + ":" + recipient;
}

bool review_due(int starts_year, int year, int today_year, int today_month) {
    const int end_year = starts_year + year - 1;  // the calendar year the programme's year `year` ends
    return today_year > end_year || (today_year == end_year && today_month >= 12);
}

}  // namespace ateliers::programmes
