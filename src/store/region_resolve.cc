#include "region_resolve.h"

#include <algorithm>

#include "pressekarte/geo.h"
#include "pressekarte/text.h"

namespace pk::store {

namespace {
int kind_rank(const std::string& kind) {
  if (kind == "country") return 0;
  if (kind == "admin1") return 1;
  if (kind == "admin2") return 2;
  return 3;
}
Result<std::string> best(std::vector<PlaceRow> rows, const std::string& name) {
  std::stable_sort(rows.begin(), rows.end(), [](const PlaceRow& a, const PlaceRow& b) {
    if (kind_rank(a.kind) != kind_rank(b.kind)) return kind_rank(a.kind) < kind_rank(b.kind);
    return a.population > b.population;
  });
  for (const auto& r : rows) {
    std::string key = region_key_of(r);
    if (!key.empty()) return key;
  }
  return Status::not_found("region \"" + name.substr(0, 80) + "\" is not a known place");
}
}  // namespace

std::string region_key_of(const PlaceRow& p) {
  if (p.kind == "country" && !p.country.empty()) return "country:" + p.country;
  if (p.kind == "admin1" && !p.country.empty() && !p.admin1.empty()) return "admin1:" + p.country + "." + p.admin1;
  if (p.kind == "admin2" && !p.country.empty() && !p.admin1.empty() && !p.admin2.empty())
    return "admin2:" + p.country + "." + p.admin1 + "." + p.admin2;
  if (p.geonameid) return "place:" + std::to_string(*p.geonameid);
  return "";
}

Result<std::string> resolve_region_name(
    const std::string& name, const StoreOptions& options,
    const std::function<Result<std::vector<PlaceRow>>(const std::string& folded)>& stored_places) {
  if (options.gazetteer) {
    std::vector<PlaceRow> rows;
    for (const auto& g : options.gazetteer->lookup(name)) {
      PlaceRow r{g.kind, g.country, g.admin1, "", g.geonameid, g.population};
      rows.push_back(r);
    }
    if (!rows.empty()) {
      auto key = best(rows, name);
      if (key) return key;
    }
  }
  auto rows = stored_places(fold_for_match(name));
  if (!rows) return rows.status();
  return best(std::move(rows.value()), name);
}

}  // namespace pk::store
