// Reader for gazetteer.bin: memory-maps the file, validates every offset once at open(), then
// serves lookups without allocating (GazetteerIndex) or with (the public Gazetteer API).
#include "gazetteer_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <unordered_set>

#include "gazetteer_format.h"
#include "pressekarte/text.h"

namespace pk {
namespace geo {

std::string_view kind_name(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCity: return "city";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kAdmin2: return "admin2";
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kContinent: return "continent";
    case PlaceKind::kRegion: return "region";
    case PlaceKind::kOther: break;
  }
  return "other";
}

std::string fold_key(std::string_view name) { return fold_for_match(collapse_whitespace(name)); }

namespace {

using format::KeyEntry;

// A read-only mapping, unmapped on destruction.
class Mapping {
 public:
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  Status map(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      return err == ENOENT ? Status::not_found(path + ": gazetteer file not found (run `pressekarte gazetteer build`)")
                           : Status::io_error(path + ": cannot open: " + std::strerror(err));
    }
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      int err = errno;
      ::close(fd);
      return Status::io_error(path + ": cannot stat: " + std::strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
      ::close(fd);
      return Status::invalid(path + ": not a regular file");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ < sizeof(format::FileHeader)) {
      ::close(fd);
      return Status::corruption(path + ": too small to be a gazetteer file (" + std::to_string(size_) +
                                " bytes; truncated?)");
    }
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    int err = errno;
    ::close(fd);
    if (p == MAP_FAILED) return Status::io_error(path + ": mmap failed: " + std::strerror(err));
    data_ = static_cast<const char*>(p);
    return Status::ok();
  }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

template <typename T>
struct Array {
  const T* data = nullptr;
  std::size_t size = 0;
  const T& operator[](std::size_t i) const { return data[i]; }
};

class MappedGazetteer final : public GazetteerIndex {
 public:
  Status open(const std::string& path) {
    path_ = path;
    PK_RETURN_IF_ERROR(map_.map(path));
    return validate();
  }

  // ---- GazetteerIndex ----
  std::size_t size() const override { return places_.size; }
  const PlaceRecord& record(std::uint32_t place) const override { return places_[place]; }
  std::string_view str(std::uint32_t ref) const override {
    // Length prefix (u16 LE) sits just before the bytes; refs are validated at open, the
    // bounds check keeps arbitrary refs safe.
    if (ref < 3 || ref >= strings_.size) return {};
    const auto* p = reinterpret_cast<const unsigned char*>(strings_.data + ref);
    std::size_t len = static_cast<std::size_t>(p[-2]) | (static_cast<std::size_t>(p[-1]) << 8);
    if (len >= strings_.size - ref) return {};
    return std::string_view(strings_.data + ref, len);
  }
  std::vector<std::string_view> names(std::uint32_t place) const override {
    std::vector<std::string_view> out;
    if (place >= places_.size) return out;
    const PlaceRecord& r = places_[place];
    for (std::uint32_t i = 0; i < r.names_count; ++i) out.push_back(str(names_[r.names_begin + i]));
    return out;
  }
  std::uint32_t by_geonameid(std::int64_t id) const override {
    if (id <= 0 || id >= 0xFFFFFFFFll) return kNoPlace;
    auto want = static_cast<std::uint32_t>(id);
    const auto* end = ids_.data + ids_.size;
    const auto* it = std::lower_bound(ids_.data, end, want,
                                      [](const format::GeonameIdEntry& e, std::uint32_t v) { return e.geonameid < v; });
    return (it != end && it->geonameid == want) ? it->place : kNoPlace;
  }
  KeyHit find_exact(std::string_view surface) const override { return find_in(exact_, surface); }
  KeyHit find_folded(std::string_view folded_key) const override { return find_in(folded_, folded_key); }
  bool has_folded_prefix(std::string_view prefix) const override {
    // Recognisers ask at token ends, which are word boundaries inside a key: the stored prefix
    // set answers in O(1) (one cache miss) instead of a binary search over all keys.
    if (prefix.empty()) return folded_.keys.size > 0;
    const std::uint64_t v = format::key_hash(prefix) | 1;
    const std::size_t n = prefixes_.size;
    for (std::size_t s = n ? v % n : 0, probes = 0; probes < n; s = s + 1 == n ? 0 : s + 1, ++probes) {
      if (prefixes_[s] == 0) return false;
      if (prefixes_[s] == v) return true;
    }
    return false;
  }
  std::size_t max_key_words() const override { return max_key_words_; }
  std::size_t folded_key_count() const override { return folded_.keys.size; }
  std::string_view folded_key(std::size_t i) const override {
    return i < folded_.keys.size ? str(folded_.keys[i].key) : std::string_view();
  }
  KeyHit folded_key_hit(std::size_t i) const override {
    return i < folded_.keys.size ? hit(folded_, folded_.keys[i]) : KeyHit{};
  }

  GazetteerPlace place(std::uint32_t index) const override {
    GazetteerPlace p;
    if (index >= places_.size) return p;
    const PlaceRecord& r = places_[index];
    p.index = index;
    if (r.geonameid) p.geonameid = r.geonameid;
    p.name = str(r.name);
    p.name_de = str(r.name_de);
    p.name_en = str(r.name_en);
    p.country = str(r.country);
    p.admin1 = str(r.admin1);
    p.admin1_name = str(r.admin1_name);
    p.kind = kind_name(static_cast<PlaceKind>(r.kind));
    p.lat = r.lat;
    p.lon = r.lon;
    p.population = r.population;
    if (r.feature_class) p.feature_class = std::string(1, r.feature_class);
    p.feature_code = str(r.feature_code);
    p.admin2 = str(r.admin2);
    p.admin2_name = str(r.admin2_name);
    return p;
  }

  // ---- what GazetteerHandle forwards to ----
  std::optional<GazetteerPlace> by_geonameid_place(std::int64_t id) const {
    std::uint32_t i = by_geonameid(id);
    if (i == kNoPlace) return std::nullopt;
    return place(i);
  }
  std::vector<GazetteerPlace> lookup(std::string_view name) const {
    // Folded candidates plus exact-only ones (abbreviations and codes are indexed only as
    // written), most populous first.
    std::vector<std::uint32_t> rows;
    for (const Candidate& c : find_folded(fold_key(name)).candidates) rows.push_back(c.place);
    for (const Candidate& c : find_exact(collapse_whitespace(name)).candidates)
      if (std::find(rows.begin(), rows.end(), c.place) == rows.end()) rows.push_back(c.place);
    std::stable_sort(rows.begin(), rows.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return places_[a].population > places_[b].population; });
    std::vector<GazetteerPlace> out;
    for (std::uint32_t r : rows) out.push_back(place(r));
    return out;
  }
  std::vector<GazetteerPlace> complete(std::string_view prefix, std::size_t limit) const;
  std::vector<std::string> name_strings(std::uint32_t index) const {
    std::vector<std::string> out;
    for (auto s : names(index)) out.emplace_back(s);
    return out;
  }

  std::string_view meta() const override { return meta_; }
  const std::string& path() const { return path_; }

 private:
  struct Table {
    Array<KeyEntry> keys;
    Array<Candidate> cands;
    Array<std::uint64_t> hash;
  };

  KeyHit hit(const Table& t, const KeyEntry& e) const {
    KeyHit h;
    h.found = true;
    h.flags = e.flags();
    h.candidates = std::span<const Candidate>(t.cands.data + e.cand_begin, e.cand_count());
    return h;
  }
  KeyHit find_in(const Table& t, std::string_view key) const {
    const std::size_t n = t.hash.size;
    if (n == 0) return {};
    const std::uint64_t h = format::key_hash(key);
    const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
    for (std::size_t s = h % n, probes = 0; probes < n; s = s + 1 == n ? 0 : s + 1, ++probes) {
      std::uint64_t v = t.hash[s];
      if (v == 0) return {};
      if ((v & 0xFFFFFFFF00000000ull) != tag) continue;
      const KeyEntry& e = t.keys[(v & 0xFFFFFFFFu) - 1];
      if (str(e.key) == key) return hit(t, e);
    }
    return {};
  }
  std::size_t lower_bound(const Table& t, std::string_view key) const {
    const KeyEntry* end = t.keys.data + t.keys.size;
    const KeyEntry* it = std::lower_bound(t.keys.data, end, key,
                                          [&](const KeyEntry& e, std::string_view k) { return str(e.key) < k; });
    return static_cast<std::size_t>(it - t.keys.data);
  }

  Status corrupt(const std::string& what) const {
    return Status::corruption(path_ + ": corrupt gazetteer file: " + what + " (rebuild it with `pressekarte gazetteer build`)");
  }
  template <typename T>
  Status section(const std::vector<const format::SectionEntry*>& by_id, std::uint32_t id, const char* name,
                 Array<T>& out) const {
    const format::SectionEntry* s = id < by_id.size() ? by_id[id] : nullptr;
    if (!s) return corrupt(std::string("missing section ") + name);
    if (s->size % sizeof(T) != 0) return corrupt(std::string("section ") + name + " size is not a multiple of its record");
    out.data = reinterpret_cast<const T*>(map_.data() + s->offset);
    out.size = s->size / sizeof(T);
    return Status::ok();
  }
  // A string ref is 0 or the start of a pool entry: length in range and a NUL right after.
  bool valid_ref(std::uint32_t ref) const {
    if (ref == 0) return true;
    if (ref < 3 || ref >= strings_.size) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(strings_.data + ref);
    std::size_t len = static_cast<std::size_t>(p[-2]) | (static_cast<std::size_t>(p[-1]) << 8);
    return len < strings_.size - ref && strings_.data[ref + len] == '\0';
  }
  Status validate_table(Table& t, const char* name) const;
  Status validate();

  std::string path_;
  Mapping map_;
  Array<char> strings_;
  Array<PlaceRecord> places_;
  Array<std::uint32_t> names_;
  Array<format::GeonameIdEntry> ids_;
  Table exact_, folded_;
  std::string_view meta_;
  std::size_t max_key_words_ = 0;
  Array<std::uint64_t> prefixes_;  // kFoldedPrefixes

};

Status MappedGazetteer::validate_table(Table& t, const char* name) const {
  for (std::size_t i = 0; i < t.keys.size; ++i) {
    const KeyEntry& e = t.keys[i];
    if (!valid_ref(e.key)) return corrupt(std::string(name) + " key " + std::to_string(i) + " points outside the string pool");
    if (e.cand_begin > t.cands.size || e.cand_count() > t.cands.size - e.cand_begin)
      return corrupt(std::string(name) + " key " + std::to_string(i) + " has candidates out of range");
  }
  for (std::size_t i = 0; i < t.cands.size; ++i)
    if (t.cands[i].place >= places_.size) return corrupt(std::string(name) + " candidate points to a missing place");
  std::size_t n = t.hash.size;
  if (n <= t.keys.size) return corrupt(std::string(name) + " hash table is smaller than its keys");
  std::size_t used = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if ((t.hash[i] & 0xFFFFFFFFu) > t.keys.size || (t.hash[i] != 0 && (t.hash[i] & 0xFFFFFFFFu) == 0))
      return corrupt(std::string(name) + " hash slot out of range");
    used += t.hash[i] != 0;
  }
  if (used != t.keys.size) return corrupt(std::string(name) + " hash does not match its keys");
  return Status::ok();
}

Status MappedGazetteer::validate() {
  const char* base = map_.data();
  const std::size_t size = map_.size();
  format::FileHeader h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, format::kMagic, sizeof h.magic) != 0)
    return Status::corruption(path_ + ": not a gazetteer file (bad magic)");
  if (h.endian_check != format::kEndianCheck) return corrupt("written on a machine with another byte order");
  if (h.version != format::kVersion)
    return Status::unsupported(path_ + ": gazetteer file version " + std::to_string(h.version) + ", this build reads " +
                               std::to_string(format::kVersion) + " (rebuild it with `pressekarte gazetteer build`)");
  if (h.file_size != size)
    return corrupt("header says " + std::to_string(h.file_size) + " bytes, file has " + std::to_string(size) +
                   (size < h.file_size ? " (truncated)" : ""));
  if (h.section_count > 64 || sizeof h + h.section_count * sizeof(format::SectionEntry) > size)
    return corrupt("section table out of range");
  std::vector<const format::SectionEntry*> by_id(format::kFoldedPrefixes + 1, nullptr);
  const auto* table = reinterpret_cast<const format::SectionEntry*>(base + sizeof h);
  for (std::uint32_t i = 0; i < h.section_count; ++i) {
    const format::SectionEntry& s = table[i];
    if (s.offset % 8 != 0 || s.offset > size || s.size > size - s.offset)
      return corrupt("section " + std::to_string(s.id) + " out of range");
    if (s.id < by_id.size()) by_id[s.id] = &s;  // unknown ids: newer optional sections, ignored
  }
  PK_RETURN_IF_ERROR(section(by_id, format::kStrings, "strings", strings_));
  PK_RETURN_IF_ERROR(section(by_id, format::kPlaces, "places", places_));
  PK_RETURN_IF_ERROR(section(by_id, format::kNames, "names", names_));
  PK_RETURN_IF_ERROR(section(by_id, format::kExactKeys, "exact keys", exact_.keys));
  PK_RETURN_IF_ERROR(section(by_id, format::kExactCands, "exact candidates", exact_.cands));
  PK_RETURN_IF_ERROR(section(by_id, format::kExactHash, "exact hash", exact_.hash));
  PK_RETURN_IF_ERROR(section(by_id, format::kFoldedKeys, "folded keys", folded_.keys));
  PK_RETURN_IF_ERROR(section(by_id, format::kFoldedCands, "folded candidates", folded_.cands));
  PK_RETURN_IF_ERROR(section(by_id, format::kFoldedHash, "folded hash", folded_.hash));
  PK_RETURN_IF_ERROR(section(by_id, format::kGeonameIds, "geonameids", ids_));
  Array<char> meta;
  PK_RETURN_IF_ERROR(section(by_id, format::kMeta, "meta", meta));
  meta_ = std::string_view(meta.data, meta.size);
  PK_RETURN_IF_ERROR(section(by_id, format::kFoldedPrefixes, "folded prefixes", prefixes_));

  if (strings_.size == 0 || strings_[0] != '\0' || strings_[strings_.size - 1] != '\0')
    return corrupt("string pool is not NUL-terminated");
  if (places_.size != h.place_count) return corrupt("place count does not match the header");
  for (std::size_t i = 0; i < places_.size; ++i) {
    const PlaceRecord& r = places_[i];
    for (std::uint32_t ref : {r.name, r.name_de, r.name_en, r.country, r.admin1, r.admin2, r.admin1_name,
                              r.admin2_name, r.feature_code})
      if (!valid_ref(ref)) return corrupt("place " + std::to_string(i) + " has a string outside the pool");
    if (r.names_begin > names_.size || r.names_count > names_.size - r.names_begin)
      return corrupt("place " + std::to_string(i) + " has names out of range");
    if ((r.admin1_place != kNoPlace && r.admin1_place >= places_.size) ||
        (r.country_place != kNoPlace && r.country_place >= places_.size))
      return corrupt("place " + std::to_string(i) + " points to a missing parent");
    if (r.kind > static_cast<std::uint8_t>(PlaceKind::kRegion)) return corrupt("place " + std::to_string(i) + " has an unknown kind");
  }
  for (std::size_t i = 0; i < names_.size; ++i)
    if (!valid_ref(names_[i])) return corrupt("name outside the string pool");
  for (std::size_t i = 0; i < ids_.size; ++i) {
    if (ids_[i].place >= places_.size) return corrupt("geonameid index points to a missing place");
    if (i > 0 && ids_[i - 1].geonameid > ids_[i].geonameid) return corrupt("geonameid index is not sorted");
  }
  PK_RETURN_IF_ERROR(validate_table(exact_, "exact"));
  PK_RETURN_IF_ERROR(validate_table(folded_, "folded"));
  max_key_words_ = h.max_key_words;
  return Status::ok();
}

std::vector<GazetteerPlace> MappedGazetteer::complete(std::string_view prefix, std::size_t limit) const {
  std::vector<GazetteerPlace> out;
  std::string key = fold_key(prefix);
  if (key.empty() || limit == 0) return out;
  // Scan every folded key with the prefix (bounded, so a one-letter prefix stays cheap) and keep
  // the most populous places. Codes ("DEU") are not offered as completions.
  constexpr std::size_t kMaxScan = 200000;
  std::vector<std::uint32_t> found;
  std::unordered_set<std::uint32_t> seen;
  std::size_t scanned = 0;
  for (std::size_t i = lower_bound(folded_, key); i < folded_.keys.size && scanned < kMaxScan; ++i) {
    const KeyEntry& e = folded_.keys[i];
    if (!str(e.key).starts_with(key)) break;
    for (std::uint32_t c = 0; c < e.cand_count(); ++c, ++scanned) {
      const Candidate& cand = folded_.cands[e.cand_begin + c];
      if (cand.how == kHowCode || (cand.how & ~kHowNoExpand) == kHowCode) continue;
      if (seen.insert(cand.place).second) found.push_back(cand.place);
    }
  }
  std::sort(found.begin(), found.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (places_[a].population != places_[b].population) return places_[a].population > places_[b].population;
    return a < b;
  });
  if (found.size() > limit) found.resize(limit);
  for (std::uint32_t p : found) out.push_back(place(p));
  return out;
}

// The public Gazetteer over a MappedGazetteer (separate, because both interfaces have a
// by_geonameid() and names() with different return types).
class GazetteerHandle final : public Gazetteer {
 public:
  explicit GazetteerHandle(std::shared_ptr<MappedGazetteer> g) : g_(std::move(g)) {}
  std::size_t size() const override { return g_->size(); }
  GazetteerPlace place(std::uint32_t index) const override { return g_->place(index); }
  std::optional<GazetteerPlace> by_geonameid(std::int64_t id) const override { return g_->by_geonameid_place(id); }
  std::vector<GazetteerPlace> lookup(std::string_view name) const override { return g_->lookup(name); }
  std::vector<GazetteerPlace> complete(std::string_view prefix, std::size_t limit) const override {
    return g_->complete(prefix, limit);
  }
  std::vector<std::string> names(std::uint32_t index) const override { return g_->name_strings(index); }
  const GazetteerIndex* index() const { return g_.get(); }

 private:
  std::shared_ptr<MappedGazetteer> g_;
};

}  // namespace

const GazetteerIndex* index_of(const Gazetteer& gazetteer) {
  if (const auto* h = dynamic_cast<const GazetteerHandle*>(&gazetteer)) return h->index();
  return dynamic_cast<const GazetteerIndex*>(&gazetteer);
}

}  // namespace geo

Result<std::shared_ptr<const Gazetteer>> Gazetteer::open(const std::string& path) {
  auto g = std::make_shared<geo::MappedGazetteer>();
  Status st = g->open(path);
  if (!st.is_ok()) return st;
  return std::shared_ptr<const Gazetteer>(std::make_shared<geo::GazetteerHandle>(std::move(g)));
}

std::string Gazetteer::default_path() {
  if (const char* env = std::getenv("PRESSEKARTE_GAZETTEER"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto candidate = exe.parent_path() / "gazetteer.bin";
    if (std::filesystem::exists(candidate, ec)) return candidate.string();
  }
  return "build/gazetteer.bin";
}

}  // namespace pk
