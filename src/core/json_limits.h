#pragma once
// Limits checked on JSON text before a recursive parser (nlohmann, tinygltf) sees it: a document nested
// 100,000 deep would overflow the stack in the parser, in its destructor or in dump().
#include <string>
#include <string_view>

namespace ta::core {

/// The deepest nesting of arrays and objects the project accepts: every real document (body maps,
/// specifications, trigger points, settings, client records, glTF) stays under 20.
inline constexpr int kMaxJsonDepth = 64;

/// A cheap scan of `text` (strings and escapes skipped) that throws ParseError
/// "<source>: JSON nested deeper than 64 levels (at byte N)" when arrays and objects nest deeper than
/// `maxDepth`. Malformed JSON otherwise passes: the parser reports it.
void checkJsonDepth(std::string_view text, const std::string& source, int maxDepth = kMaxJsonDepth);

} // namespace ta::core
