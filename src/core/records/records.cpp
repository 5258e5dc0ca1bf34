#include "core/records/records.h"

#include "core/bodymap/body_map.h"
#include "core/enum_names.h"

#include <cstdio>
#include <ctime>
#include <random>

namespace ta::core::records {

namespace {

constexpr EnumNames<FindingState, 2> kFindingStates{{{FindingState::Active, "active"},
                                                     {FindingState::Latent, "latent"}}};
constexpr EnumNames<PainQuality, 6> kPainQualities{{{PainQuality::Aching, "aching"},
                                                    {PainQuality::Burning, "burning"},
                                                    {PainQuality::Tingling, "tingling"},
                                                    {PainQuality::Numbness, "numbness"},
                                                    {PainQuality::Sharp, "sharp"},
                                                    {PainQuality::Throbbing, "throbbing"}}};
constexpr EnumNames<Side, 3> kSides{{{Side::Left, "left"}, {Side::Right, "right"}, {Side::Both, "both"}}};
constexpr EnumNames<HeadacheTrigger, 7> kTriggers{{{HeadacheTrigger::Sleep, "sleep"},
                                                   {HeadacheTrigger::Stress, "stress"},
                                                   {HeadacheTrigger::ScreenTime, "screen-time"},
                                                   {HeadacheTrigger::Posture, "posture"},
                                                   {HeadacheTrigger::Food, "food"},
                                                   {HeadacheTrigger::Weather, "weather"},
                                                   {HeadacheTrigger::Other, "other"}}};
constexpr EnumNames<QuestionnaireKind, 2> kKinds{{{QuestionnaireKind::Ndi, "ndi"},
                                                  {QuestionnaireKind::Hit6, "hit-6"}}};

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

} // namespace

std::string newUuid()
{
    thread_local std::mt19937_64 rng = [] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }();
    std::uint64_t hi = rng();
    std::uint64_t lo = rng();
    hi = (hi & ~0xF000ull) | 0x4000ull;                               // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;        // variant 10xx
    char buf[37];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", unsigned(hi >> 32), unsigned((hi >> 16) & 0xFFFF),
                  unsigned(hi & 0xFFFF), unsigned(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
    return buf;
}

bool isUuid(std::string_view s)
{
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isHex(s[i]))
            return false;
    }
    return true;
}

std::string_view toString(FindingState v) { return nameOf(kFindingStates, v); }
std::string_view toString(PainQuality v) { return nameOf(kPainQualities, v); }
std::string_view toString(Side v) { return nameOf(kSides, v); }
std::string_view toString(HeadacheTrigger v) { return nameOf(kTriggers, v); }
std::string_view toString(QuestionnaireKind v) { return nameOf(kKinds, v); }
std::optional<FindingState> findingStateFromString(std::string_view s) { return valueOf(kFindingStates, s); }
std::optional<PainQuality> painQualityFromString(std::string_view s) { return valueOf(kPainQualities, s); }
std::optional<Side> sideFromString(std::string_view s) { return valueOf(kSides, s); }
std::optional<HeadacheTrigger> headacheTriggerFromString(std::string_view s) { return valueOf(kTriggers, s); }
std::optional<QuestionnaireKind> questionnaireKindFromString(std::string_view s) { return valueOf(kKinds, s); }

namespace {

/// Now, formatted with strftime in UTC or local time.
std::string formatNow(const char* format, bool utc)
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    if (utc)
        gmtime_r(&t, &tm);
    else
        localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

} // namespace

std::string nowUtcTimestamp() { return formatNow("%Y-%m-%dT%H:%M:%SZ", true); }
std::string todayLocalDate() { return formatNow("%Y-%m-%d", false); }
std::string nowLocalTime() { return formatNow("%H:%M", false); }

bool isLocalDateTime(std::string_view s)
{
    if (s.size() != 16 || s[10] != 'T' || s[13] != ':' || !isIsoDate(s.substr(0, 10)))
        return false;
    for (std::size_t i : {11u, 12u, 14u, 15u})
        if (s[i] < '0' || s[i] > '9')
            return false;
    const int hh = (s[11] - '0') * 10 + (s[12] - '0');
    const int mm = (s[14] - '0') * 10 + (s[15] - '0');
    return hh < 24 && mm < 60;
}

ClientRecord withoutRowVersions(ClientRecord r)
{
    r.client.version = 0;
    for (auto& s : r.sessions) {
        s.session.version = 0;
        for (auto& f : s.findings)
            f.version = 0;
        for (auto& p : s.painMarks)
            p.version = 0;
    }
    for (auto& j : r.journal)
        j.version = 0;
    return r;
}

} // namespace ta::core::records
