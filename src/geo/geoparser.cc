// pk::Geoparser: recognise → resolve → focus over the gazetteer's key index.
#include <algorithm>
#include <cmath>

#include "geoparse_internal.h"
#include "pressekarte/text.h"

namespace pk {

struct Geoparser::Impl {
  std::shared_ptr<const Gazetteer> gazetteer;
  const geo::GazetteerIndex* index = nullptr;  // null for gazetteers without the file index
  GeoparseOptions options;
};

namespace {

geo::Lang parse_lang(std::string_view l) {
  if (l.size() >= 2 && (l.substr(0, 2) == "de" || l.substr(0, 2) == "DE")) return geo::Lang::kDe;
  if (l.size() >= 2 && (l.substr(0, 2) == "en" || l.substr(0, 2) == "EN")) return geo::Lang::kEn;
  return geo::Lang::kUnknown;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

PlaceMention place_of(const geo::GazetteerIndex& idx, std::uint32_t place) {
  const geo::PlaceRecord& r = idx.record(place);
  PlaceMention p;
  std::string_view name = idx.str(r.name);
  p.name = std::string(name.empty() ? idx.str(r.name_en) : name);
  if (r.geonameid != 0) p.geonameid = r.geonameid;
  p.country = std::string(idx.str(r.country));
  p.admin1 = std::string(idx.str(r.admin1));
  p.admin2 = std::string(idx.str(r.admin2));
  p.lat = r.lat;
  p.lon = r.lon;
  p.kind = std::string(geo::kind_name(static_cast<geo::PlaceKind>(r.kind)));
  return p;
}

// First segment with this field name (segment order is text order).
std::uint32_t seg_of_field(const geo::Doc& doc, const std::string& field) {
  for (std::uint32_t s = 0; s < doc.segs.size(); ++s)
    if (doc.segs[s].field == field) return s;
  return static_cast<std::uint32_t>(doc.segs.size());
}

GeoparseResult build_result(const geo::GazetteerIndex& idx, geo::Doc& doc, bool explain) {
  GeoparseResult out;
  const geo::FocusChoice choice = geo::choose_focus(idx, doc);
  const int focus = choice.mention;
  std::uint32_t focus_place = focus >= 0 ? doc.mentions[focus].best : geo::kNoPlace;
  // Text order: by segment, then position. The outlet title's names are context, not places.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < doc.mentions.size(); ++i)
    if (doc.mentions[i].best != geo::kNoPlace && !geo::is_site_segment(doc.segs[doc.mentions[i].seg]))
      order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& ma = doc.mentions[a];
    const auto& mb = doc.mentions[b];
    return ma.seg != mb.seg ? ma.seg < mb.seg : ma.c0 < mb.c0;
  });
  for (std::size_t i : order) {
    const geo::Mention& m = doc.mentions[i];
    PlaceMention p = place_of(idx, m.best);
    p.surface = m.surface;
    p.field = doc.segs[m.seg].field;
    p.start = m.c0;
    p.end = m.c1;
    p.role = m.dateline ? "dateline" : (m.best == focus_place ? "focus" : "mentioned");
    double conf = sigmoid(m.margin) * (m.forced ? 1.0 : sigmoid(m.evidence + 1.0));
    p.confidence = std::round(std::clamp(conf, 0.01, 0.99) * 100.0) / 100.0;
    if (explain) p.explain = "recognised: " + m.why + "; resolved: " + m.rwhy;
    if (static_cast<int>(i) == focus) out.focus = out.places.size();
    out.places.push_back(std::move(p));
  }
  if (choice.demonym >= 0) {
    // The focus comes only from a place adjective ("Oldenburger Kramermarkt"): report the town
    // at the adjective, in text order, with a modest confidence.
    const geo::Demonym& d = doc.demonyms[choice.demonym];
    PlaceMention p = place_of(idx, d.place);
    p.surface = d.surface;
    p.field = doc.segs[d.seg].field;
    p.start = d.c0;
    p.end = d.c1;
    p.role = "focus";
    p.confidence = 0.5;
    if (explain) p.explain = "place adjective of " + p.name;
    std::size_t at = 0;
    for (; at < out.places.size(); ++at) {
      const PlaceMention& q = out.places[at];
      std::uint32_t qseg = seg_of_field(doc, q.field);
      if (qseg > d.seg || (qseg == d.seg && q.start > d.c0)) break;
    }
    out.places.insert(out.places.begin() + static_cast<std::ptrdiff_t>(at), std::move(p));
    out.focus = at;
  }
  return out;
}

}  // namespace

Geoparser::Geoparser(std::shared_ptr<const Gazetteer> gazetteer, GeoparseOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->gazetteer = std::move(gazetteer);
  if (impl_->gazetteer) impl_->index = geo::index_of(*impl_->gazetteer);
  impl_->options = std::move(options);
}

Geoparser::~Geoparser() = default;

const Gazetteer& Geoparser::gazetteer() const { return *impl_->gazetteer; }

GeoparseResult Geoparser::parse(const GeoparseInput& input) const {
  if (impl_->index == nullptr) return {};
  geo::Doc doc;
  doc.lang = parse_lang(input.language);
  doc.explain = impl_->options.explain;
  bool has_dateline_segment = false;
  for (const auto& s : input.segments) {
    doc.segs.push_back({s.field, s.text, {}});
    has_dateline_segment |= s.field == "dateline";
  }
  if (!has_dateline_segment && !input.dateline.empty())
    doc.segs.insert(doc.segs.begin(), {"dateline", input.dateline, {}});
  geo::prepare_doc(doc);
  geo::recognize(*impl_->index, doc);
  geo::find_demonyms(*impl_->index, doc);
  geo::resolve(*impl_->index, doc, impl_->options);
  return build_result(*impl_->index, doc, impl_->options.explain);
}

GeoparseResult Geoparser::parse_article(const Article& a) const {
  GeoparseInput in;
  in.language = a.language;
  if (!a.title.empty()) in.segments.push_back({"title", a.title});
  if (!a.dateline.empty()) in.segments.push_back({"dateline", a.dateline});
  if (!a.lead.empty()) in.segments.push_back({"lead", a.lead});
  if (!a.text.empty()) in.segments.push_back({"text", a.text});
  for (const auto& img : a.images)
    if (!img.caption.empty()) in.segments.push_back({"caption", img.caption});
  // Last, so text offsets of the other fields are unaffected; a focus prior only.
  if (!a.site_title.empty()) in.segments.push_back({"site", a.site_title});
  return parse(in);
}

GeoparseResult Geoparser::parse_text(std::string_view text, std::string_view language) const {
  GeoparseInput in;
  in.language = std::string(language);
  in.segments.push_back({"text", text});
  return parse(in);
}

GeoparseResult Geoparser::resolve_spans(std::string_view text,
                                        const std::vector<std::pair<std::size_t, std::size_t>>& spans,
                                        std::string_view language) const {
  if (impl_->index == nullptr) return {};
  geo::Doc doc;
  doc.lang = parse_lang(language);
  doc.explain = impl_->options.explain;
  doc.segs.push_back({"text", text, {}});
  geo::prepare_doc(doc);
  // Code point → byte offset table, built once so many spans stay linear.
  std::vector<std::uint32_t> cp_to_byte;
  cp_to_byte.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    cp_to_byte.push_back(static_cast<std::uint32_t>(i));
    next_codepoint(text, i);
  }
  cp_to_byte.push_back(static_cast<std::uint32_t>(text.size()));
  const std::size_t n = cp_to_byte.size() - 1;
  for (const auto& [s, e] : spans) {
    if (s < e && e <= n) geo::add_given_span(*impl_->index, doc, 0, s, e, cp_to_byte[s], cp_to_byte[e]);
  }
  geo::resolve(*impl_->index, doc, impl_->options);
  return build_result(*impl_->index, doc, impl_->options.explain);
}

}  // namespace pk
