// Files compiled into the binary (rule packs, lexicons), so the service runs with no data files.
#pragma once

#include <string>

namespace tactful {

struct EmbeddedFile {
  std::string name;  // file name without directory
  std::string data;  // its bytes
};

}  // namespace tactful
