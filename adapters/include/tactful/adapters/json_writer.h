// The RapidJSON writers the project writes JSON with.
#pragma once

#include <rapidjson/allocators.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tactful {

// RapidJSON 1.1.0 specialises Writer<StringBuffer> for SSE2 (RAPIDJSON_SSE2, CMakeLists.txt):
// its 16-byte string scan tests bytes against 0x19 instead of 0x1F (writer.h,
// ScanWriteUnescapedString), so a string's bytes 0x1A..0x1F were written unescaped, which is
// not JSON (found by fuzz_notes: a note body a helpdesk would refuse). These writers differ
// from rapidjson's only in the type of their level stack's allocator, so that specialisation
// does not apply and every string byte goes through the writer's escape table.
struct JsonStackAllocator : rapidjson::CrtAllocator {};
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                     JsonStackAllocator>;
using JsonPrettyWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer, rapidjson::UTF8<>,
                                                 rapidjson::UTF8<>, JsonStackAllocator>;

}  // namespace tactful
