// Private helpers of the lineage code shared with the story views.
#pragma once

#include <cstddef>
#include <vector>

#include "pressekarte/model.h"

namespace pk {

// Index of the member that is most likely the wire text: the one with the most sentences that
// at least one other member carries too. Ties: the earlier index (members come in date order).
std::size_t pick_wire_text(const std::vector<const Article*>& members);

}  // namespace pk
