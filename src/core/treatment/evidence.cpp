#include "core/treatment/evidence.h"

#include <regex>

namespace ta::core {

std::vector<std::string> readSourceKeys(const JsonCursor& c)
{
    const JsonCursor s = c.at("sources");
    std::vector<std::string> keys = s.strings();
    if (keys.empty())
        s.fail("must list at least one source key");
    static const std::regex kKey("S[0-9]+[a-z]?");
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (!std::regex_match(keys[i], kKey))
            s.at(i).fail("not a fact-sheet source key (S1, S60a ...): \"" + keys[i] + "\"");
    return keys;
}

std::string readConfidence(const JsonCursor& c)
{
    const JsonCursor v = c.at("confidence");
    std::string s = v.string();
    // One grade, or two where the sheet gives a range ("M/L").
    static const std::regex kGrade("[HML](/[HML])?");
    if (!std::regex_match(s, kGrade))
        v.fail("must be H, M or L (or a range such as M/L), got \"" + s + "\"");
    return s;
}

Evidence readEvidence(const JsonCursor& c)
{
    Evidence e;
    e.sources = readSourceKeys(c);
    e.confidence = readConfidence(c);
    e.inference = c.has("inference") && c.at("inference").boolean();
    return e;
}

std::string describe(const Evidence& e)
{
    std::string out;
    for (const auto& s : e.sources) {
        if (!out.empty())
            out += ", ";
        out += s;
    }
    out += "; " + e.confidence;
    if (e.inference)
        out += ", inference";
    return out;
}

} // namespace ta::core
