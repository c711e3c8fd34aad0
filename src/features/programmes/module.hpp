#pragma once
// Accompaniment programmes (Territoires d'engagement over three years): the programme's
// page, each territory's workspace, the know-how grid and the diagnostic.
#include "platform/files/file_storage.hpp"
#include "platform/modules/module.hpp"

namespace ateliers::programmes {
// `files`: where the diagnostics' evidence files are kept.
modules::Module module(const files::FileStorage& files = files::FileStorage());
}
