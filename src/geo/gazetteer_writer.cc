#include "gazetteer_writer.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "gazetteer_format.h"
#include "pressekarte/text.h"

namespace pk::geo {
namespace {

using format::KeyEntry;

// Deduplicating string pool; offset 0 is the empty string. Each string is stored as a u16
// little-endian byte length, the bytes, and a NUL; its offset points at the first byte, so the
// reader gets the length in O(1) (format version 2). Longer strings are cut at a code point.
class StringPool {
 public:
  StringPool() { bytes_.push_back('\0'); }
  std::uint32_t add(std::string_view s) {
    if (s.size() > format::kMaxStringBytes) {
      std::size_t n = format::kMaxStringBytes;
      while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // keep UTF-8 whole
      s = s.substr(0, n);
    }
    if (s.empty()) return 0;
    auto [it, inserted] = offsets_.try_emplace(std::string(s), 0);
    if (inserted) {
      auto len = static_cast<std::uint16_t>(s.size());
      bytes_.push_back(static_cast<char>(len & 0xFF));
      bytes_.push_back(static_cast<char>(len >> 8));
      it->second = static_cast<std::uint32_t>(bytes_.size());
      bytes_.insert(bytes_.end(), s.begin(), s.end());
      bytes_.push_back('\0');
    }
    return it->second;
  }
  const std::vector<char>& bytes() const { return bytes_; }

 private:
  std::vector<char> bytes_;
  std::unordered_map<std::string, std::uint32_t> offsets_;
};

struct Posting {
  std::uint32_t key;  // interned key id
  std::uint32_t place;
  std::uint8_t how;
};

// One key table (exact or folded) under construction.
struct KeyTableBuilder {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> keys;
  std::vector<std::uint32_t> flags;
  std::vector<Posting> postings;

  std::uint32_t intern(const std::string& key) {
    auto [it, inserted] = ids.emplace(key, static_cast<std::uint32_t>(keys.size()));
    if (inserted) {
      keys.push_back(key);
      flags.push_back(0);
    }
    return it->second;
  }
  void add(const std::string& key, std::uint32_t place, std::uint8_t how, std::uint32_t key_flags) {
    std::uint32_t id = intern(key);
    flags[id] |= key_flags;
    postings.push_back({id, place, how});
  }
};

struct BuiltTable {
  std::vector<KeyEntry> entries;
  std::vector<Candidate> cands;
  std::vector<std::uint64_t> hash;
};

std::size_t word_count(std::string_view key) {
  return key.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
}

// The kFoldedPrefixes set: every proper prefix of a folded key that ends at a word boundary.
std::vector<std::uint64_t> prefix_set(const std::vector<std::string>& keys) {
  std::vector<std::uint64_t> hashes;
  for (const std::string& k : keys)
    for (std::size_t at = 1; at < k.size(); ++at)
      if ((static_cast<unsigned char>(k[at]) & 0xC0) != 0x80 && format::is_prefix_point(k, at))
        hashes.push_back(format::key_hash(std::string_view(k).substr(0, at)) | 1);
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  std::vector<std::uint64_t> slots(hashes.size() * 2 + 1, 0);
  for (std::uint64_t v : hashes) {
    std::size_t s = v % slots.size();
    while (slots[s] != 0) s = s + 1 == slots.size() ? 0 : s + 1;
    slots[s] = v;
  }
  return slots;
}

BuiltTable finish_table(KeyTableBuilder& b, const std::vector<PlaceDraft>& places, StringPool& pool) {
  BuiltTable t;
  std::vector<std::uint32_t> order(b.keys.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](auto x, auto y) { return b.keys[x] < b.keys[y]; });
  std::vector<std::uint32_t> rank(b.keys.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;

  auto& ps = b.postings;
  std::sort(ps.begin(), ps.end(), [&](const Posting& x, const Posting& y) {
    if (rank[x.key] != rank[y.key]) return rank[x.key] < rank[y.key];
    return x.place < y.place;
  });
  // Merge (key, place) duplicates: OR the how bits, but "no-expand only" survives only if every
  // posting for the pair was a no-expand one.
  std::vector<Posting> merged;
  merged.reserve(ps.size());
  for (const Posting& p : ps) {
    if (!merged.empty() && merged.back().key == p.key && merged.back().place == p.place) {
      std::uint8_t keep_noexp = (merged.back().how & p.how) & kHowNoExpand;
      merged.back().how = static_cast<std::uint8_t>(((merged.back().how | p.how) & ~kHowNoExpand) | keep_noexp);
    } else {
      merged.push_back(p);
    }
  }
  ps.clear();
  ps.shrink_to_fit();

  t.entries.resize(b.keys.size());
  t.cands.reserve(merged.size());
  std::size_t i = 0;
  for (std::uint32_t r = 0; r < order.size(); ++r) {
    std::uint32_t id = order[r];
    KeyEntry& e = t.entries[r];
    e.key = pool.add(b.keys[id]);
    std::uint32_t flags = b.flags[id] | (word_count(b.keys[id]) > 1 ? kFlagMultiWord : 0u);
    e.cand_begin = static_cast<std::uint32_t>(t.cands.size());
    std::size_t start = t.cands.size();
    for (; i < merged.size() && merged[i].key == id; ++i)
      if (t.cands.size() - start < format::kMaxCandidatesPerKey)
        t.cands.push_back({merged[i].place, merged[i].how, {0, 0, 0}});
    e.packed = static_cast<std::uint32_t>(t.cands.size() - start) | (flags << 24);
    std::stable_sort(t.cands.begin() + static_cast<std::ptrdiff_t>(start), t.cands.end(),
                     [&](const Candidate& x, const Candidate& y) {
                       return places[x.place].population > places[y.place].population;
                     });
  }

  // Load factor ~0.77: short linear probes, and a third smaller than a power-of-two table.
  std::size_t slots = t.entries.size() + t.entries.size() * 3 / 10 + 1;
  t.hash.assign(slots, 0);
  for (std::uint32_t r = 0; r < order.size(); ++r) {
    const std::uint64_t h = format::key_hash(b.keys[order[r]]);
    std::size_t s = h % slots;
    while (t.hash[s] != 0) s = s + 1 == slots ? 0 : s + 1;
    t.hash[s] = format::hash_slot(h, r);
  }
  return t;
}

std::uint32_t lexicon_flags(const std::string& surface, const Lexicons& lex) {
  std::uint32_t f = 0;
  std::string lower;
  if (lex.have_de || lex.have_en) lower = to_lower_simple(surface);
  if (lex.have_de) {
    if (lex.de.count(surface)) f |= kFlagDeExact;
    if (lex.de.count(lower)) f |= kFlagDeLower;
  }
  if (lex.have_en) {
    if (lex.en.count(surface)) f |= kFlagEnExact;
    if (lex.en.count(lower)) f |= kFlagEnLower;
  }
  return f;
}

template <typename T>
void append_pod(std::vector<char>& out, const std::vector<T>& v) {
  const char* p = reinterpret_cast<const char*>(v.data());
  out.insert(out.end(), p, p + v.size() * sizeof(T));
}

}  // namespace

Status write_gazetteer_file(const std::vector<PlaceDraft>& places, const Lexicons& lexicons,
                            const std::vector<std::string>& meta, const std::string& path,
                            WriteStats* stats) {
  if (places.size() >= kNoPlace) return Status::invalid(path + ": too many places");
  StringPool pool;
  std::vector<PlaceRecord> records(places.size());
  std::vector<std::uint32_t> names;
  KeyTableBuilder exact, folded;
  std::size_t max_words = 0;
  const std::uint32_t missing = (lexicons.have_de && lexicons.have_en) ? 0u : kFlagLexiconsMissing;

  for (std::uint32_t i = 0; i < places.size(); ++i) {
    const PlaceDraft& d = places[i];
    PlaceRecord& r = records[i];
    std::memset(&r, 0, sizeof r);
    r.lat = d.lat;
    r.lon = d.lon;
    r.population = d.population;
    r.geonameid = d.geonameid > 0 && d.geonameid < 0xFFFFFFFFll ? static_cast<std::uint32_t>(d.geonameid) : 0;
    r.name = pool.add(d.name);
    r.name_de = pool.add(d.name_de);
    r.name_en = pool.add(d.name_en);
    r.country = pool.add(d.country);
    r.admin1 = pool.add(d.admin1);
    r.admin2 = pool.add(d.admin2);
    r.admin1_name = pool.add(d.admin1_name);
    r.admin2_name = pool.add(d.admin2_name);
    r.feature_code = pool.add(d.feature_code);
    r.admin1_place = d.admin1_place < places.size() ? d.admin1_place : kNoPlace;
    r.country_place = d.country_place < places.size() ? d.country_place : kNoPlace;
    r.kind = static_cast<std::uint8_t>(d.kind);
    r.feature_class = d.feature_class;

    // Merge duplicate surfaces of this place, keeping first-seen order.
    std::vector<std::pair<std::string, std::uint8_t>> merged;
    for (const auto& [raw, how] : d.names) {
      std::string surface = collapse_whitespace(raw);
      if (surface.empty()) continue;
      auto it = std::find_if(merged.begin(), merged.end(), [&](auto& m) { return m.first == surface; });
      if (it == merged.end()) merged.emplace_back(std::move(surface), how);
      else it->second |= how;
    }
    if (merged.size() > 0xFFFF) merged.resize(0xFFFF);
    r.names_begin = static_cast<std::uint32_t>(names.size());
    r.names_count = static_cast<std::uint16_t>(merged.size());
    for (const auto& [surface, how] : merged) {
      names.push_back(pool.add(surface));
      std::uint32_t lf = lexicon_flags(surface, lexicons) | missing;
      exact.add(surface, i, how, lf);
      // Abbreviations and codes only count as written ("NRW", "DEU"): folded, they would turn
      // lower-case words ("so", "and") into places.
      if ((how & ~(kHowAbbrev | kHowCode)) == 0) continue;
      std::string f1 = fold_for_match(surface, true);
      std::string f2 = fold_for_match(surface, false);
      folded.add(f1, i, how, lf);
      if (f2 != f1) folded.add(f2, i, static_cast<std::uint8_t>(how | kHowNoExpand), lf);
      max_words = std::max(max_words, word_count(f1));
    }
  }
  // A folded key that is itself a lower-case dictionary word ("halle") is a common word too.
  for (std::size_t k = 0; k < folded.keys.size(); ++k) {
    if (lexicons.have_de && lexicons.de.count(folded.keys[k])) folded.flags[k] |= kFlagDeLower;
    if (lexicons.have_en && lexicons.en.count(folded.keys[k])) folded.flags[k] |= kFlagEnLower;
  }

  BuiltTable ex = finish_table(exact, places, pool);
  const std::vector<std::uint64_t> prefixes = prefix_set(folded.keys);
  BuiltTable fo = finish_table(folded, places, pool);

  std::vector<format::GeonameIdEntry> ids;
  for (std::uint32_t i = 0; i < records.size(); ++i)
    if (records[i].geonameid) ids.push_back({records[i].geonameid, i});
  std::sort(ids.begin(), ids.end(), [](auto& a, auto& b) {
    return a.geonameid != b.geonameid ? a.geonameid < b.geonameid : a.place < b.place;
  });

  std::string meta_text;
  for (const auto& m : meta) meta_text += m + "\n";

  // Lay out: header, section table, then sections (8-byte aligned).
  struct Pending {
    std::uint32_t id;
    std::vector<char> bytes;
  };
  std::vector<Pending> sections;
  auto add = [&](std::uint32_t id, auto fill) {
    Pending p{id, {}};
    fill(p.bytes);
    sections.push_back(std::move(p));
  };
  add(format::kStrings, [&](auto& out) { out = pool.bytes(); });
  add(format::kPlaces, [&](auto& out) { append_pod(out, records); });
  add(format::kNames, [&](auto& out) { append_pod(out, names); });
  add(format::kExactKeys, [&](auto& out) { append_pod(out, ex.entries); });
  add(format::kExactCands, [&](auto& out) { append_pod(out, ex.cands); });
  add(format::kExactHash, [&](auto& out) { append_pod(out, ex.hash); });
  add(format::kFoldedKeys, [&](auto& out) { append_pod(out, fo.entries); });
  add(format::kFoldedCands, [&](auto& out) { append_pod(out, fo.cands); });
  add(format::kFoldedHash, [&](auto& out) { append_pod(out, fo.hash); });
  add(format::kGeonameIds, [&](auto& out) { append_pod(out, ids); });
  add(format::kMeta, [&](auto& out) { out.assign(meta_text.begin(), meta_text.end()); });
  add(format::kFoldedPrefixes, [&](auto& out) { append_pod(out, prefixes); });

  format::FileHeader h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, format::kMagic, sizeof h.magic);
  h.version = format::kVersion;
  h.endian_check = format::kEndianCheck;
  h.section_count = static_cast<std::uint32_t>(sections.size());
  h.place_count = static_cast<std::uint32_t>(records.size());
  h.max_key_words = static_cast<std::uint32_t>(max_words);
  h.key_flags_all = missing;
  std::vector<format::SectionEntry> table(sections.size());
  std::uint64_t off = sizeof h + sizeof(format::SectionEntry) * sections.size();
  auto align8 = [](std::uint64_t x) { return (x + 7) & ~std::uint64_t{7}; };
  for (std::size_t s = 0; s < sections.size(); ++s) {
    off = align8(off);
    table[s] = {sections[s].id, 0, off, sections[s].bytes.size()};
    off += sections[s].bytes.size();
  }
  h.file_size = align8(off);

  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::io_error(tmp + ": cannot open for writing");
    std::uint64_t pos = 0;
    auto write = [&](const void* p, std::size_t n) {
      out.write(static_cast<const char*>(p), static_cast<std::streamsize>(n));
      pos += n;
    };
    static const char zeros[8] = {};
    write(&h, sizeof h);
    write(table.data(), sizeof(format::SectionEntry) * table.size());
    for (std::size_t s = 0; s < sections.size(); ++s) {
      write(zeros, table[s].offset - pos);
      write(sections[s].bytes.data(), sections[s].bytes.size());
    }
    write(zeros, h.file_size - pos);
    out.flush();
    if (!out) return Status::io_error(tmp + ": write failed (disk full?)");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::io_error(path + ": cannot move " + tmp + " into place: " + ec.message());

  if (stats) {
    stats->places = records.size();
    stats->names = names.size();
    stats->exact_keys = ex.entries.size();
    stats->folded_keys = fo.entries.size();
    stats->exact_candidates = ex.cands.size();
    stats->folded_candidates = fo.cands.size();
    stats->file_bytes = h.file_size;
  }
  return Status::ok();
}

}  // namespace pk::geo
