#include "core/study/sm2_scheduler.h"

#include "core/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace ta::core::study {

namespace {

std::chrono::sys_days parseDay(std::string_view day)
{
    using namespace std::chrono;
    int y = 0;
    unsigned m = 0, d = 0;
    bool shaped = day.size() == 10 && day[4] == '-' && day[7] == '-' &&
                        std::all_of(day.begin(), day.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    if (shaped) {
        const std::string s(day);
        shaped = std::sscanf(s.c_str(), "%4d-%2u-%2u", &y, &m, &d) == 3;
    }
    const year_month_day ymd{year{y}, month{m}, std::chrono::day{d}};
    if (!shaped || !ymd.ok())
        throw ArgumentError("not a calendar day \"" + std::string(day) + "\" (expected YYYY-MM-DD)");
    return sys_days{ymd};
}

std::string format(std::chrono::sys_days days)
{
    const std::chrono::year_month_day ymd{days};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buf;
}

} // namespace

int gradeOf(double score)
{
    const double s = std::clamp(std::isfinite(score) ? score : 0.0, 0.0, 1.0);
    if (s >= 0.95)
        return 5;
    if (s >= 0.8)
        return 4;
    if (s >= 0.6)
        return 3;
    if (s >= 0.4)
        return 2;
    if (s >= 0.2)
        return 1;
    return 0;
}

Sm2State review(const Sm2State& before, int grade, std::string_view today)
{
    const int q = std::clamp(grade, 0, 5);
    Sm2State s = before;
    if (q < 3) {
        if (before.repetitions > 0)
            ++s.lapses;
        s.repetitions = 0;
        s.intervalDays = 1;
    } else {
        if (before.repetitions == 0)
            s.intervalDays = 1;
        else if (before.repetitions == 1)
            s.intervalDays = 6;
        else
            s.intervalDays = static_cast<int>(std::lround(before.intervalDays * before.ease));
        ++s.repetitions;
    }
    const double w = 5 - q;
    s.ease = std::max(kMinimumEase, before.ease + (0.1 - w * (0.08 + w * 0.02)));
    s.due = format(parseDay(today) + std::chrono::days{s.intervalDays});
    return s;
}

bool isDue(const Sm2State& state, std::string_view today) { return state.due.empty() || state.due <= today; }

std::string addDays(std::string_view day, int days) { return format(parseDay(day) + std::chrono::days{days}); }

std::string todayUtc()
{
    return format(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

} // namespace ta::core::study
