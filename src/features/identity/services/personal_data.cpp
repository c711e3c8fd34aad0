#include "features/identity/services/personal_data.hpp"

#include "features/identity/store/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource identity_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = store::identity_personal_tables;
    source.forget = store::forget_proconnect_identity;
    return source;
}

}  // namespace ateliers::services
