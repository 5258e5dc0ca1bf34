#include "io/model_importer.h"

#include "core/error.h"
#include "core/geometry/ambient_occlusion.h"
#include "core/geometry/closest_point_tree.h"
#include "core/geometry/fibre_transfer.h"
#include "io/asset_paths.h"
#include "io/bodyparts3d.h"
#include "io/fidelity/reference_set.h"
#include "io/gltf_reader.h"
#include "io/mesh_import.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <thread>

namespace ta::io {
namespace {

/// Passes progress on to ImportOptions::progress: never decreasing, one call at a time (the reading
/// threads report too), and remembers a "stop" answer.
class ProgressSink {
public:
    ProgressSink(const std::function<bool(double)>& fn, std::filesystem::path source) : m_fn(fn), m_source(std::move(source)) {}
    void report(double fraction)
    {
        if (!m_fn)
            return;
        const std::lock_guard lock(m_mutex);
        m_last = std::max(m_last, std::clamp(fraction, 0.0, 1.0));
        if (!m_fn(m_last))
            m_cancelled = true;
    }
    bool cancelled() const { return m_cancelled; }
    /// Throws ImportCancelled when the import was told to stop.
    void stopIfCancelled() const
    {
        if (m_cancelled)
            throw ImportCancelled(m_source.string() + ": import cancelled");
    }

private:
    const std::function<bool(double)>& m_fn;
    std::filesystem::path m_source;
    std::mutex m_mutex;
    double m_last = 0.0;
    std::atomic<bool> m_cancelled{false};
};

const std::regex kFmaFile("(FMA[0-9]+)\\.(obj|stl)", std::regex::icase);

/// "FMA12345" when `file` is named FMA<id>.obj|stl, else "".
std::string fmaOfFile(const std::filesystem::path& file)
{
    std::smatch m;
    const std::string name = file.filename().string();
    if (!std::regex_match(name, m, kFmaFile))
        return {};
    std::string fma = m[1].str();
    std::transform(fma.begin(), fma.begin() + 3, fma.begin(), [](unsigned char c) { return std::toupper(c); });
    return fma;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string collapseBlanks(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

/// The credit line of a dataset's ATTRIBUTION.txt: its first quoted passage (BodyParts3D's README gives the
/// required credit in quotes), else the whole text; blanks collapsed. "" when there is no such file.
std::string readCredit(const std::filesystem::path& folder)
{
    std::ifstream in(folder / "ATTRIBUTION.txt", std::ios::binary);
    if (!in)
        return {};
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto open = text.find('"');
    const auto close = open == std::string::npos ? std::string::npos : text.find('"', open + 1);
    if (close != std::string::npos && close > open + 1)
        return collapseBlanks(text.substr(open + 1, close - open - 1));
    return collapseBlanks(text.substr(0, 2000));
}

void append(core::Mesh& out, const core::Mesh& m)
{
    const auto first = static_cast<std::uint32_t>(out.positions.size());
    out.positions.insert(out.positions.end(), m.positions.begin(), m.positions.end());
    for (auto i : m.indices)
        out.indices.push_back(first + i);
}

/// The triangles of `mesh` split among `owners`: each goes to the owner whose surface lies nearest to its
/// centroid. Unused vertices are left out of each part.
std::vector<core::Mesh> splitByNearest(const core::Mesh& mesh, const std::vector<const core::Mesh*>& owners)
{
    std::vector<core::ClosestPointTree> trees;
    for (const auto* m : owners)
        trees.emplace_back(*m);
    std::vector<core::Mesh> parts(owners.size());
    std::vector<std::vector<std::uint32_t>> remap(owners.size(),
                                                  std::vector<std::uint32_t>(mesh.positions.size(), UINT32_MAX));
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        const glm::vec3 c = (mesh.positions[mesh.indices[3 * t]] + mesh.positions[mesh.indices[3 * t + 1]] +
                             mesh.positions[mesh.indices[3 * t + 2]]) / 3.0f;
        std::size_t best = 0;
        float bestDistance = std::numeric_limits<float>::max();
        for (std::size_t k = 0; k < trees.size(); ++k)
            if (const auto hit = trees[k].closest(c); hit && hit->distance < bestDistance) {
                bestDistance = hit->distance;
                best = k;
            }
        for (int j = 0; j < 3; ++j) {
            const std::uint32_t v = mesh.indices[3 * t + j];
            auto& r = remap[best][v];
            if (r == UINT32_MAX) {
                r = static_cast<std::uint32_t>(parts[best].positions.size());
                parts[best].positions.push_back(mesh.positions[v]);
            }
            parts[best].indices.push_back(r);
        }
    }
    return parts;
}

struct LoadedFile {
    core::Mesh mesh;
    std::size_t fragments = 0;
};

/// Reads the BodyParts3D files on a few threads (Assimp importers are independent per thread); the first
/// error is rethrown after all have finished.
std::map<std::string, LoadedFile> loadBodyParts3dFiles(const std::map<std::string, std::filesystem::path>& files,
                                                       double minFragmentFraction, ProgressSink& progress)
{
    std::atomic<std::size_t> done{0};
    std::vector<std::pair<std::string, std::filesystem::path>> work(files.begin(), files.end());
    std::vector<LoadedFile> loaded(work.size());
    std::vector<std::exception_ptr> errors(work.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; !progress.cancelled() && (i = next++) < work.size();) {
            try {
                core::Mesh m = importSingleMesh(work[i].second);
                convertBodyParts3dToModelFrame(m);
                loaded[i].fragments = removeSmallComponents(m, minFragmentFraction);
                loaded[i].mesh = std::move(m);
            } catch (...) {
                errors[i] = std::current_exception();
            }
            // Reading the files is most of the work: 5 % to 80 %.
            progress.report(0.05 + 0.75 * static_cast<double>(++done) / static_cast<double>(work.size()));
        }
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t + 1 < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();
    progress.stopIfCancelled();
    for (auto& e : errors)
        if (e)
            std::rethrow_exception(e);
    std::map<std::string, LoadedFile> out;
    for (std::size_t i = 0; i < work.size(); ++i)
        out.emplace(work[i].first, std::move(loaded[i]));
    return out;
}

void importFolder(const std::filesystem::path& dir, const core::AnatomyModel& base, const ImportOptions& options,
                  ImportReport& report, ProgressSink& progress)
{
    std::map<std::string, std::filesystem::path> files; // FMA id -> file (an STL wins over an OBJ of the same id)
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file())
            continue;
        const std::string fma = fmaOfFile(entry.path());
        if (fma.empty())
            continue;
        auto [it, inserted] = files.emplace(fma, entry.path());
        if (!inserted && lower(entry.path().extension().string()) == ".stl")
            it->second = entry.path();
    }
    if (ec)
        throw IoError(dir.string() + ": cannot list the folder (" + ec.message() + ")");
    if (files.empty())
        throw ValidationError(dir.string() + ": no FMA<id>.obj or FMA<id>.stl files in the folder");
    report.filesFound = files.size();
    report.meshesFound = files.size();

    const auto loaded = loadBodyParts3dFiles(files, options.minFragmentFraction, progress);
    // The files standing for each structure: the folder's own file for its FMA id, else what io/fidelity
    // compares it with (the skull's bones, the masseter's swapped labels).
    std::vector<std::vector<std::string>> fmasOf(base.structures.size());
    std::map<std::string, std::vector<std::size_t>> claims; // a file -> the structures it alone stands for
    for (std::size_t i = 0; i < base.structures.size(); ++i) {
        const auto& fma = base.structures[i].fma;
        if (fma.empty())
            continue;
        fmasOf[i] = loaded.count(fma) ? std::vector<std::string>{fma} : referenceFmasFor(fma);
        if (fmasOf[i].size() == 1 && loaded.count(fmasOf[i].front()))
            claims[fmasOf[i].front()].push_back(i);
    }
    // One file for several of our structures (both heads of the sternocleidomastoid carry the muscle's FMA
    // id): each triangle goes to the structure whose base mesh lies nearest.
    std::map<std::size_t, core::Mesh> splitParts;
    for (const auto& [fma, owners] : claims) {
        if (owners.size() < 2)
            continue;
        std::vector<const core::Mesh*> meshes;
        for (auto i : owners)
            meshes.push_back(&base.structures[i].mesh);
        auto parts = splitByNearest(loaded.at(fma).mesh, meshes);
        for (std::size_t k = 0; k < owners.size(); ++k)
            splitParts[owners[k]] = std::move(parts[k]);
    }
    std::set<std::string> used;
    for (std::size_t i = 0; i < base.structures.size(); ++i) {
        const auto& s = base.structures[i];
        core::Structure out = s;
        out.mesh = {};
        if (auto it = splitParts.find(i); it != splitParts.end()) {
            out.mesh = std::move(it->second);
            used.insert(fmasOf[i].front());
        } else {
            for (const auto& f : fmasOf[i])
                if (auto it = loaded.find(f); it != loaded.end()) {
                    append(out.mesh, it->second.mesh);
                    used.insert(f);
                }
        }
        if (out.mesh.empty()) {
            out = s;
            out.source = "base-model";
            report.missing.push_back(s.id);
        } else {
            out.mesh.fibres.clear();
            out.mesh.computeNormals();
            report.mapped.push_back(s.id);
        }
        report.model.structures.push_back(std::move(out));
    }
    for (const auto& [fma, file] : loaded) {
        report.fragmentsDropped += file.fragments;
        if (!used.count(fma))
            report.unmapped.push_back(files.at(fma).filename().string());
    }
    report.credit = readCredit(dir);
}

void importFile(const std::filesystem::path& file, const core::AnatomyModel& base, const ImportOptions& options,
                ImportReport& report, ProgressSink& progress)
{
    const std::string fma = fmaOfFile(file);
    auto pieces = importMeshFile(file);
    progress.report(0.7);
    progress.stopIfCancelled();
    report.filesFound = 1;
    report.meshesFound = pieces.size();
    // Every way a mesh may be named after one of our structures, lowercase.
    std::map<std::string, std::size_t> byName;
    for (std::size_t i = 0; i < base.structures.size(); ++i) {
        const auto& s = base.structures[i];
        for (const std::string* key : {&s.id, &s.fma, &s.name, &s.latin})
            if (!key->empty())
                byName.emplace(lower(*key), i);
    }
    std::vector<core::Mesh> meshes(base.structures.size());
    for (auto& piece : pieces) {
        std::optional<std::size_t> target;
        std::string label;
        const std::string stem = file.stem().string();
        for (const std::string& n : {piece.node, piece.meshName, pieces.size() == 1 ? stem : std::string()}) {
            if (n.empty())
                continue;
            if (label.empty())
                label = n;
            if (auto it = byName.find(lower(n)); it != byName.end()) {
                target = it->second;
                break;
            }
        }
        if (!target) {
            report.unmapped.push_back(label.empty() ? "(unnamed mesh)" : label);
            continue;
        }
        if (!fma.empty()) {
            convertBodyParts3dToModelFrame(piece.mesh);
            report.fragmentsDropped += removeSmallComponents(piece.mesh, options.minFragmentFraction);
        }
        append(meshes[*target], piece.mesh);
    }
    for (std::size_t i = 0; i < base.structures.size(); ++i) {
        core::Structure out = base.structures[i];
        if (meshes[i].empty()) {
            out.source = "base-model";
            report.missing.push_back(out.id);
        } else {
            out.mesh = std::move(meshes[i]);
            out.mesh.computeNormals();
            report.mapped.push_back(out.id);
        }
        report.model.structures.push_back(std::move(out));
    }
    report.credit = readCredit(file.parent_path());
}

} // namespace

core::Mesh simplifyToTriangles(const core::Mesh& mesh, std::size_t targetTriangles)
{
    if (mesh.triangleCount() <= targetTriangles || targetTriangles == 0)
        return mesh;
    const std::size_t targetIndices = targetTriangles * 3;
    std::vector<std::uint32_t> idx(mesh.indices.size());
    // Error bound relative to the mesh extent: generous, the budget is what counts.
    std::size_t n = meshopt_simplify(idx.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                                     mesh.positions.size(), sizeof(glm::vec3), targetIndices, 0.05f, 0, nullptr);
    if (n > targetIndices + targetIndices / 10)
        n = meshopt_simplifySloppy(idx.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                                   mesh.positions.size(), sizeof(glm::vec3), targetIndices, 0.05f, nullptr);
    if (n == 0)
        return mesh;
    idx.resize(n);
    core::Mesh out;
    std::vector<std::uint32_t> remap(mesh.positions.size(), UINT32_MAX);
    for (auto v : idx) {
        if (remap[v] == UINT32_MAX) {
            remap[v] = static_cast<std::uint32_t>(out.positions.size());
            out.positions.push_back(mesh.positions[v]);
        }
        out.indices.push_back(remap[v]);
    }
    out.computeNormals();
    return out;
}

ImportReport importModel(const std::filesystem::path& dirOrFile, const ImportOptions& options)
{
    std::error_code ec;
    const bool isDir = std::filesystem::is_directory(dirOrFile, ec);
    if (!isDir && !std::filesystem::is_regular_file(dirOrFile, ec))
        throw IoError(dirOrFile.string() + ": no such file or folder to import");
    ProgressSink progress(options.progress, dirOrFile);
    progress.report(0.0);
    progress.stopIfCancelled();
    const auto base = loadModel(options.baseModel.empty() ? defaultModelPath() : options.baseModel);
    progress.report(0.05);
    progress.stopIfCancelled();

    ImportReport report;
    if (isDir)
        importFolder(dirOrFile, base, options, report, progress);
    else
        importFile(dirOrFile, base, options, report, progress);
    progress.report(0.8);
    progress.stopIfCancelled();
    if (report.mapped.empty())
        throw ValidationError(dirOrFile.string() + ": none of the " + std::to_string(report.meshesFound) +
                              " meshes matches a structure of our model (by FMA id or name)");

    std::set<std::string> mapped(report.mapped.begin(), report.mapped.end());
    for (const auto& s : report.model.structures)
        if (mapped.count(s.id))
            report.trianglesRead += s.mesh.triangleCount();
    for (auto& s : report.model.structures) {
        if (!mapped.count(s.id))
            continue;
        if (options.triangleBudget > 0 && report.trianglesRead > options.triangleBudget) {
            const double share = static_cast<double>(s.mesh.triangleCount()) / static_cast<double>(report.trianglesRead);
            const auto target = std::max<std::size_t>(64, static_cast<std::size_t>(share * options.triangleBudget));
            s.mesh = simplifyToTriangles(s.mesh, target);
            progress.report(0.8 + 0.1 * static_cast<double>(report.trianglesKept + s.mesh.triangleCount()) /
                                      static_cast<double>(std::max<std::size_t>(1, options.triangleBudget)));
            progress.stopIfCancelled();
        }
        report.trianglesKept += s.mesh.triangleCount();
    }
    progress.report(0.85);
    progress.stopIfCancelled();
    // Fibres (and the across-the-sheet coordinate the striations are drawn from) from our specification's
    // muscles, at the nearest point of our surface; then occlusion baked for them as for our own model.
    for (auto& s : report.model.structures) {
        if (!mapped.count(s.id))
            continue;
        if (const auto* ours = base.get(base.find(s.id)); ours && !ours->mesh.fibres.empty()) {
            if (s.mesh.normals.size() != s.mesh.positions.size())
                s.mesh.computeNormals();
            if (core::transferFibres(ours->mesh, s.mesh).vertices > 0)
                ++report.fibresDerived;
        }
    }
    progress.report(0.87);
    progress.stopIfCancelled();
    core::AmbientOcclusionOptions occlusion;
    // The structures taken from our model keep the occlusion baked with it (a bake of the whole model took
    // most of a small import's time).
    occlusion.bake = [&](const core::Structure& s) { return mapped.count(s.id) > 0 || s.mesh.occlusion.empty(); };
    occlusion.progress = [&](double f) {
        progress.report(0.87 + 0.03 * f);
        return !progress.cancelled();
    };
    core::bakeAmbientOcclusion(report.model, occlusion);
    progress.stopIfCancelled();
    progress.report(0.9);
    report.model.landmarks = base.landmarks;
    report.model.credit = report.credit;
    return report;
}

} // namespace ta::io
