// Lineage: which sentences a member kept, cut or added against the canonical text.
#include <algorithm>
#include <unordered_set>

#include "pressekarte/stories.h"
#include "text_features.h"

namespace pk {
namespace {

// Bounds the quadratic matching on pathological inputs.
constexpr std::size_t kMaxSentences = 400;
// Sentences whose word sets agree at least this much count as the same sentence (a changed
// word or spelling); below it they are a cut plus an addition.
constexpr double kSameSentence = 0.7;

struct Sentence {
  std::string text;
  std::vector<std::uint64_t> words;  // sorted unique word hashes
};

std::vector<Sentence> sentences_of(const Article& a) {
  std::string body = a.lead;
  for (const auto& p : a.paragraphs) body += "\n\n" + p;
  if (a.paragraphs.empty() && !a.text.empty()) body += "\n\n" + a.text;
  std::vector<Sentence> out;
  for (auto& s : split_sentences(body)) {
    if (out.size() >= kMaxSentences) break;
    Sentence sen;
    for (const auto& w : stories::fold_words(s)) sen.words.push_back(stories::hash64(w));
    if (sen.words.empty()) continue;
    std::sort(sen.words.begin(), sen.words.end());
    sen.words.erase(std::unique(sen.words.begin(), sen.words.end()), sen.words.end());
    sen.text = std::move(s);
    out.push_back(std::move(sen));
  }
  return out;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++inter, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  std::size_t uni = a.size() + b.size() - inter;
  return uni ? static_cast<double>(inter) / static_cast<double>(uni) : 1.0;
}

// For each canonical sentence, whether `ms` holds it (greedy, each member sentence used once).
std::vector<bool> match(const std::vector<Sentence>& cs, const std::vector<Sentence>& ms) {
  std::vector<bool> found(cs.size(), false), used(ms.size(), false);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    std::size_t best = ms.size();
    double best_sim = 0;
    for (std::size_t j = 0; j < ms.size(); ++j) {
      if (used[j]) continue;
      double sim = ms[j].words == cs[i].words ? 1.0 : jaccard(cs[i].words, ms[j].words);
      if (sim > best_sim) best = j, best_sim = sim;
      if (sim == 1.0) break;
    }
    if (best < ms.size() && best_sim >= kSameSentence) used[best] = true, found[i] = true;
  }
  return found;
}

}  // namespace

std::size_t pick_wire_text(const std::vector<const Article*>& members) {
  constexpr std::size_t kMaxScored = 30;  // quadratic in members: score the first 30 only
  std::size_t n = std::min(members.size(), kMaxScored);
  std::vector<std::vector<Sentence>> sents;
  for (std::size_t i = 0; i < n; ++i) sents.push_back(sentences_of(*members[i]));
  std::size_t best = 0;
  long best_score = 0;
  for (std::size_t c = 0; c < n; ++c) {
    // A sentence another member also carries is wire text; one nobody else has may be a local
    // addition or a paragraph the others cut, so it does not count either way.
    std::vector<bool> reused(sents[c].size(), false);
    for (std::size_t m = 0; m < n; ++m) {
      if (m == c) continue;
      auto found = match(sents[c], sents[m]);
      for (std::size_t i = 0; i < found.size(); ++i) reused[i] = reused[i] || found[i];
    }
    long score = std::count(reused.begin(), reused.end(), true);
    if (c == 0 || score > best_score) best = c, best_score = score;
  }
  return best;
}

Lineage compare(const Article& canonical, const Article& member) {
  Lineage l;
  auto cs = sentences_of(canonical);
  auto ms = sentences_of(member);
  l.canonical_sentences = cs.size();
  l.title_changed = stories::fold_words(canonical.title) != stories::fold_words(member.title);
  std::vector<bool> member_used(ms.size(), false);
  for (const auto& c : cs) {
    // Prefer an exact match, then the most similar unused member sentence.
    std::size_t best = ms.size();
    double best_sim = 0;
    for (std::size_t j = 0; j < ms.size(); ++j) {
      if (member_used[j]) continue;
      double sim = ms[j].words == c.words ? 1.0 : jaccard(c.words, ms[j].words);
      if (sim > best_sim) best = j, best_sim = sim;
      if (sim == 1.0) break;
    }
    if (best < ms.size() && best_sim >= kSameSentence) {
      member_used[best] = true;
      ++l.kept;
    } else {
      l.dropped.push_back(c.text);
    }
  }
  for (std::size_t j = 0; j < ms.size(); ++j)
    if (!member_used[j]) l.added.push_back(ms[j].text);

  if (cs.empty() && ms.empty()) {
    l.kind = "unchanged";
  } else if (l.kept * 2 < cs.size() || (cs.empty() && !ms.empty())) {
    l.kind = "rewritten";
  } else if (l.added.empty() && l.dropped.empty()) {
    l.kind = "unchanged";
  } else if (l.added.empty()) {
    l.kind = "shortened";
  } else if (l.dropped.empty()) {
    l.kind = "extended";
  } else {
    l.kind = "edited";
  }
  return l;
}

nlohmann::json lineage_to_json(const Lineage& l) {
  return {{"kind", l.kind},
          {"title_changed", l.title_changed},
          {"kept", l.kept},
          {"canonical_sentences", l.canonical_sentences},
          {"added", l.added},
          {"dropped", l.dropped}};
}

}  // namespace pk
