// Feed and header dates (RFC 822/1123, RFC 3339/W3C-DTF, ISO 8601) → ISO 8601.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pk::ingest {

// "Sun, 06 Jul 2014 12:56:00 GMT" → "2014-07-06T12:56:00Z"; "2003-12-13T18:30:02.25+01:00" →
// "2003-12-13T18:30:02+01:00"; "2003-12-13" → "2003-12-13". Zone names (GMT, EST, CEST, MEZ …)
// become offsets. nullopt when the text is not a date we understand.
std::optional<std::string> to_iso8601(std::string_view text);

// Seconds since 1970 (UTC) of an ISO 8601 date as produced by to_iso8601 (dates without a time
// count as midnight UTC).
std::optional<std::int64_t> iso_to_epoch(std::string_view iso);

}  // namespace pk::ingest
