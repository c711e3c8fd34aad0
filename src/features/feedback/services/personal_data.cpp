#include "features/feedback/services/personal_data.hpp"

#include "features/feedback/store/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource feedback_personal_data() {
    privacy::PersonalDataSource source;
    source.collect = store::feedback_personal_tables;
    source.forget = store::forget_feedback_texts;
    source.expire = store::expire_feedback_texts;
    return source;
}

}  // namespace ateliers::services
