// Writes the fuzzers' seed corpora, made by the project itself: fuzz_seeds OUT_DIR makes OUT_DIR/<target>/.
// Each seed is a small valid input (so mutations start from something the parser accepts); the
// malformed-input corpus in tests/corpus/ is added by tools/fuzz as further seeds.
#include "core/bodymap/body_map_json.h"
#include "core/read_file.h"
#include "core/records/client_exchange.h"
#include "core/records/sqlite_record_store.h"
#include "glb_builder.h"
#include "mesh_fixtures.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace ta;

namespace {

void put(const fs::path& file, const std::string& bytes)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

core::BodyMap sampleMap()
{
    core::BodyMap map;
    map.client = "Jane Doe";
    map.addTag("2026-11-22", {.structure = "trapezius-descending-left",
                              .position = {0.071f, 1.52f, -0.031f},
                              .triggerPoint = "trapezius-1",
                              .state = core::TagState::Active,
                              .severity = 7,
                              .note = "ropy band"});
    map.addPainMark(
        "2026-11-22",
        {.structure = "skin", .position = {0.06f, 1.68f, 0.05f}, .radius = 0.03f, .intensity = 6, .note = "temple"});
    map.sessionFor("2026-12-01").note = "follow-up";
    return map;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds OUT_DIR\n");
        return 2;
    }
    const fs::path out = argv[1];
    const fs::path root = TA_SOURCE_ROOT;
    put(out / "glb/triangle.glb", test::triangleGlb());
    auto twoNodes = test::triangleGltf();
    twoNodes["nodes"][0]["children"] = {1};
    twoNodes["nodes"].push_back(
        {{"name", "landmark:x"}, {"translation", {0.0, 1.0, 0.0}}, {"extras", {{"kind", "landmark"}, {"id", "x"}}}});
    put(out / "glb/two-nodes.glb", test::makeGlb(twoNodes.dump(), test::triangleBin()));
    auto gltf = test::triangleGltf();
    gltf["buffers"][0]["uri"] =
        "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAAAAABAAIAAAA=";
    put(out / "gltf/triangle.gltf", gltf.dump());
    put(out / "gltf/nodes.gltf", twoNodes.dump());

    put(out / "anatomy_spec/landmarks.json",
        std::string(1, '\0') + core::readTextFile(root / "assets/anatomy/landmarks.json"));
    put(out / "anatomy_spec/skin.json", std::string(1, '\1') + core::readTextFile(root / "assets/anatomy/skin.json"));
    put(out / "anatomy_spec/muscles.json",
        std::string(1, '\2') + core::readTextFile(root / "assets/anatomy/muscles.json"));
    put(out / "trigger_points/muscles.json",
        std::string(1, '\0') + core::readTextFile(root / "assets/data/muscles.json"));
    put(out / "trigger_points/regions.json",
        std::string(1, '\1') + core::readTextFile(root / "assets/data/regions.json"));
    put(out / "trigger_points/trigger-points.json",
        std::string(1, '\2') + core::readTextFile(root / "assets/data/trigger-points.json"));

    const core::BodyMap map = sampleMap();
    put(out / "bodymap/sample.json", core::bodyMapToJson(map));
    put(out / "bodymap/empty.json", core::bodyMapToJson(core::BodyMap{}));
    put(out / "client_record/sample.json",
        core::records::clientRecordToJson(core::records::clientRecordFromBodyMap(map, "Jane Doe")));

    const fs::path db = out / "database/records.db";
    fs::create_directories(db.parent_path());
    fs::remove(db);
    {
        core::records::SqliteStoreOptions o;
        o.dailyBackup = false;
        core::records::SqliteRecordStore store(db, o);
        store.importClient(core::records::clientRecordFromBodyMap(map, "Jane Doe"));
    }
    for (const char* suffix : {"-wal", "-shm"})
        fs::remove(db.string() + suffix);

    const auto tris = test::tetra({0, 0, 0}, 1.0f);
    fs::create_directories(out / "model_importer");
    test::writeBinaryStl(out / "model_importer/tetra-binary.stl", tris);
    const std::string stl = core::readTextFile(out / "model_importer/tetra-binary.stl");
    fs::remove(out / "model_importer/tetra-binary.stl");
    put(out / "model_importer/tetra.stl", std::string(1, '\0') + stl);
    put(out / "model_importer/tetra.obj",
        std::string(1, '\1') + "o tetra\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n");
    put(out / "model_importer/tetra.ply",
        std::string(1, '\2') + "ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\nproperty float y\n"
                               "property float z\nelement face 4\nproperty list uchar int vertex_indices\n"
                               "end_header\n0 0 0\n1 0 0\n0 1 0\n0 0 1\n3 0 2 1\n3 0 1 3\n3 0 3 2\n3 1 2 3\n");
    return 0;
}
