#include "io/fhir/snomed_body_sites.h"

#include "core/referral/json_cursor.h"

#include <nlohmann/json.hpp>

#include <regex>

namespace ta::io {

namespace {

using core::JsonCursor;

void readTable(const JsonCursor& table, std::map<std::string, SnomedCoding, std::less<>>& out)
{
    table.expectObject();
    static const std::regex kSctId("[1-9][0-9]{5,17}");
    for (auto it = table.value().begin(); it != table.value().end(); ++it) {
        const JsonCursor entry = table.at(it.key().c_str());
        entry.expectObject();
        SnomedCoding c;
        const JsonCursor code = entry.at("code");
        c.code = code.string();
        if (!std::regex_match(c.code, kSctId)) code.fail("must be a SNOMED CT id of 6-18 digits, got \"" + c.code + "\"");
        c.display = entry.string("display");
        out.emplace(it.key(), std::move(c));
    }
}

std::optional<SnomedCoding> find(const std::map<std::string, SnomedCoding, std::less<>>& m, std::string_view id)
{
    const auto it = m.find(id);
    if (it == m.end()) return std::nullopt;
    return it->second;
}

} // namespace

SnomedBodySites SnomedBodySites::load(const std::filesystem::path& file)
{
    const nlohmann::json doc = JsonCursor::parseFile(file);
    return fromJson(doc, file.string());
}

SnomedBodySites SnomedBodySites::fromJson(const nlohmann::json& doc, const std::string& name)
{
    const JsonCursor root(doc, name);
    root.expectObject();
    if (root.string("schema") != "trigger-atlas/snomed-body-sites")
        root.at("schema").fail("expected \"trigger-atlas/snomed-body-sites\"");
    const JsonCursor version = root.at("version");
    if (version.number() != 1) version.fail("unsupported version (expected 1)");
    if (root.string("system") != kSnomedSystem) root.at("system").fail("expected \"" + std::string(kSnomedSystem) + "\"");
    SnomedBodySites s;
    readTable(root.at("regions"), s.m_regions);
    readTable(root.at("muscles"), s.m_muscles);
    return s;
}

std::optional<SnomedCoding> SnomedBodySites::region(std::string_view id) const { return find(m_regions, id); }
std::optional<SnomedCoding> SnomedBodySites::muscle(std::string_view id) const { return find(m_muscles, id); }

} // namespace ta::io
