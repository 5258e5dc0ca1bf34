#include "core/records/questionnaires.h"

#include "core/error.h"

#include <string>

namespace ta::core::records {

namespace {

[[noreturn]] void fail(const std::string& what) { throw ValidationError(what); }

void checkCount(std::string_view name, std::span<const int> answers, int expected)
{
    if (static_cast<int>(answers.size()) != expected)
        fail(std::string(name) + ": needs " + std::to_string(expected) + " answers, got " +
             std::to_string(answers.size()));
}

} // namespace

NdiScore scoreNdi(std::span<const int> answers)
{
    checkCount("NDI", answers, kNdiItems);
    NdiScore s;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (answers[i] < 0 || answers[i] > kNdiMaxItem)
            fail("NDI item " + std::to_string(i + 1) + ": must be 0-5, got " + std::to_string(answers[i]));
        s.total += answers[i];
    }
    s.percent = s.total * 2;
    return s;
}

std::string_view toString(Hit6Band band)
{
    switch (band) {
    case Hit6Band::LittleOrNone: return "little or no impact";
    case Hit6Band::Some: return "some impact";
    case Hit6Band::Substantial: return "substantial impact";
    case Hit6Band::Severe: return "severe impact";
    }
    return "?";
}

int hit6Points(int answer)
{
    static constexpr int kPoints[] = {6, 8, 10, 11, 13};
    if (answer >= 0 && answer <= 4)
        return kPoints[answer];
    for (int p : kPoints)
        if (answer == p)
            return p;
    fail("must be an answer 0-4 (never..always) or its points 6, 8, 10, 11 or 13, got " + std::to_string(answer));
}

Hit6Band hit6Band(int total)
{
    if (total < 36 || total > 78)
        fail("HIT-6 total must be 36-78, got " + std::to_string(total));
    if (total <= 49)
        return Hit6Band::LittleOrNone;
    if (total <= 55)
        return Hit6Band::Some;
    if (total <= 59)
        return Hit6Band::Substantial;
    return Hit6Band::Severe;
}

Hit6Score scoreHit6(std::span<const int> answers)
{
    checkCount("HIT-6", answers, kHit6Items);
    Hit6Score s;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        try {
            s.total += hit6Points(answers[i]);
        } catch (const ValidationError& e) {
            fail("HIT-6 item " + std::to_string(i + 1) + ": " + e.what());
        }
    }
    s.band = hit6Band(s.total);
    return s;
}

} // namespace ta::core::records
