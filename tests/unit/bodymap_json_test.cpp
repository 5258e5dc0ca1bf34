// Body-map files: round trip, validation errors that name the file and key, atomic saves that never
// destroy the previous file.
#include "core/read_file.h"
#include "core/bodymap/body_map_json.h"
#include "core/error.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>

namespace {

using namespace ta::core;
namespace fs = std::filesystem;

BodyMap sample()
{
    BodyMap map;
    map.client = "Jane Doe";
    map.addTag("2026-11-22", {.structure = "trapezius-descending-left",
                              .position = {0.071f, 1.52f, -0.031f},
                              .triggerPoint = "trapezius-1",
                              .state = TagState::Active,
                              .severity = 7,
                              .note = "ropy band, jump sign"});
    map.addTag("2026-11-22", {.structure = "levator-scapulae-right", .position = {-0.05f, 1.55f, -0.04f},
                              .state = TagState::Latent, .severity = 2});
    map.addPainMark("2026-11-22", {.structure = "skin", .position = {0.06f, 1.68f, 0.05f}, .radius = 0.03f,
                                   .intensity = 6, .note = "temple"});
    map.sessionFor("2026-12-01").note = "follow-up";
    return map;
}

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("ta-bodymap-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

std::string errorOf(const std::string& text)
{
    try {
        bodyMapFromJson(text, "client.json");
    } catch (const ta::Error& e) {
        return e.what();
    }
    return "no error";
}

nlohmann::json sampleJson() { return nlohmann::json::parse(bodyMapToJson(sample())); }

TEST(BodymapJson, RoundTripKeepsEverything)
{
    const BodyMap a = sample();
    const std::string text = bodyMapToJson(a);
    const BodyMap b = bodyMapFromJson(text, "mem");
    EXPECT_EQ(b.client, "Jane Doe");
    ASSERT_EQ(b.sessions.size(), 2u);
    ASSERT_EQ(b.sessions[0].tags.size(), 2u);
    const auto& t = b.sessions[0].tags[0];
    EXPECT_EQ(t.id.value, 1u);
    EXPECT_EQ(t.structure, "trapezius-descending-left");
    EXPECT_EQ(t.triggerPoint, std::optional<std::string>("trapezius-1"));
    EXPECT_EQ(t.state, TagState::Active);
    EXPECT_EQ(t.severity, 7);
    EXPECT_EQ(t.note, "ropy band, jump sign");
    EXPECT_NEAR(t.position.x, 0.071f, 1e-6f);
    EXPECT_FALSE(b.sessions[0].tags[1].triggerPoint.has_value());
    EXPECT_EQ(b.sessions[0].tags[1].state, TagState::Latent);
    ASSERT_EQ(b.sessions[0].painMarks.size(), 1u);
    EXPECT_NEAR(b.sessions[0].painMarks[0].radius, 0.03f, 1e-6f);
    EXPECT_EQ(b.sessions[1].note, "follow-up");
    // Deterministic bytes.
    EXPECT_EQ(bodyMapToJson(b), text);
    const auto j = nlohmann::json::parse(text);
    EXPECT_EQ(j["schemaVersion"], kBodyMapSchemaVersion);
    EXPECT_EQ(j["format"], "trigger-atlas-body-map");
}

TEST(BodymapJson, ErrorsNameFileAndKey)
{
    EXPECT_EQ(errorOf("{ \"format\": "), errorOf("{ \"format\": ")); // stable
    EXPECT_NE(errorOf("{ \"format\": ").find("client.json: not valid JSON"), std::string::npos);
    EXPECT_NE(errorOf("[1,2]").find("client.json: must be a JSON object"), std::string::npos);

    auto j = sampleJson();
    j["sessions"][0]["tags"][1]["severity"] = 12;
    EXPECT_EQ(errorOf(j.dump()), "client.json: sessions[0].tags[1].severity: must be an integer 0-10, got 12");

    j = sampleJson();
    j["sessions"][0]["tags"][0]["state"] = "sore";
    EXPECT_EQ(errorOf(j.dump()), "client.json: sessions[0].tags[0].state: must be \"active\" or \"latent\", got \"sore\"");

    j = sampleJson();
    j["sessions"][0]["tags"][0]["position"] = {0.1, 1.5};
    EXPECT_NE(errorOf(j.dump()).find("client.json: sessions[0].tags[0].position: must be an array of 3"), std::string::npos);

    j = sampleJson();
    j["sessions"][0]["painMarks"][0]["id"] = 1; // clashes with the first tag
    EXPECT_EQ(errorOf(j.dump()), "client.json: sessions[0].painMarks[0].id: duplicate id 1");

    j = sampleJson();
    j["sessions"][1]["date"] = "2026-12-32";
    EXPECT_EQ(errorOf(j.dump()), "client.json: sessions[1].date: must be a day as YYYY-MM-DD, got \"2026-12-32\"");

    j = sampleJson();
    j["sessions"][0]["tags"][0].erase("structure");
    EXPECT_EQ(errorOf(j.dump()), "client.json: sessions[0].tags[0].structure: missing");

    j = sampleJson();
    j["schemaVersion"] = kBodyMapSchemaVersion + 1;
    EXPECT_NE(errorOf(j.dump()).find("client.json: schemaVersion: is 2, written by a newer"), std::string::npos);

    j = sampleJson();
    j["format"] = "something-else";
    EXPECT_NE(errorOf(j.dump()).find("client.json: format: must be"), std::string::npos);

    j = sampleJson();
    j.erase("sessions");
    EXPECT_EQ(errorOf(j.dump()), "client.json: sessions: missing");
}

TEST(BodymapJson, UnknownKeysAreIgnoredAndOptionalOnesDefault)
{
    auto j = sampleJson();
    j["futureThing"] = 42;
    j["sessions"][0]["tags"][0]["colour"] = "red";
    j["sessions"][0]["tags"][0].erase("note");
    j["sessions"][0].erase("painMarks");
    const BodyMap m = bodyMapFromJson(j.dump(), "f.json");
    EXPECT_EQ(m.sessions[0].tags[0].note, "");
    EXPECT_TRUE(m.sessions[0].painMarks.empty());
}

TEST(BodymapJson, SaveAndLoadFile)
{
    TempDir dir;
    const fs::path file = dir.path / "nested" / "jane.json"; // missing parent folder is created
    saveBodyMap(sample(), file);
    const BodyMap back = loadBodyMap(file);
    EXPECT_EQ(back.tagCount(), 2u);
    // No temporary left behind.
    int files = 0;
    for (const auto& e : fs::directory_iterator(file.parent_path()))
        files += e.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, 1);
}

TEST(BodymapJson, DamagedFileNeverDestroysThePreviousOne)
{
    TempDir dir;
    const fs::path file = dir.path / "jane.json";
    saveBodyMap(sample(), file);
    const std::string good = readTextFile(file);

    // A damaged file fails to open with a message naming it; the caller keeps what it had.
    const fs::path damaged = dir.path / "damaged.json";
    {
        std::ofstream(damaged) << good.substr(0, good.size() / 2);
    }
    try {
        loadBodyMap(damaged);
        FAIL() << "a truncated file must not load";
    } catch (const ta::ParseError& e) {
        EXPECT_NE(std::string(e.what()).find(damaged.string()), std::string::npos);
    }
    // Saving over an existing file keeps the previous version as .bak.
    BodyMap changed = sample();
    changed.client = "Jane Smith";
    saveBodyMap(changed, file);
    EXPECT_EQ(loadBodyMap(file).client, "Jane Smith");
    EXPECT_EQ(readTextFile(fs::path(file.string() + ".bak")), good);

    // A save that cannot complete leaves the file as it was.
    const fs::path blocked = dir.path / "blocked";
    fs::create_directories(blocked / "x.json"); // a directory where the file should go: rename fails
    EXPECT_THROW(saveBodyMap(changed, blocked / "x.json"), ta::IoError);
    EXPECT_TRUE(fs::is_directory(blocked / "x.json"));
    int leftovers = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(blocked))
        ++leftovers;
    EXPECT_EQ(leftovers, 1); // the temporary was removed
}

TEST(BodymapJson, MissingFileIsAnIoErrorNamingIt)
{
    try {
        loadBodyMap("/nonexistent/dir/client.json");
        FAIL();
    } catch (const ta::IoError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/client.json"), std::string::npos);
    }
}

} // namespace
