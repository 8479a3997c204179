// Reading rule packs and corpora from the file system for the command line.
#pragma once

#include <string>
#include <vector>

#include "tactful/result.h"
#include "tactful/rule_set.h"

namespace tactful::cli {

// Reads a file, refusing anything over `max_bytes`.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes = 64u << 20);

// Every file with `extension` under `path` (a file or a directory, not recursive), sorted.
Result<std::vector<std::string>> list_files(const std::string& path, const std::string& extension);

// Reads every *.json pack in `paths` (files or directories).
Result<std::vector<PackSource>> read_packs(const std::vector<std::string>& paths);

// The built-in packs plus the packs in `extra` (admin rules), compiled. With `builtin` false,
// only the extra packs, plus the built-in marker sets they name but do not define.
Result<std::shared_ptr<const RuleSet>> load_rule_set(const std::vector<std::string>& extra,
                                                     bool builtin);

}  // namespace tactful::cli
