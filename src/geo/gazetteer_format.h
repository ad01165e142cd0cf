// On-disk layout of gazetteer.bin, shared by the writer and the reader (docs/gazetteer-format.md).
// All integers little-endian; every section starts 8-byte aligned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pk::geo::format {

inline constexpr char kMagic[8] = {'P', 'K', 'G', 'A', 'Z', 'E', 'T', '\n'};
// 2: string pool entries carry a u16 length prefix (no strlen on key compares); hash slots are
//    u64 with a 32-bit hash tag.
inline constexpr std::uint32_t kVersion = 2;
inline constexpr std::size_t kMaxStringBytes = 0xFFFF;  // longest pool string (u16 length)
inline constexpr std::uint32_t kEndianCheck = 0x01020304u;

struct FileHeader {  // 48 bytes at offset 0, followed by section_count SectionEntry
  char magic[8];
  std::uint32_t version;
  std::uint32_t endian_check;
  std::uint64_t file_size;      // must equal the size on disk (catches truncation)
  std::uint32_t section_count;
  std::uint32_t place_count;
  std::uint32_t max_key_words;  // most space-separated words in any key
  std::uint32_t key_flags_all;  // OR of kFlagLexiconsMissing if the build had no lexicons
  std::uint64_t reserved;
};
static_assert(sizeof(FileHeader) == 48);

enum SectionId : std::uint32_t {
  kStrings = 1,      // string pool: "\0", then per string u16 length, UTF-8 bytes, NUL; offset = first byte
  kPlaces = 2,       // PlaceRecord[place_count]
  kNames = 3,        // uint32 string offsets; PlaceRecord::names_begin/count index here
  kExactKeys = 4,    // KeyEntry[], sorted by key bytes
  kExactCands = 5,   // Candidate[]
  kExactHash = 6,    // uint64 slots (≈1.3 × keys); 0 = empty, else hash_slot(); linear probing
  kFoldedKeys = 7,
  kFoldedCands = 8,
  kFoldedHash = 9,
  kGeonameIds = 10,  // GeonameIdEntry[], sorted by id
  kMeta = 11,        // UTF-8 text "key=value\n" lines: sources, counts, build time
  kFoldedPrefixes = 12,  // uint64 slots: (key_hash(prefix) | 1) of every boundary prefix of a
                         // folded key (is_prefix_point); 0 = empty; load ≤ 0.5, linear probing
};

struct SectionEntry {  // 24 bytes
  std::uint32_t id;
  std::uint32_t reserved;
  std::uint64_t offset;
  std::uint64_t size;
};
static_assert(sizeof(SectionEntry) == 24);

struct KeyEntry {  // 12 bytes
  std::uint32_t key;         // string pool offset
  std::uint32_t cand_begin;  // into the matching *Cands section
  std::uint32_t packed;      // low 24 bits: candidate count; high 8 bits: KeyFlags
  std::uint32_t cand_count() const { return packed & 0xFFFFFFu; }
  std::uint32_t flags() const { return packed >> 24; }
};
static_assert(sizeof(KeyEntry) == 12);
inline constexpr std::uint32_t kMaxCandidatesPerKey = 0xFFFFFFu;

struct GeonameIdEntry {
  std::uint32_t geonameid;
  std::uint32_t place;
};
static_assert(sizeof(GeonameIdEntry) == 8);

// A hash slot: high 32 bits of the key's hash (a tag, so a probe rejects other keys without
// touching their KeyEntry and string), low 32 bits key index + 1 (0 = empty slot).
inline std::uint64_t hash_slot(std::uint64_t hash, std::uint32_t key_index) {
  return (hash & 0xFFFFFFFF00000000ull) | (static_cast<std::uint64_t>(key_index) + 1);
}

// Word boundaries inside keys: ASCII non-alphanumerics, U+0080–U+00BF and U+2000–U+207F (’ – «).
inline bool is_key_boundary(std::string_view s, std::size_t at) {
  auto c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  if (c == 0xC2) return true;
  if (c == 0xE2 && at + 1 < s.size()) {
    auto d = static_cast<unsigned char>(s[at + 1]);
    return d == 0x80 || d == 0x81;
  }
  return false;
}

// Does key[0, at) end where a token can end inside a name — just before or just after a
// boundary character? (`at` is a code-point start, 0 < at < key.size().)
inline bool is_prefix_point(std::string_view key, std::size_t at) {
  std::size_t prev = at - 1;
  while (prev > 0 && (static_cast<unsigned char>(key[prev]) & 0xC0) == 0x80) --prev;
  return is_key_boundary(key, at) || is_key_boundary(key, prev);
}

// 64-bit FNV-1a; the hash sections use slot = hash % slot_count with linear probing.
inline std::uint64_t key_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace pk::geo::format
