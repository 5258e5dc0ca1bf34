#include "core/records/study_progress.h"

#include "core/error.h"
#include "core/records/records.h"

#include <cmath>

namespace ta::core::records {

namespace {

[[noreturn]] void fail(const std::string& where, const char* key, const std::string& why)
{
    throw ValidationError(where + ": " + key + ": " + why);
}

void requireName(const std::string& where, const char* key, const std::string& value)
{
    if (value.empty())
        fail(where, key, "must not be empty");
    if (value.size() > 200)
        fail(where, key, "longer than 200 bytes");
}

void requireScore(const std::string& where, const char* key, double v)
{
    if (!std::isfinite(v) || v < 0.0 || v > 1.0)
        fail(where, key, "must be a number 0-1, got " + std::to_string(v));
}

} // namespace

void validate(const StudyCard& c, const std::string& where)
{
    requireName(where, "student", c.student);
    requireName(where, "item", c.item);
    if (c.repetitions < 0)
        fail(where, "repetitions", "must not be negative");
    if (c.intervalDays < 0)
        fail(where, "interval_days", "must not be negative");
    if (c.lapses < 0)
        fail(where, "lapses", "must not be negative");
    if (!std::isfinite(c.ease) || c.ease < 1.3 - 1e-9)
        fail(where, "ease", "must be at least 1.3, got " + std::to_string(c.ease));
    if (c.due.size() != 10 || !isLocalDateTime(c.due + "T00:00"))
        fail(where, "due", "must be a date YYYY-MM-DD, got \"" + c.due + "\"");
    requireScore(where, "last_score", c.lastScore);
}

void validate(const StudyReview& r, const std::string& where)
{
    requireName(where, "student", r.student);
    requireName(where, "item", r.item);
    requireScore(where, "score", r.score);
    if (r.grade < 0 || r.grade > 5)
        fail(where, "grade", "must be 0-5, got " + std::to_string(r.grade));
    if (!std::isfinite(r.seconds) || r.seconds < 0.0)
        fail(where, "seconds", "must not be negative");
}

} // namespace ta::core::records
