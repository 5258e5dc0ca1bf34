#include "core/settings/settings_file.h"

#include "core/json_limits.h"
#include "core/atomic_file.h"
#include "core/read_file.h"
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

namespace ta::core {
namespace {

using nlohmann::json;

/// Reads keys with fallbacks, collecting one warning per bad key.
class Lenient {
public:
    Lenient(const std::string& source, std::vector<std::string>& warnings) : m_source(source), m_warnings(warnings) {}

    void warn(const std::string& key, const std::string& what)
    {
        m_warnings.push_back(m_source + ": " + key + ": " + what + "; using the default");
    }
    void boolean(const json& obj, const std::string& key, const std::string& path, bool& out)
    {
        if (!obj.contains(key))
            return;
        if (obj[key].is_boolean())
            out = obj[key].get<bool>();
        else
            warn(path, "must be true or false, got " + obj[key].dump());
    }
    void integer(const json& obj, const std::string& key, const std::string& path, int lo, int hi, int& out)
    {
        if (!obj.contains(key))
            return;
        const json& v = obj[key];
        if (v.is_number_integer() && v.get<long long>() >= lo && v.get<long long>() <= hi)
            out = v.get<int>();
        else
            warn(path, "must be an integer " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " + v.dump());
    }
    void number(const json& obj, const std::string& key, const std::string& path, float lo, float hi, float& out)
    {
        if (!obj.contains(key))
            return;
        const json& v = obj[key];
        if (v.is_number() && v.get<double>() >= lo && v.get<double>() <= hi)
            out = v.get<float>();
        else
            warn(path, "must be a number in range, got " + v.dump());
    }
    void string(const json& obj, const std::string& key, const std::string& path, std::string& out)
    {
        if (!obj.contains(key))
            return;
        if (obj[key].is_string())
            out = obj[key].get<std::string>();
        else
            warn(path, "must be a string, got " + obj[key].dump());
    }

private:
    const std::string& m_source;
    std::vector<std::string>& m_warnings;
};

} // namespace

std::optional<std::filesystem::path> defaultSettingsPath()
{
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg && std::filesystem::path(xdg).is_absolute())
        base = xdg; // the XDG spec says relative values are to be ignored
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".config";
    else
        return std::nullopt;
    return base / "trigger-atlas" / "settings.json";
}

std::string settingsToJson(const Settings& s)
{
    json layers = json::object();
    for (Layer l : kAllLayers)
        layers[std::string(toString(l))] = {{"visible", s.layer(l).visible}, {"opacity", s.layer(l).opacity}};
    json doc = json::object();
    doc["schemaVersion"] = kSettingsSchemaVersion;
    doc["window"] = {{"x", s.window.x},
                     {"y", s.window.y},
                     {"width", s.window.width},
                     {"height", s.window.height},
                     {"maximised", s.window.maximised}};
    doc["layers"] = std::move(layers);
    doc["ghost"] = s.ghost;
    doc["showTriggerPoints"] = s.showTriggerPoints;
    doc["showLabels"] = s.showLabels;
    doc["showLandmarks"] = s.showLandmarks;
    doc["animateReferral"] = s.animateReferral;
    doc["skinTone"] = std::string(toString(s.skinTone));
    doc["uiScale"] = s.uiScale;
    doc["orbitSpeed"] = s.orbitSpeed;
    doc["recentBodyMaps"] = s.recentBodyMaps;
    doc["lastClient"] = s.lastClient;
    doc["lastModel"] = s.lastModel;
    doc["recentModels"] = s.recentModels;
    doc["imguiLayout"] = s.imguiLayout;
    return doc.dump(2) + "\n";
}

SettingsLoad settingsFromJson(std::string_view text, const std::string& source)
{
    SettingsLoad out;
    checkJsonDepth(text, source);
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        out.warnings.push_back(source + ": not a valid settings file (damaged JSON); using the defaults");
        return out;
    }
    Lenient r(source, out.warnings);
    Settings& s = out.settings;
    if (doc.contains("schemaVersion") &&
        (!doc["schemaVersion"].is_number_integer() || doc["schemaVersion"].get<long long>() > kSettingsSchemaVersion))
        out.warnings.push_back(source + ": schemaVersion: " + doc["schemaVersion"].dump() +
                               " is newer than this program; reading what it understands");
    if (doc.contains("window") && doc["window"].is_object()) {
        const json& w = doc["window"];
        r.integer(w, "x", "window.x", -100000, 100000, s.window.x);
        r.integer(w, "y", "window.y", -100000, 100000, s.window.y);
        r.integer(w, "width", "window.width", 320, 16384, s.window.width);
        r.integer(w, "height", "window.height", 240, 16384, s.window.height);
        r.boolean(w, "maximised", "window.maximised", s.window.maximised);
    } else if (doc.contains("window")) {
        r.warn("window", "must be an object");
    }
    if (doc.contains("layers") && doc["layers"].is_object()) {
        for (Layer l : kAllLayers) {
            const std::string name(toString(l));
            if (!doc["layers"].contains(name))
                continue;
            const json& jl = doc["layers"][name];
            if (!jl.is_object()) {
                r.warn("layers." + name, "must be an object");
                continue;
            }
            r.boolean(jl, "visible", "layers." + name + ".visible", s.layer(l).visible);
            r.number(jl, "opacity", "layers." + name + ".opacity", 0.0f, 1.0f, s.layer(l).opacity);
        }
    } else if (doc.contains("layers")) {
        r.warn("layers", "must be an object");
    }
    r.boolean(doc, "ghost", "ghost", s.ghost);
    r.boolean(doc, "showTriggerPoints", "showTriggerPoints", s.showTriggerPoints);
    r.boolean(doc, "showLabels", "showLabels", s.showLabels);
    r.boolean(doc, "showLandmarks", "showLandmarks", s.showLandmarks);
    r.boolean(doc, "animateReferral", "animateReferral", s.animateReferral);
    if (doc.contains("skinTone")) {
        const auto tone = doc["skinTone"].is_string() ? skinToneFromString(doc["skinTone"].get<std::string>()) : std::nullopt;
        if (tone)
            s.skinTone = *tone;
        else
            r.warn("skinTone", "must be \"light\", \"medium\" or \"dark\", got " + doc["skinTone"].dump());
    }
    r.number(doc, "uiScale", "uiScale", 0.5f, 3.0f, s.uiScale);
    r.number(doc, "orbitSpeed", "orbitSpeed", 0.1f, 5.0f, s.orbitSpeed);
    r.string(doc, "imguiLayout", "imguiLayout", s.imguiLayout);
    r.string(doc, "lastClient", "lastClient", s.lastClient);
    if (doc.contains("recentModels")) {
        const json& rec = doc["recentModels"];
        if (rec.is_array()) {
            for (auto it = rec.rbegin(); it != rec.rend(); ++it) // rememberModel puts each at the front
                if (it->is_string())
                    s.rememberModel(it->get<std::string>());
        } else {
            r.warn("recentModels", "must be an array of file names");
        }
    }
    s.lastModel.clear();
    r.string(doc, "lastModel", "lastModel", s.lastModel);
    if (doc.contains("recentBodyMaps")) {
        const json& rec = doc["recentBodyMaps"];
        if (rec.is_array()) {
            for (auto it = rec.rbegin(); it != rec.rend(); ++it) // addRecent puts each at the front
                if (it->is_string())
                    s.addRecent(it->get<std::string>());
        } else {
            r.warn("recentBodyMaps", "must be an array of file names");
        }
    }
    return out;
}

SettingsLoad loadSettings(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return {};
    try {
        return settingsFromJson(readTextFile(file), file.string());
    } catch (const Error& e) {
        SettingsLoad out;
        out.warnings.push_back(std::string(e.what()) + "; using the defaults");
        return out;
    }
}

void saveSettings(const Settings& settings, const std::filesystem::path& file)
{
    writeFileAtomically(file, settingsToJson(settings), /*keepBackup=*/true);
}

} // namespace ta::core
