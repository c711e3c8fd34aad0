#include "features/projects/services/personal_data.hpp"

#include "features/projects/store/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource project_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = store::project_personal_tables;
    source.forget = store::forget_project_member;
    return source;
}

}  // namespace ateliers::services
