#include "core/bodymap/body_map.h"

#include <utility>

#include <algorithm>

namespace ta::core {

std::string_view toString(TagState state) { return state == TagState::Active ? "active" : "latent"; }

std::optional<TagState> tagStateFromString(std::string_view s)
{
    if (s == "active")
        return TagState::Active;
    if (s == "latent")
        return TagState::Latent;
    return std::nullopt;
}

Session& BodyMap::sessionFor(std::string_view date)
{
    for (auto& s : sessions)
        if (s.date == date)
            return s;
    auto at = std::find_if(sessions.begin(), sessions.end(), [&](const Session& s) { return s.date > date; });
    return *sessions.insert(at, Session{.date = std::string(date)});
}

TagId BodyMap::addTag(std::string_view date, TriggerPointTag tag)
{
    tag.id = TagId{nextId()};
    tag.severity = std::clamp(tag.severity, 0, kMaxSeverity);
    sessionFor(date).tags.push_back(std::move(tag));
    return sessionFor(date).tags.back().id;
}

PainMarkId BodyMap::addPainMark(std::string_view date, PainMark mark)
{
    mark.id = PainMarkId{nextId()};
    mark.intensity = std::clamp(mark.intensity, 0, kMaxSeverity);
    sessionFor(date).painMarks.push_back(std::move(mark));
    return sessionFor(date).painMarks.back().id;
}

TriggerPointTag* BodyMap::findTag(TagId id)
{
    for (auto& s : sessions)
        for (auto& t : s.tags)
            if (t.id == id)
                return &t;
    return nullptr;
}

const TriggerPointTag* BodyMap::findTag(TagId id) const
{
    return const_cast<BodyMap*>(this)->findTag(id);
}

PainMark* BodyMap::findPainMark(PainMarkId id)
{
    return const_cast<PainMark*>(std::as_const(*this).findPainMark(id));
}

const PainMark* BodyMap::findPainMark(PainMarkId id) const
{
    for (const auto& s : sessions)
        for (const auto& m : s.painMarks)
            if (m.id == id)
                return &m;
    return nullptr;
}

bool BodyMap::remove(TagId id)
{
    for (auto& s : sessions)
        if (std::erase_if(s.tags, [&](const TriggerPointTag& t) { return t.id == id; }) > 0)
            return true;
    return false;
}

bool BodyMap::remove(PainMarkId id)
{
    for (auto& s : sessions)
        if (std::erase_if(s.painMarks, [&](const PainMark& m) { return m.id == id; }) > 0)
            return true;
    return false;
}

std::uint32_t BodyMap::nextId() const
{
    std::uint32_t top = 0;
    for (const auto& s : sessions) {
        for (const auto& t : s.tags)
            top = std::max(top, t.id.value);
        for (const auto& m : s.painMarks)
            top = std::max(top, m.id.value);
    }
    return top + 1;
}

std::size_t BodyMap::tagCount() const
{
    std::size_t n = 0;
    for (const auto& s : sessions)
        n += s.tags.size();
    return n;
}

bool isIsoDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9')
            return false;
    const int year = std::stoi(std::string(s.substr(0, 4)));
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    const int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int maxDay = month == 2 && !leap ? 28 : kDays[month - 1];
    return day <= maxDay;
}

} // namespace ta::core
