#include "pressekarte/pipeline.h"

#include <algorithm>
#include <optional>
#include <thread>
#include <utility>

#include "ordered_pool.h"

#include "pressekarte/stories.h"

namespace pk {

Result<std::unique_ptr<ArticleProcessor>> ArticleProcessor::open(const PipelineOptions& options) {
  const std::string path = options.gazetteer_path.empty() ? Gazetteer::default_path() : options.gazetteer_path;
  auto gazetteer = Gazetteer::open(path);
  if (!gazetteer) return gazetteer.status();
  auto geoparser = std::make_shared<const Geoparser>(std::move(gazetteer).value(), options.geo);
  return std::make_unique<ArticleProcessor>(std::move(geoparser), options.extract);
}

ArticleProcessor::ArticleProcessor(std::shared_ptr<const Geoparser> geoparser, ExtractOptions extract)
    : geoparser_(std::move(geoparser)), extract_(std::move(extract)) {}

Result<ArticleRecord> ArticleProcessor::process(const RawDocument& doc) const {
  auto article = extract_article(doc, extract_);
  if (!article) return article.status();
  ArticleRecord record;
  record.article = std::move(article).value();
  if (record.article.content_hash.empty()) compute_content_hash(record.article);
  record.geo = geoparser_->parse_article(record.article);
  return record;
}

GeoparseResult ArticleProcessor::geoparse(const Article& article) const {
  return geoparser_->parse_article(article);
}

namespace {

// Collects processed records, writes them in atomic batches and assigns each new article its
// story. A kill between a batch and its story ids is repaired by the next run's index rebuild.
class BatchWriter {
 public:
  BatchWriter(Store& store, StoryIndex* stories, std::size_t batch_size, IngestStats& stats)
      : store_(store), stories_(stories), batch_size_(batch_size == 0 ? 1 : batch_size), stats_(stats) {}

  Status add(ArticleRecord&& record) {
    batch_.push_back(std::move(record));
    return batch_.size() >= batch_size_ ? flush() : Status::ok();
  }

  Status flush() {
    if (batch_.empty()) return Status::ok();
    std::vector<std::int64_t> ids;
    auto outcomes = store_.put_batch(batch_, &ids);
    if (!outcomes) return outcomes.status();
    for (std::size_t i = 0; i < outcomes->size(); ++i) {
      if ((*outcomes)[i] != PutOutcome::kInserted) {
        ++stats_.unchanged;
        continue;
      }
      ++stats_.inserted;
      if (stories_ && i < ids.size()) {
        StoryDecision d = stories_->add(ids[i], batch_[i].article, batch_[i].geo);
        PK_RETURN_IF_ERROR(store_.set_story(ids[i], d.story_id));
      }
    }
    batch_.clear();
    return Status::ok();
  }

 private:
  Store& store_;
  StoryIndex* stories_;
  std::size_t batch_size_;
  IngestStats& stats_;
  std::vector<ArticleRecord> batch_;
};

}  // namespace

namespace {

// One document on its way through the workers, and what became of it.
// A reader warning travels through the pool as a job of its own so that warnings come out in
// input order, exactly as with one thread.
struct IngestJob {
  RawDocument doc;
  const std::string* file = nullptr;  // the input it came from (outlives the job)
  std::optional<Status> reader_warning;
};
struct ProcessedJob {
  Result<ArticleRecord> record = Status::internal("not processed");
  std::string source;  // for warnings: the document's own name, else its input's
};

ProcessedJob process_job(const ArticleProcessor& processor, IngestJob& job) {
  ProcessedJob out;
  if (job.reader_warning) {  // empty source marks it
    out.record = *job.reader_warning;
    return out;
  }
  out.source = job.doc.source.empty() ? *job.file : job.doc.source;
  try {
    out.record = processor.process(job.doc);
  } catch (const std::exception& e) {  // e.g. bad_alloc on a hostile document: lose only it
    out.record = Status::internal(std::string("processing failed: ") + e.what());
  }
  return out;
}

std::size_t resolve_jobs(std::size_t jobs) {
  if (jobs != 0) return jobs;
  const unsigned hw = std::thread::hardware_concurrency();
  return std::clamp<std::size_t>(hw == 0 ? 1 : hw, 1, 8);
}

}  // namespace

Result<IngestStats> ingest_paths(const std::vector<std::string>& paths, const PipelineOptions& options,
                                 const ArticleProcessor& processor, Store& store, const WarningSink& warn,
                                 const std::function<void(const IngestProgress&)>& progress) {
  auto files = expand_inputs(paths);
  if (!files) return files.status();
  IngestStats stats;
  std::unique_ptr<StoryIndex> stories;
  if (options.stories) {
    stories = std::make_unique<StoryIndex>();
    auto rebuilt = rebuild_story_index(store, *stories, options.stories_since, /*persist=*/true);
    if (!rebuilt) return rebuilt.status();
  }
  BatchWriter writer(store, stories.get(), options.batch_size, stats);
  Status store_error;
  // Runs on this thread, in input order, whatever the number of workers.
  auto store_result = [&](ProcessedJob&& done) {
    if (!store_error.is_ok()) return;
    if (!done.record) {
      if (done.source.empty()) {  // a reader warning, already counted where it arose
        warn(done.record.status());
        return;
      }
      ++stats.skipped;
      const Status& st = done.record.status();
      warn(st.message().find(done.source) == std::string::npos ? st.with_context(done.source) : st);
      return;
    }
    store_error = writer.add(std::move(done.record).value());
  };
  const std::size_t jobs = resolve_jobs(options.jobs);
  std::optional<OrderedPool<IngestJob, ProcessedJob>> pool;
  // Four documents in flight per worker: enough to keep workers busy behind a slow one, and
  // memory stays bounded by a few documents per core.
  if (jobs > 1)
    pool.emplace(jobs, jobs * 4, [&processor](IngestJob& job) { return process_job(processor, job); });

  auto reader_warn = [&](const Status& w) {
    if (pool)
      pool->submit(IngestJob{{}, nullptr, w}, store_result);
    else
      warn(w);
  };

  IngestProgress p;
  p.total_inputs = files->size();
  for (const std::string& file : *files) {
    Status read = read_input(
        file, options.read,
        [&](RawDocument&& doc) {
          ++stats.documents;
          ++p.documents;
          if (!store_error.is_ok()) return;
          IngestJob job{std::move(doc), &file, std::nullopt};
          if (pool)
            pool->submit(std::move(job), store_result);
          else
            store_result(process_job(processor, job));
        },
        reader_warn);
    ++stats.inputs;
    ++p.done_inputs;
    if (!read.is_ok()) {
      ++stats.skipped;
      reader_warn(read.message().find(file) == std::string::npos ? read.with_context(file) : read);
    }
    if (!store_error.is_ok()) return store_error;
    if (progress) progress(p);
  }
  if (pool) pool->drain(store_result);
  if (!store_error.is_ok()) return store_error;
  PK_RETURN_IF_ERROR(writer.flush());
  return stats;
}

}  // namespace pk
