#include "features/events/services/personal_data.hpp"

#include "features/events/store/personal_data.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

privacy::PersonalDataSource event_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = store::event_personal_tables;
    source.commitments = [](soci::session& sql, long long user_id) {
        std::vector<std::string> out;
        for (const auto& title : store::events_still_ahead_for(sql, user_id, store::now_utc_seconds()))
            out.push_back("une inscription à l’événement « " + title + " », qui n’a pas encore eu lieu");
        return out;
    };
    source.forget = store::forget_event_texts;
    source.expire = store::expire_event_texts;
    return source;
}

}  // namespace ateliers::services
