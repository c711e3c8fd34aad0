#pragma once
// The identity module's part of "Mes données" and of an account's erasure.
#include "platform/privacy/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource identity_personal_data();

}  // namespace ateliers::services
