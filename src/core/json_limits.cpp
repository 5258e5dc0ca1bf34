#include "core/json_limits.h"

#include "core/error.h"

namespace ta::core {

void checkJsonDepth(std::string_view text, const std::string& source, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character, whatever it is
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '[':
        case '{':
            if (++depth > maxDepth)
                throw ParseError(source + ": JSON nested deeper than " + std::to_string(maxDepth) +
                                 " levels (at byte " + std::to_string(i) + ")");
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default: break;
        }
    }
}

} // namespace ta::core
