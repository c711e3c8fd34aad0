#pragma once
// The address of a collectivité's territory page (/territoires/CODE, the reports
// module's), so that every page naming a collectivité to organisers can link to it.
#include <string>

namespace ateliers::web {

// "commune:42168" -> "/territoires/42168"; a région's code is also a département's, so
// "region:84" -> "/territoires/region-84". Empty for an empty id.
std::string territory_href(const std::string& collectivite_id);

}  // namespace ateliers::web
