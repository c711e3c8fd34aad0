#include "features/programmes/services/personal_data.hpp"

#include "features/programmes/store/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource programme_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = store::programme_personal_tables;
    source.forget = store::forget_programme_member;
    return source;
}

}  // namespace ateliers::services
