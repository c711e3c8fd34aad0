#pragma once
// Events with a programme (Journées des Territoires, Rencontres nationales): the public
// list and pages, registration with one workshop choice per slot, the programme's .ics.
#include "platform/files/file_storage.hpp"
#include "platform/modules/module.hpp"

namespace ateliers::events {
// `files`: where the documents published as files are kept.
modules::Module module(const files::FileStorage& files = files::FileStorage());
}
