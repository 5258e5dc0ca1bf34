#include "io/stl_reader.h"

#include "core/error.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <numeric>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace ta::io {

namespace {

struct PositionKey {
    std::uint32_t x, y, z;
    bool operator==(const PositionKey&) const = default;
};

struct PositionKeyHash {
    std::size_t operator()(const PositionKey& k) const
    {
        std::uint64_t h = k.x;
        h = h * 0x9E3779B97F4A7C15ull ^ k.y;
        h = h * 0x9E3779B97F4A7C15ull ^ k.z;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
};

/// Collects triangle corners and welds bit-identical positions.
class MeshBuilder {
public:
    void addCorner(const glm::vec3& p)
    {
        const glm::vec3 q = p + glm::vec3(0.0f); // folds -0 into +0 so both weld together
        PositionKey key{};
        std::memcpy(&key.x, &q.x, 4);
        std::memcpy(&key.y, &q.y, 4);
        std::memcpy(&key.z, &q.z, 4);
        auto [it, inserted] = m_index.try_emplace(key, static_cast<std::uint32_t>(m_mesh.positions.size()));
        if (inserted)
            m_mesh.positions.push_back(q);
        m_mesh.indices.push_back(it->second);
    }
    core::Mesh finish()
    {
        m_mesh.computeNormals();
        return std::move(m_mesh);
    }

private:
    core::Mesh m_mesh;
    std::unordered_map<PositionKey, std::uint32_t, PositionKeyHash> m_index;
};

std::string readAll(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw IoError("cannot open STL file " + file.string());
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw IoError("cannot read STL file " + file.string());
    return data;
}

bool looksBinary(const std::string& data)
{
    if (data.size() >= 84) {
        std::uint32_t count = 0;
        std::memcpy(&count, data.data() + 80, 4);
        if (84ull + 50ull * count == data.size())
            return true; // exact binary size: binary even if the header starts with "solid"
    }
    // ASCII files start with "solid" (after optional blanks) and contain "facet" or "endsolid".
    const auto start = data.find_first_not_of(" \t\r\n");
    if (start == std::string::npos || data.compare(start, 5, "solid") != 0)
        return true;
    const auto head = data.substr(0, std::min<std::size_t>(data.size(), 4096));
    return head.find("facet") == std::string::npos && head.find("endsolid") == std::string::npos;
}

core::Mesh parseBinary(const std::string& data, const std::filesystem::path& file)
{
    if (data.size() < 84)
        throw ParseError("truncated STL file " + file.string() + ": " + std::to_string(data.size()) +
                         " bytes, a binary STL needs at least 84");
    std::uint32_t count = 0;
    std::memcpy(&count, data.data() + 80, 4);
    const std::uint64_t needed = 84ull + 50ull * count;
    if (data.size() < needed)
        throw ParseError("truncated STL file " + file.string() + ": header announces " + std::to_string(count) +
                         " triangles (" + std::to_string(needed) + " bytes) but the file has " +
                         std::to_string(data.size()) + " bytes");
    MeshBuilder builder;
    for (std::uint32_t t = 0; t < count; ++t) {
        const char* rec = data.data() + 84 + 50ull * t;
        for (int v = 0; v < 3; ++v) {
            float xyz[3];
            std::memcpy(xyz, rec + 12 + 12 * v, 12);
            builder.addCorner({xyz[0], xyz[1], xyz[2]});
        }
    }
    return builder.finish();
}

core::Mesh parseAscii(const std::string& data, const std::filesystem::path& file)
{
    std::istringstream in(data);
    std::string line;
    std::size_t lineNo = 0;
    int cornersInFacet = 0;
    bool inFacet = false;
    bool sawSolid = false, sawEnd = false;
    MeshBuilder builder;
    std::size_t facets = 0;
    auto fail = [&](const std::string& why) {
        throw ParseError("malformed STL file " + file.string() + ", line " + std::to_string(lineNo) + ": " + why);
    };
    while (std::getline(in, line)) {
        ++lineNo;
        std::istringstream ls(line);
        std::string word;
        if (!(ls >> word))
            continue;
        if (word == "solid") {
            sawSolid = true;
        } else if (word == "facet") {
            if (inFacet)
                fail("'facet' inside a facet");
            inFacet = true;
            cornersInFacet = 0;
        } else if (word == "outer" || word == "endloop") {
            if (!inFacet)
                fail("'" + word + "' outside a facet");
        } else if (word == "vertex") {
            if (!inFacet)
                fail("'vertex' outside a facet");
            float x, y, z;
            if (!(ls >> x >> y >> z))
                fail("expected three numbers after 'vertex'");
            if (++cornersInFacet > 3)
                fail("more than three vertices in a facet");
            builder.addCorner({x, y, z});
        } else if (word == "endfacet") {
            if (!inFacet || cornersInFacet != 3)
                fail("facet with " + std::to_string(cornersInFacet) + " vertices (expected 3)");
            inFacet = false;
            ++facets;
        } else if (word == "endsolid") {
            sawEnd = true;
            break;
        } else {
            fail("unexpected '" + word + "'");
        }
    }
    if (!sawSolid)
        fail("missing 'solid'");
    if (inFacet || !sawEnd)
        throw ParseError("truncated STL file " + file.string() + ": ends at line " + std::to_string(lineNo) +
                         (inFacet ? " inside a facet" : " without 'endsolid'"));
    return builder.finish();
}

} // namespace

core::Mesh readStl(const std::filesystem::path& file)
{
    const std::string data = readAll(file);
    return looksBinary(data) ? parseBinary(data, file) : parseAscii(data, file);
}

glm::vec3 bodyParts3dToModel(const glm::vec3& mm) { return glm::vec3(mm.x, mm.z, -mm.y) * 0.001f; }

void convertBodyParts3dToModelFrame(core::Mesh& mesh)
{
    for (auto& p : mesh.positions)
        p = bodyParts3dToModel(p);
    mesh.computeNormals();
}

std::size_t removeSmallComponents(core::Mesh& mesh, double minAreaFraction)
{
    const std::size_t nv = mesh.positions.size();
    const std::size_t nt = mesh.triangleCount();
    if (nt == 0)
        return 0;
    // Union-find over vertices joined by triangles.
    std::vector<std::uint32_t> parent(nv);
    std::iota(parent.begin(), parent.end(), 0u);
    auto findRoot = [&](std::uint32_t v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    };
    for (std::size_t t = 0; t < nt; ++t) {
        const std::uint32_t a = findRoot(mesh.indices[3 * t]);
        for (int k = 1; k < 3; ++k) {
            const std::uint32_t b = findRoot(mesh.indices[3 * t + k]);
            if (a != b)
                parent[b] = a;
        }
    }
    std::unordered_map<std::uint32_t, double> area;
    std::vector<double> triArea(nt);
    double total = 0.0;
    for (std::size_t t = 0; t < nt; ++t) {
        const glm::dvec3 a = mesh.positions[mesh.indices[3 * t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[3 * t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[3 * t + 2]];
        triArea[t] = 0.5 * glm::length(glm::cross(b - a, c - a));
        area[findRoot(mesh.indices[3 * t])] += triArea[t];
        total += triArea[t];
    }
    const double threshold = total * minAreaFraction;
    std::size_t removed = 0;
    for (const auto& [root, a] : area)
        if (a < threshold)
            ++removed;
    if (removed == 0)
        return 0;
    std::vector<std::uint32_t> remap(nv, UINT32_MAX);
    core::Mesh out;
    for (std::size_t t = 0; t < nt; ++t) {
        if (area[findRoot(mesh.indices[3 * t])] < threshold)
            continue;
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t v = mesh.indices[3 * t + k];
            if (remap[v] == UINT32_MAX) {
                remap[v] = static_cast<std::uint32_t>(out.positions.size());
                out.positions.push_back(mesh.positions[v]);
            }
            out.indices.push_back(remap[v]);
        }
    }
    out.computeNormals();
    mesh = std::move(out);
    return removed;
}

core::Mesh loadBodyParts3dStl(const std::filesystem::path& file)
{
    core::Mesh mesh = readStl(file);
    convertBodyParts3dToModelFrame(mesh);
    removeSmallComponents(mesh, 0.001);
    return mesh;
}

} // namespace ta::io
