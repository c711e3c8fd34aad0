#include "features/roles/services/personal_data.hpp"

#include "features/roles/store/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource roles_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = store::roles_personal_tables;
    source.forget = store::forget_role_invitations;
    return source;
}

}  // namespace ateliers::services
