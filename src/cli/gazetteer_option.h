// The --gazetteer option shared by commands that geoparse.
#pragma once

#include <memory>
#include <string>

#include "pressekarte/pipeline.h"

namespace pk::cli {

// Opens the processor (gazetteer + geoparser) or ends `command` with a clear error that says
// how to build the gazetteer.
std::unique_ptr<ArticleProcessor> open_processor_or_fail(const std::string& command, const PipelineOptions& options);

}  // namespace pk::cli
