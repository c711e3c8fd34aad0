#pragma once
// The events module's part of "Mes données", of an account's erasure and of retention.
#include "platform/privacy/personal_data.hpp"

namespace ateliers::services {

privacy::PersonalDataSource event_personal_data();

}  // namespace ateliers::services
