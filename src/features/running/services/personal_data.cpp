#include "features/running/services/personal_data.hpp"

#include "features/running/store/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource live_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = store::live_personal_tables;
    source.forget = store::forget_live_texts;
    source.expire = store::expire_live_texts;
    return source;
}

}  // namespace ateliers::services
