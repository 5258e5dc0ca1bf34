#include "io/mesh_preflight.h"

#include "core/error.h"

#include <sstream>
#include <vector>

namespace ta::io {

namespace {

bool isText(unsigned char c) { return (c >= 0x20 && c <= 0x7e) || c == '\n' || c == '\r' || c == '\t'; }

} // namespace

void checkMeshFile(std::string_view bytes, const std::string& name)
{
    const std::string_view head = bytes.substr(0, 65536);
    if (head.substr(0, 4) != "ply\n" && head.substr(0, 5) != "ply\r\n")
        return;
    const auto end = head.find("end_header");
    if (end == std::string_view::npos)
        throw ParseError(name + ": PLY header without end_header in its first " + std::to_string(head.size()) +
                         " bytes");
    const std::string_view header = head.substr(0, end);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (!isText(static_cast<unsigned char>(header[i])))
            throw ParseError(name + ": PLY header has a non-text byte at " + std::to_string(i));
    }
    std::istringstream lines{std::string(header)};
    int lineNo = 0;
    for (std::string line; std::getline(lines, line);) {
        ++lineNo;
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string s; words >> s;)
            w.push_back(s);
        if (w.empty() || w[0] != "element")
            continue;
        const auto bad = [&](const std::string& why) {
            return ParseError(name + ": PLY header line " + std::to_string(lineNo) + ": " + why);
        };
        if (w.size() != 3 || w[2].empty() || w[2].size() > 12 ||
            w[2].find_first_not_of("0123456789") != std::string::npos)
            throw bad("expected \"element NAME COUNT\"");
        if (std::stoull(w[2]) > kMaxPlyElements)
            throw bad(w[2] + " elements (at most " + std::to_string(kMaxPlyElements) + ")");
    }
    if (header.find("format ascii") != std::string_view::npos)
        for (std::size_t i = end; i < bytes.size(); ++i)
            if (!isText(static_cast<unsigned char>(bytes[i])))
                throw ParseError(name + ": ASCII PLY with a non-text byte at " + std::to_string(i));
}

} // namespace ta::io
