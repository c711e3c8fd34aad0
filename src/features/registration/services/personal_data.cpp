#include "features/registration/services/personal_data.hpp"

#include "features/registration/store/personal_data.hpp"
#include "platform/store/database.hpp"

namespace ateliers::services {

privacy::PersonalDataSource registration_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = store::registration_personal_tables;
    source.commitments = [](soci::session& sql, long long user_id) {
        std::vector<std::string> out;
        for (const auto& title : store::cycles_still_running_for(sql, user_id, store::now_utc_seconds()))
            out.push_back("une inscription au cycle « " + title + " », qui n’est pas terminé");
        return out;
    };
    source.forget = store::forget_registration_texts;
    source.expire = store::expire_registration_texts;
    return source;
}

}  // namespace ateliers::services
