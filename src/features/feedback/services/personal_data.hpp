#pragma once
// The feedback module's part of "Mes données" and of an account's erasure.
#include "platform/privacy/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource feedback_personal_data();

}  // namespace ateliers::services
