#pragma once
// What the stored files say about a person: the files they uploaded, listed in "Mes
// données". The files themselves belong to what they were joined to (an event's page, a
// territory's diagnostic) and stay after an erasure, no longer tied to the account.
#include "platform/privacy/personal_data.hpp"

namespace ateliers::files {

privacy::PersonalDataSource uploads_personal_data();

}  // namespace ateliers::files
