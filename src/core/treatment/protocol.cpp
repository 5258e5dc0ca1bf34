#include "core/treatment/protocol.h"

#include "core/error.h"
#include "core/referral/json_cursor.h"

#include <nlohmann/json.hpp>

#include <array>
#include <regex>
#include <utility>

namespace ta::core {

namespace {

constexpr std::array<std::pair<ProtocolView, std::string_view>, 4> kViews{{{ProtocolView::Anterior, "anterior"},
                                                                           {ProtocolView::Posterior, "posterior"},
                                                                           {ProtocolView::Lateral, "lateral"},
                                                                           {ProtocolView::Superior, "superior"}}};

ProtocolView viewOf(const JsonCursor& c)
{
    const std::string s = c.string();
    for (const auto& [v, n] : kViews)
        if (n == s)
            return v;
    c.fail("expected anterior, posterior, lateral or superior, got \"" + s + "\"");
}

ProtocolStep stepOf(const JsonCursor& c)
{
    c.expectObject();
    ProtocolStep s;
    s.path = c.path();
    const bool tp = c.has("trigger_point");
    const bool muscle = c.has("muscle");
    if (tp == muscle)
        c.fail("needs exactly one of \"trigger_point\" and \"muscle\"");
    if (tp)
        s.triggerPoint = c.string("trigger_point");
    if (muscle)
        s.muscle = c.string("muscle");
    s.technique = c.string("technique");
    const JsonCursor hold = c.at("hold_s");
    const double h = hold.number();
    if (h != static_cast<int>(h) || h < 0 || h > Protocol::kMaxHoldSeconds)
        hold.fail("expected whole seconds from 0 to " + std::to_string(Protocol::kMaxHoldSeconds));
    s.holdSeconds = static_cast<int>(h);
    s.view = viewOf(c.at("view"));
    s.note = c.stringOr("note", "");
    return s;
}

} // namespace

std::string_view toString(ProtocolView v)
{
    for (const auto& [view, n] : kViews)
        if (view == v)
            return n;
    return "anterior";
}

Protocol Protocol::load(const std::filesystem::path& file)
{
    const nlohmann::json doc = JsonCursor::parseFile(file);
    Protocol p = fromJson(doc, file.string());
    if (p.id != file.stem().string())
        JsonCursor(doc, file.string()).at("id").fail("must match the file name (\"" + file.stem().string() + "\")");
    return p;
}

Protocol Protocol::fromJson(const nlohmann::json& doc, const std::string& name)
{
    const JsonCursor root(doc, name);
    root.expectObject();
    if (root.string("schema") != "trigger-atlas/protocol")
        root.at("schema").fail("expected \"trigger-atlas/protocol\"");
    if (root.at("version").number() != 1)
        root.at("version").fail("unsupported version (expected 1)");
    Protocol p;
    p.file = name;
    p.id = root.string("id");
    static const std::regex kId("[a-z0-9]+(-[a-z0-9]+)*");
    if (!std::regex_match(p.id, kId))
        root.at("id").fail("expected lowercase words joined by '-', got \"" + p.id + "\"");
    p.name = root.string("name");
    p.summary = root.string("summary");
    p.screen = root.stringsOr("screen");
    if (root.has("rationale")) {
        const JsonCursor r = root.at("rationale");
        r.expectArray();
        for (std::size_t i = 0; i < r.size(); ++i) {
            const JsonCursor e = r.at(i);
            e.expectObject();
            p.rationale.push_back({e.string("text"), readEvidence(e)});
        }
    }
    p.finish = root.stringOr("finish", "");
    const JsonCursor steps = root.at("steps");
    steps.expectArray();
    if (steps.size() == 0)
        steps.fail("a protocol needs at least one step");
    if (steps.size() > kMaxSteps)
        steps.fail("at most " + std::to_string(kMaxSteps) + " steps");
    for (std::size_t i = 0; i < steps.size(); ++i)
        p.steps.push_back(stepOf(steps.at(i)));
    return p;
}

} // namespace ta::core
