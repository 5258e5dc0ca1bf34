// The SNOMED CT body-site table: the shipped file loads with its few certain codes, and malformed codes
// are refused naming the file and key.
#include "core/error.h"
#include "io/fhir/snomed_body_sites.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace ta;
using namespace ta::io;

TEST(FhirSnomedBodySites, ShippedFileHasOnlyWellFormedCodes)
{
    const auto file = std::filesystem::path(TA_TEST_DIR) / ".." / "assets/data/snomed-body-sites.json";
    const SnomedBodySites s = SnomedBodySites::load(file);
    ASSERT_TRUE(s.region("forehead"));
    EXPECT_EQ(s.region("forehead")->code, "52795006");
    EXPECT_EQ(s.region("forehead")->display, "Forehead structure");
    EXPECT_EQ(s.region("tmj")->code, "53620006");
    EXPECT_FALSE(s.region("temple")) << "no code we are sure of: must stay out";
    EXPECT_FALSE(s.muscle("trapezius-upper"));
    EXPECT_EQ(s.regions().size(), 5u);
}

TEST(FhirSnomedBodySites, RefusesMalformedCodes)
{
    auto doc = nlohmann::json::parse(R"({"schema": "trigger-atlas/snomed-body-sites", "version": 1,
        "system": "http://snomed.info/sct", "regions": {"forehead": {"code": "5279x006", "display": "F"}},
        "muscles": {}})");
    try {
        SnomedBodySites::fromJson(doc, "snomed-body-sites.json");
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("snomed-body-sites.json: regions.forehead.code"), std::string::npos)
            << e.what();
    }
    doc["regions"]["forehead"]["code"] = "52795006";
    doc["regions"]["forehead"].erase("display");
    EXPECT_THROW(SnomedBodySites::fromJson(doc, "x.json"), ValidationError);
    doc["regions"]["forehead"]["display"] = "Forehead structure";
    EXPECT_EQ(SnomedBodySites::fromJson(doc, "x.json").region("forehead")->code, "52795006");
}
