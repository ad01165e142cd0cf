#include "gazetteer_option.h"

#include "commands.h"

namespace pk::cli {

std::unique_ptr<ArticleProcessor> open_processor_or_fail(const std::string& command, const PipelineOptions& options) {
  auto processor = ArticleProcessor::open(options);
  if (!processor) {
    fail(command, processor.status().with_context(
                      "cannot open the gazetteer (build it with `pressekarte gazetteer build`, or run "
                      "scripts/setup.sh; choose a file with --gazetteer or $PRESSEKARTE_GAZETTEER)"));
  }
  return std::move(processor).value();
}

}  // namespace pk::cli
