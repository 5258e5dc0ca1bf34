#include "core/referral/lookup_reason.h"

#include <cctype>
#include <cstdio>

namespace ta::core {
namespace {

std::string percent(double x)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * x);
    return buf;
}

std::string joined(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : ", ") + x;
    return s;
}

std::string lowerFirst(std::string s)
{
    if (!s.empty())
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

} // namespace

std::string ordinal(int n)
{
    const int tens = n % 100, ones = n % 10;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

std::string lookupReason(const ReferralData& data, const LookupHit& h, const std::string& guideSource,
                         const std::string& onlySide)
{
    const TriggerPointRecord& rec = data.triggerPoints[h.triggerPoint.index];
    std::string r;
    if (h.bothSides)
        r = "on both sides (each side's trigger point explains that side): ";
    if (h.essentialCoverage > 0.0f) {
        r += "its essential zone covers " + percent(h.essentialCoverage) + " of the drawing";
        if (!h.essentialRegions.empty())
            r += " (" + joined(h.essentialRegions) + ")";
    } else {
        r += "its essential zone misses the drawing";
    }
    if (h.spilloverCoverage > 0.0f) {
        r += h.essentialCoverage > 0.0f ? "; its spillover zone adds " : "; its spillover zone covers ";
        r += percent(h.spilloverCoverage);
        if (h.essentialCoverage <= 0.0f)
            r += " of it";
        if (!h.spilloverRegions.empty())
            r += " (" + joined(h.spilloverRegions) + ")";
    }
    if (h.essentialCoverage > 0.0f)
        r += "; the drawing fills " + percent(h.zoneFill) + " of its essential zone";
    if (!h.guide.empty()) {
        r += "; the head-and-neck pain guide (" + guideSource + ") lists " + h.guide.front().label + " ";
        for (std::size_t i = 0; i < h.guide.size(); ++i) {
            const GuideMention& g = h.guide[i];
            r += (i == 0 ? "" : i + 1 == h.guide.size() ? " and " : ", ") + ordinal(g.rank) + " of " +
                 std::to_string(g.listed) + " for " + lowerFirst(g.areaName);
        }
    }
    if (!onlySide.empty())
        r += "; it explains only the " + onlySide + " side of the drawing";
    if (rec.confidence != Confidence::High)
        r += "; confidence " + std::string(toString(rec.confidence));
    if (!rec.disagreements.empty())
        r += "; sources disagree (" + rec.disagreements.front().topic + ")";
    return r;
}

} // namespace ta::core
