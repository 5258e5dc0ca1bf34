// Client JSON exchange and body-map import: round trip of every record type through JSON, malformed
// files refused with the file and key named and nothing changed, body-map files imported as a client.
#include "core/read_file.h"
#include "core/bodymap/body_map_json.h"
#include "core/error.h"
#include "core/records/client_exchange.h"
#include "core/records/sqlite_record_store.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sys/stat.h>
#include <random>

namespace fs = std::filesystem;
using namespace ta::core::records;
using nlohmann::json;

namespace {

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("ta-records-x-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

/// A record with every field of every type set to something other than its default.
ClientRecord everything()
{
    ClientRecord r;
    Client& c = r.client;
    c.id = ClientId::generate();
    c.name = "Jane Doe";
    c.reference = "K-7";
    c.dateOfBirth = "1975-06-30";
    c.contact = "jane@example.org";
    c.notes = "notes \"quoted\" and ünïcödé";
    c.consent = Consent{"2026-01-02", "treatment", "Dr. T"};
    c.createdAt = "2026-01-02T10:00:00Z";
    c.updatedAt = "2026-01-03T10:00:00Z";
    SessionRecord s;
    s.session.id = SessionId::generate();
    s.session.client = c.id;
    s.session.dateTime = "2026-01-02T10:15";
    s.session.reason = "neck";
    s.session.painBefore = 8;
    s.session.painAfter = 2;
    s.session.soap = {"S", "O", "A", "P"};
    s.session.techniques = {"compression", "stretch"};
    s.session.signature = Signature{"2026-01-02T11:00:00Z", "Dr. T"};
    s.findings.push_back({FindingId::generate(), s.session.id, "trapezius-descending-left", {0.5f, 1.25f, -0.125f},
                          "trapezius-1", FindingState::Latent, 9, "band", true, "compression", 120, true});
    s.painMarks.push_back({PainMarkId::generate(), s.session.id, "skin", {0.25f, 1.5f, 0.0625f}, 0.03125f, 7,
                           PainQuality::Tingling, "temple", Side::Right, {"temple", "eye"}, "zig-zag"});
    s.questionnaires.push_back({QuestionnaireId::generate(), s.session.id, QuestionnaireKind::Hit6,
                                {0, 1, 2, 3, 4, 13}, "2026-01-02T10:10:00Z"});
    s.addenda.push_back({AddendumId::generate(), s.session.id, "2026-01-05T09:00:00Z", "Dr. T", "follow-up"});
    r.sessions.push_back(s);
    JournalEntry j;
    j.id = JournalEntryId::generate();
    j.client = c.id;
    j.date = "2026-01-04";
    j.headache = true;
    j.peakIntensity = 5;
    j.hours = 2.5;
    j.regions = {"temple-left"};
    j.triggers = {HeadacheTrigger::Stress, HeadacheTrigger::Food, HeadacheTrigger::Posture};
    j.medication = "none";
    j.note = "after lunch";
    r.journal.push_back(j);
    return r;
}

void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

} // namespace

TEST(RecordExchange, EveryTypeRoundTripsThroughJson)
{
    const ClientRecord r = everything();
    const std::string text = clientRecordToJson(r);
    const json j = json::parse(text);
    EXPECT_EQ(j["format"], "trigger-atlas-client");
    EXPECT_EQ(j["version"], 1);
    EXPECT_EQ(j["sessions"][0]["painMarks"][0]["quality"], "tingling");
    EXPECT_EQ(j["journal"][0]["triggers"].size(), 3u);
    EXPECT_EQ(clientRecordFromJson(text, "x.json"), r);
    EXPECT_EQ(clientRecordToJson(clientRecordFromJson(text, "x.json")), text); // deterministic

    // And through a database file.
    TempDir dir;
    SqliteRecordStore store(dir.path / "records.db", SqliteStoreOptions{.dailyBackup = false});
    write(dir.path / "jane.json", text);
    EXPECT_EQ(importClientFile(store, dir.path / "jane.json"), r.client.id);
    EXPECT_EQ(withoutRowVersions(store.exportClient(r.client.id)), r); // the store adds its row versions
    EXPECT_EQ(store.exportClient(r.client.id).client.version, 1);
    exportClientFile(store, r.client.id, dir.path / "out.json");
    struct stat st{};
    ASSERT_EQ(::stat((dir.path / "out.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(clientRecordFromJson(ta::core::readTextFile(dir.path / "out.json"), "out.json"), r);
    // Re-import: idempotent.
    importClientFile(store, dir.path / "out.json");
    EXPECT_EQ(store.listClients().size(), 1u);
    EXPECT_EQ(withoutRowVersions(store.exportClient(r.client.id)), r);
    EXPECT_EQ(store.exportClient(r.client.id).client.version, 1) << "importing the same record again changes nothing";
}

TEST(RecordExchange, MalformedFilesChangeNothing)
{
    TempDir dir;
    SqliteRecordStore store(dir.path / "records.db", SqliteStoreOptions{.dailyBackup = false});
    const ClientRecord good = everything();
    store.importClient(good);
    const ClientRecord before = store.exportClient(good.client.id);

    json base = json::parse(clientRecordToJson(good));
    base["client"]["notes"] = "this must never land";
    base["sessions"][0]["signature"] = nullptr; // so a partial write would be visible
    base["sessions"][0]["id"] = SessionId::generate().str();

    struct Case {
        std::string name;
        std::string text;
        std::string key; ///< must appear in the message
        bool parseError = false;
    };
    std::vector<Case> cases;
    cases.push_back({"bad-json", base.dump().substr(0, 200), "not valid JSON", true});
    {
        json j = base;
        j["format"] = "trigger-atlas-body-map";
        cases.push_back({"wrong-format", j.dump(), "format"});
    }
    {
        json j = base;
        j["version"] = 2;
        cases.push_back({"newer-version", j.dump(), "version"});
    }
    {
        json j = base;
        j["client"].erase("name");
        cases.push_back({"missing-name", j.dump(), "client.name: missing"});
    }
    {
        json j = base;
        j["sessions"][0]["findings"][0].erase("structure");
        cases.push_back({"missing-structure", j.dump(), "sessions[0].findings[0].structure: missing"});
    }
    {
        json j = base;
        j["sessions"][0]["findings"][0]["severity"] = 12;
        cases.push_back({"severity-12", j.dump(), "sessions[0].findings[0]: severity: must be an integer 0-10"});
    }
    {
        json j = base;
        j["sessions"][0]["painMarks"][0]["id"] = j["sessions"][0]["findings"][0]["id"];
        cases.push_back({"duplicate-id", j.dump(), "sessions[0].painMarks[0].id: duplicate id"});
    }
    {
        json j = base;
        j["sessions"].push_back(j["sessions"][0]);
        cases.push_back({"duplicate-session", j.dump(), "sessions[1].id: duplicate id"});
    }
    {
        json j = base;
        j["sessions"][0]["painMarks"][0]["quality"] = "itchy";
        cases.push_back({"bad-quality", j.dump(), "sessions[0].painMarks[0].quality: unknown value"});
    }
    {
        json j = base;
        j["sessions"][0]["questionnaires"][0]["answers"] = {0, 1, 2};
        cases.push_back({"short-hit6", j.dump(), "sessions[0].questionnaires[0]: answers"});
    }
    {
        json j = base;
        j["journal"][0]["triggers"] = {"moon"};
        cases.push_back({"bad-trigger", j.dump(), "journal[0].triggers"});
    }
    {
        json j = base;
        j["sessions"][0]["dateTime"] = "yesterday";
        cases.push_back({"bad-date", j.dump(), "sessions[0]: dateTime"});
    }
    {
        json j = base;
        j["client"]["id"] = "NOT-A-UUID";
        cases.push_back({"bad-uuid", j.dump(), "client.id"});
    }
    {
        json j = base;
        j["sessions"][0]["findings"][0]["position"] = {1, 2};
        cases.push_back({"short-position", j.dump(), "sessions[0].findings[0].position"});
    }
    cases.push_back({"not-an-object", "[1, 2, 3]", "top level"});

    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const fs::path file = dir.path / (c.name + ".json");
        write(file, c.text);
        try {
            importClientFile(store, file);
            ADD_FAILURE() << c.name << " was imported";
        } catch (const ta::ParseError& e) {
            EXPECT_TRUE(c.parseError) << e.what();
            EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(c.key), std::string::npos) << e.what();
        } catch (const ta::ValidationError& e) {
            EXPECT_FALSE(c.parseError) << e.what();
            EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(c.key), std::string::npos) << e.what();
        }
        EXPECT_EQ(store.listClients().size(), 1u);
        EXPECT_EQ(store.exportClient(good.client.id), before);
    }
    EXPECT_THROW(importClientFile(store, dir.path / "no-such-file.json"), ta::IoError);
}

TEST(RecordExchange, BodyMapFileImportsAsOneClient)
{
    TempDir dir;
    SqliteRecordStore store(dir.path / "records.db", SqliteStoreOptions{.dailyBackup = false});
    const fs::path example = fs::path(TA_TEST_DIR) / ".." / "docs" / "examples" / "temple-headache.json";
    const ta::core::BodyMap map = ta::core::loadBodyMap(example);
    ASSERT_FALSE(map.sessions.empty());

    const ClientId id = importBodyMapFile(store, example);
    const ClientRecord r = store.exportClient(id);
    EXPECT_EQ(r.client.name, map.client);
    ASSERT_EQ(r.sessions.size(), map.sessions.size());
    for (std::size_t i = 0; i < map.sessions.size(); ++i) {
        const auto& from = map.sessions[i];
        const auto& to = r.sessions[i];
        EXPECT_EQ(to.session.dateTime, from.date + "T00:00");
        EXPECT_EQ(to.session.soap.subjective, from.note);
        ASSERT_EQ(to.findings.size(), from.tags.size());
        ASSERT_EQ(to.painMarks.size(), from.painMarks.size());
        for (std::size_t k = 0; k < from.painMarks.size(); ++k) {
            EXPECT_EQ(to.painMarks[k].quality, PainQuality::Aching);
            EXPECT_EQ(to.painMarks[k].intensity, from.painMarks[k].intensity);
            EXPECT_EQ(to.painMarks[k].position, from.painMarks[k].position);
            EXPECT_FLOAT_EQ(to.painMarks[k].radius, from.painMarks[k].radius);
        }
    }

    // Tags become findings with every field.
    ta::core::BodyMap tagged;
    tagged.client = "";
    tagged.addTag("2026-11-22", {.structure = "levator-scapulae-right", .position = {-0.05f, 1.55f, -0.04f},
                                 .triggerPoint = "levator-1", .state = ta::core::TagState::Latent, .severity = 3,
                                 .note = "tender"});
    ta::core::saveBodyMap(tagged, dir.path / "tagged.json");
    const ClientRecord t = store.exportClient(importBodyMapFile(store, dir.path / "tagged.json"));
    EXPECT_EQ(t.client.name, "tagged"); // no client name in the file: the file's name
    ASSERT_EQ(t.sessions.size(), 1u);
    ASSERT_EQ(t.sessions[0].findings.size(), 1u);
    const Finding& f = t.sessions[0].findings[0];
    EXPECT_EQ(f.structure, "levator-scapulae-right");
    EXPECT_EQ(f.triggerPoint, "levator-1");
    EXPECT_EQ(f.state, FindingState::Latent);
    EXPECT_EQ(f.severity, 3);
    EXPECT_EQ(f.note, "tender");

    // A broken body map is refused by the core parser and adds nothing.
    write(dir.path / "broken.json", R"({"format": "trigger-atlas-body-map", "schemaVersion": 1, "sessions": [
        {"date": "2026-11-22", "tags": [{"id": 1, "structure": "x", "position": [0,0,0], "severity": 12}]}]})");
    EXPECT_THROW(importBodyMapFile(store, dir.path / "broken.json"), ta::ValidationError);
    EXPECT_EQ(store.listClients().size(), 2u);
}

TEST(RecordIds, UuidsAreV4LowerCaseAndDistinct)
{
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const ClientId id = ClientId::generate();
        ASSERT_TRUE(id.valid()) << id.str();
        EXPECT_EQ(id.str()[14], '4');
        EXPECT_NE(std::string("89ab").find(id.str()[19]), std::string::npos) << id.str();
        seen.insert(id.str());
    }
    EXPECT_EQ(seen.size(), 1000u);
    EXPECT_FALSE(isUuid("8C1E5D3A-0000-4000-8000-000000000000"));
    EXPECT_FALSE(isUuid("8c1e5d3a-0000-4000-8000-00000000000"));
    EXPECT_FALSE(ClientId().valid());
    EXPECT_TRUE(isLocalDateTime("2026-02-28T23:59"));
    EXPECT_FALSE(isLocalDateTime("2026-02-30T10:00"));
    EXPECT_FALSE(isLocalDateTime("2026-02-28T24:00"));
    EXPECT_FALSE(isLocalDateTime("2026-02-28 10:00"));
}
