#include "io/report/self_care.h"

#include "core/error.h"
#include "core/referral/json_cursor.h"
#include "core/treatment/evidence.h"
#include "io/report/report_data.h"

#include <nlohmann/json.hpp>

#include <set>

namespace ta::io {

using core::JsonCursor;
using core::readConfidence;
using core::readSourceKeys;

SelfCareLibrary SelfCareLibrary::load(const std::filesystem::path& file)
{
    const nlohmann::json doc = JsonCursor::parseFile(file);
    return fromJson(doc, file.string());
}

SelfCareLibrary SelfCareLibrary::fromJson(const nlohmann::json& doc, const std::string& name)
{
    const JsonCursor root(doc, name);
    root.expectObject();
    if (root.string("schema") != "trigger-atlas/self-care") root.at("schema").fail("expected \"trigger-atlas/self-care\"");
    const JsonCursor version = root.at("version");
    if (version.number() != 1) version.fail("unsupported version (expected 1)");

    SelfCareLibrary lib;
    std::set<std::string> ids;
    const JsonCursor items = root.at("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const JsonCursor c = items.at(i);
        c.expectObject();
        SelfCareItem it;
        it.id = c.string("id");
        if (!ids.insert(it.id).second) c.at("id").fail("duplicate id \"" + it.id + "\"");
        const JsonCursor muscles = c.at("muscles");
        it.muscles = muscles.strings();
        if (it.muscles.empty()) muscles.fail("must list at least one muscle id");
        it.text = c.string("text");
        if (c.has("dose")) {
            const JsonCursor dose = c.at("dose");
            if (!dose.value().is_string()) dose.fail("expected a string");
            it.dose = dose.value().get<std::string>();
        }
        it.sources = readSourceKeys(c);
        it.confidence = readConfidence(c);
        if (c.has("inference")) it.inference = c.at("inference").boolean();
        lib.m_items.push_back(std::move(it));
    }

    const JsonCursor safety = root.at("safety");
    for (std::size_t i = 0; i < safety.size(); ++i) {
        const JsonCursor c = safety.at(i);
        c.expectObject();
        SafetyRule r;
        r.id = c.string("id");
        if (!ids.insert(r.id).second) c.at("id").fail("duplicate id \"" + r.id + "\"");
        r.rule = c.string("rule");
        if (c.has("client")) r.client = c.string("client");
        r.sources = readSourceKeys(c);
        r.confidence = readConfidence(c);
        lib.m_safety.push_back(std::move(r));
    }
    if (!lib.rule(kMigraineRule))
        safety.fail("missing the rule \"" + std::string(kMigraineRule) + "\" (no deep work during a migraine attack)");
    return lib;
}

std::vector<SelfCareItem> SelfCareLibrary::forMuscle(std::string_view muscleId) const
{
    std::vector<SelfCareItem> out;
    for (const SelfCareItem& it : m_items)
        for (const std::string& m : it.muscles)
            if (m == muscleId) {
                out.push_back(it);
                break;
            }
    return out;
}

const SafetyRule* SelfCareLibrary::rule(std::string_view id) const
{
    for (const SafetyRule& r : m_safety)
        if (r.id == id) return &r;
    return nullptr;
}

std::vector<std::string> SelfCareLibrary::clientCautions() const
{
    std::vector<std::string> out;
    for (const SafetyRule& r : m_safety)
        if (!r.client.empty()) out.push_back(r.client);
    return out;
}

void fillSelfCare(HandoutData& handout, const SelfCareLibrary& library, std::span<const std::string> muscleIds,
                  std::size_t maxItems)
{
    handout.selfCare.clear();
    std::set<std::string> taken;
    for (const std::string& muscle : muscleIds)
        for (const SelfCareItem& it : library.forMuscle(muscle)) {
            if (handout.selfCare.size() >= maxItems) break;
            if (taken.insert(it.id).second) handout.selfCare.push_back({it.text, it.dose});
        }
    handout.cautions = library.clientCautions();
}

} // namespace ta::io
