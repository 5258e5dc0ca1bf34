#include "io/fhir/fhir_bundle.h"

#include "core/error.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace ta::io {

namespace rec = core::records;
using nlohmann::json;

namespace {

constexpr const char* kObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
constexpr const char* kActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

std::string urn(const std::string& uuid) { return "urn:uuid:" + uuid; }

std::uint64_t fnv1a(std::string_view s, std::uint64_t h)
{
    for (const unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/// A stable UUID (RFC 9562 version 8, "custom") from `key`: two FNV-1a hashes with different seeds.
std::string derivedUuid(std::string_view key)
{
    const std::uint64_t a = fnv1a(key, 0xcbf29ce484222325ULL);
    const std::uint64_t b = fnv1a(key, 0x84222325cbf29ce4ULL ^ a);
    unsigned char bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<unsigned char>(a >> (56 - 8 * i));
        bytes[8 + i] = static_cast<unsigned char>(b >> (56 - 8 * i));
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x80); // version 8
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80); // RFC variant
    std::string out;
    char buf[3];
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        std::snprintf(buf, sizeof buf, "%02x", bytes[i]);
        out += buf;
    }
    return out;
}

/// "YYYY-MM-DDTHH:MM" local -> FHIR dateTime "YYYY-MM-DDTHH:MM:00+hh:mm".
std::string fhirDateTime(const std::string& local, const std::optional<int>& offsetMinutes)
{
    if (!rec::isLocalDateTime(local)) throw ArgumentError("session date-time \"" + local + "\": expected YYYY-MM-DDTHH:MM");
    long offset = 0;
    if (offsetMinutes) {
        offset = *offsetMinutes;
    } else {
        std::tm tm{};
        tm.tm_year = std::atoi(local.substr(0, 4).c_str()) - 1900;
        tm.tm_mon = std::atoi(local.substr(5, 2).c_str()) - 1;
        tm.tm_mday = std::atoi(local.substr(8, 2).c_str());
        tm.tm_hour = std::atoi(local.substr(11, 2).c_str());
        tm.tm_min = std::atoi(local.substr(14, 2).c_str());
        tm.tm_isdst = -1;
        std::mktime(&tm);
        offset = tm.tm_gmtoff / 60;
    }
    const char sign = offset < 0 ? '-' : '+';
    const long a = std::labs(offset);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%c%02ld:%02ld", sign, a / 60, a % 60);
    return local.substr(0, 16) + ":00" + buf;
}

json category(const char* code, const char* display)
{
    return json::array({{{"coding", json::array({{{"system", kObservationCategory}, {"code", code}, {"display", display}}})}}});
}

json bodySite(const FhirBodySite& site)
{
    json j{{"text", site.display}};
    if (site.snomed)
        j["coding"] = json::array(
            {{{"system", kSnomedSystem}, {"code", site.snomed->code}, {"display", site.snomed->display}}});
    return j;
}

json textConcept(const std::string& text) { return json{{"text", text}}; }

std::string sideWord(const std::optional<rec::Side>& s) { return s ? std::string(rec::toString(*s)) : std::string(); }

} // namespace

std::vector<PainRegionPeak> painRegionPeaks(const rec::SessionRecord& session)
{
    std::vector<PainRegionPeak> out;
    auto add = [&](const std::string& region, const std::optional<rec::Side>& side, const rec::PainMark& m) {
        for (PainRegionPeak& p : out)
            if (p.region == region && p.side == side) {
                if (m.intensity > p.peak) {
                    p.peak = m.intensity;
                    p.quality = m.quality;
                }
                return;
            }
        out.push_back({region, side, m.intensity, m.quality});
    };
    for (const rec::PainMark& m : session.painMarks) {
        if (m.region) {
            add(*m.region, m.side, m);
            continue;
        }
        std::vector<std::string> seen;
        for (const std::string& r : m.coveredRegions) {
            if (std::find(seen.begin(), seen.end(), r) != seen.end()) continue;
            seen.push_back(r);
            add(r, std::nullopt, m);
        }
    }
    return out;
}

json sessionBundle(const rec::Client& client, const rec::SessionRecord& record, const FhirContext& ctx)
{
    const rec::Session& s = record.session;
    if (!client.id.valid()) throw ArgumentError("FHIR export: the client has no UUID (save the client first)");
    if (!s.id.valid()) throw ArgumentError("FHIR export: the session has no UUID (save the session first)");
    const std::string patientUrl = urn(client.id.str());
    const std::string encounterUrl = urn(s.id.str());
    const std::string when = fhirDateTime(s.dateTime, ctx.utcOffsetMinutes);

    json entries = json::array();
    auto addEntry = [&](const std::string& uuid, json resource) {
        resource["id"] = uuid;
        entries.push_back({{"fullUrl", urn(uuid)}, {"resource", std::move(resource)}});
    };

    json patient{{"resourceType", "Patient"},
                 {"identifier", json::array({{{"system", "urn:ietf:rfc:3986"}, {"value", patientUrl}}})},
                 {"name", json::array({{{"text", client.name}}})}};
    if (!client.reference.empty())
        patient["identifier"].push_back({{"type", textConcept("Therapist's file reference")}, {"value", client.reference}});
    if (client.dateOfBirth) patient["birthDate"] = *client.dateOfBirth;
    addEntry(client.id.str(), std::move(patient));

    json encounter{{"resourceType", "Encounter"},
                   {"status", "finished"},
                   {"class", {{"system", kActCode}, {"code", "AMB"}, {"display", "ambulatory"}}},
                   {"subject", {{"reference", patientUrl}}},
                   {"period", {{"start", when}}}};
    if (!s.reason.empty()) encounter["reasonCode"] = json::array({textConcept(s.reason)});
    addEntry(s.id.str(), std::move(encounter));

    for (const PainRegionPeak& p : painRegionPeaks(record)) {
        const auto known = ctx.regions.find(p.region);
        FhirBodySite site = known != ctx.regions.end() ? known->second : FhirBodySite{p.region, std::nullopt};
        if (p.side) site.display += ", " + sideWord(p.side);
        json obs{{"resourceType", "Observation"},
                 {"status", "final"},
                 {"category", category("survey", "Survey")},
                 {"code",
                  {{"coding", json::array({{{"system", kLoincSystem},
                                            {"code", kLoincPainSeverity},
                                            {"display", kLoincPainSeverityDisplay}}})},
                   {"text", "Pain severity (0-10)"}}},
                 {"subject", {{"reference", patientUrl}}},
                 {"encounter", {{"reference", encounterUrl}}},
                 {"effectiveDateTime", when},
                 {"valueInteger", p.peak},
                 {"bodySite", bodySite(site)},
                 {"component", json::array({{{"code", textConcept("Pain quality")},
                                             {"valueCodeableConcept", textConcept(std::string(rec::toString(p.quality)))}}})}};
        addEntry(derivedUuid(s.id.str() + "/pain/" + p.region + "/" + sideWord(p.side)), std::move(obs));
    }

    for (const rec::Finding& f : record.findings) {
        const std::string uuid = f.id.valid() ? f.id.str() : derivedUuid(s.id.str() + "/finding/" + f.structure);
        const auto known = ctx.findings.find(f.id.str());
        const FhirBodySite site = known != ctx.findings.end() ? known->second : FhirBodySite{f.structure, std::nullopt};
        const std::string state(rec::toString(f.state));
        json components = json::array();
        components.push_back({{"code", textConcept("Trigger point state")}, {"valueCodeableConcept", textConcept(state)}});
        components.push_back({{"code", textConcept("Severity (0-10)")}, {"valueInteger", f.severity}});
        if (f.triggerPoint)
            components.push_back({{"code", textConcept("Documented trigger point")}, {"valueString", *f.triggerPoint}});
        components.push_back({{"code", textConcept("Treated")}, {"valueBoolean", f.treated}});
        if (!f.technique.empty())
            components.push_back({{"code", textConcept("Technique")}, {"valueString", f.technique}});
        if (f.treatedSeconds)
            components.push_back({{"code", textConcept("Treatment time")},
                                  {"valueQuantity",
                                   {{"value", *f.treatedSeconds},
                                    {"unit", "s"},
                                    {"system", "http://unitsofmeasure.org"},
                                    {"code", "s"}}}});
        json obs{{"resourceType", "Observation"},
                 {"status", f.carriedOver ? "preliminary" : "final"},
                 {"category", category("exam", "Exam")},
                 {"code", textConcept("Myofascial trigger point")},
                 {"subject", {{"reference", patientUrl}}},
                 {"encounter", {{"reference", encounterUrl}}},
                 {"effectiveDateTime", when},
                 {"valueCodeableConcept", textConcept(state == "active" ? "Active myofascial trigger point"
                                                                        : "Latent myofascial trigger point")},
                 {"bodySite", bodySite(site)},
                 {"component", std::move(components)}};
        if (!f.note.empty()) obs["note"] = json::array({{{"text", f.note}}});
        addEntry(uuid, std::move(obs));
    }

    json bundle{{"resourceType", "Bundle"},
                {"id", derivedUuid(s.id.str() + "/bundle")},
                {"type", "collection"},
                {"timestamp", ctx.timestamp.empty() ? rec::nowUtcTimestamp() : ctx.timestamp},
                {"entry", std::move(entries)}};
    return bundle;
}

} // namespace ta::io
