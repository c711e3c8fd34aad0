#pragma once
// The roles module's part of "Mes données" and of erasure: invitations to the address.
#include "platform/privacy/personal_data.hpp"

namespace ateliers::services {
privacy::PersonalDataSource roles_personal_data();
}
