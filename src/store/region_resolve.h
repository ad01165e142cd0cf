// Resolving a plain region name ("Hessen", "Fulda", "Deutschland") to a region key.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pressekarte/status.h"
#include "pressekarte/store.h"

namespace pk::store {

// A stored place row, as far as region resolution needs it.
struct PlaceRow {
  std::string kind, country, admin1, admin2;
  std::optional<std::int64_t> geonameid;
  std::int64_t population = 0;
};

// Key of the region a place stands for: "country:DE", "admin1:DE.06", "admin2:DE.06.06631",
// "place:2905891"; "" if the row has too little to say.
std::string region_key_of(const PlaceRow& p);

// Resolves `name` through the gazetteer (if any), else through `stored_places` (places already
// in the store whose folded name matches). Prefers countries, then states, then districts, then
// the most populous place. not_found when nothing matches.
Result<std::string> resolve_region_name(const std::string& name, const StoreOptions& options,
                                        const std::function<Result<std::vector<PlaceRow>>(const std::string& folded)>&
                                            stored_places);

}  // namespace pk::store
