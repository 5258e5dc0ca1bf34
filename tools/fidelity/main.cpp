// ta-fidelity: how faithful the procedural model is to real anatomy (BodyParts3D reference meshes).
// Prints a table; with --markdown writes docs/FIDELITY.md; with --reference-landmarks writes the landmark
// positions found on the reference. Exits 0 with "skipped" when the reference folder is absent.
#include "core/anatomy/anatomy_spec.h"
#include "core/anatomy/muscle_builder.h"
#include "core/error.h"
#include "io/asset_paths.h"
#include "io/fidelity/fidelity_report.h"
#include "io/fidelity/reference_summary.h"
#include "io/gltf_reader.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <thread>

namespace {

std::string utcNow()
{
    const std::time_t t = std::time(nullptr);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
    return buf;
}

std::string machineDescription()
{
    std::string cpu;
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0) {
            cpu = line.substr(line.find(':') + 2);
            break;
        }
    const unsigned cores = std::thread::hardware_concurrency();
    return std::to_string(cores) + "-core x86-64" + (cpu.empty() ? "" : " (" + cpu + ")");
}

/// `p` relative to the project root when it lies there or beside it (keeps machine paths out of reports).
std::string shown(const std::filesystem::path& p)
{
    std::error_code ec;
    const auto abs = std::filesystem::absolute(p, ec).lexically_normal();
    const auto root = std::filesystem::absolute(ta::io::projectRoot(), ec).lexically_normal();
    const auto rel = abs.lexically_relative(root);
    if (ec || rel.empty())
        return p.string();
    const auto s = rel.generic_string();
    return s.rfind("../..", 0) == 0 ? p.string() : s;
}

void writeText(const std::filesystem::path& file, const std::string& text)
{
    const auto tmp = std::filesystem::path(file.string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary);
        if (!out)
            throw ta::IoError("cannot write " + file.string());
        out << text;
        if (!out)
            throw ta::IoError("cannot write " + file.string());
    }
    std::filesystem::rename(tmp, file);
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App cli{"ta-fidelity: surface distances and landmark errors of the model against reference anatomy"};
    std::string model = ta::io::defaultModelPath().string();
    std::string reference = (ta::io::projectRoot() / ".." / "shared" / "reference" / "bodyparts3d").string();
    std::string markdown, landmarksFile, specDir;
    std::size_t samples = 20000;
    bool quiet = false;
    cli.add_option("--model", model, "model file (.glb)")->capture_default_str();
    cli.add_option("--reference", reference, "BodyParts3D reference folder")->capture_default_str();
    cli.add_option("--markdown", markdown, "write the report as Markdown to this file (e.g. docs/FIDELITY.md)");
    cli.add_option("--reference-landmarks", landmarksFile,
                   "write the landmark positions found on the reference to this Markdown file");
    cli.add_option("--samples", samples, "points sampled per surface and direction")
        ->check(CLI::Range(100, 1000000))
        ->capture_default_str();
    cli.add_option("--muscles-from", specDir,
                   "measure only the muscles, built straight from this anatomy spec folder (no bake; for tuning "
                   "assets/anatomy/muscles.json)");
    cli.add_flag("--quiet", quiet, "no progress display");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }

    std::string command = "ta-fidelity";
    for (int i = 1; i < argc; ++i)
        command += std::string(" ") + argv[i];
    command = "build/tools/fidelity/" + command;

    try {
        ta::io::ReferenceSet ref(reference);
        if (!ref.available()) {
            std::cout << "ta-fidelity: reference folder " << reference << " not found: skipped\n";
            return 0;
        }
        ta::io::FidelityContext ctx{command, machineDescription(), utcNow(), shown(model), shown(reference), 0.0};
        const auto start = std::chrono::steady_clock::now();

        if (!landmarksFile.empty()) {
            const auto lms = ta::io::computeReferenceLandmarks(ref);
            // Landmarks, then a few figures per reference structure (centroid, extent, long-axis ends).
            const auto rows = ta::io::summarizeReferenceStructures(ref);
            writeText(landmarksFile, ta::io::formatReferenceLandmarksMarkdown(lms, ctx) +
                                         "\n## Reference structures (model frame, metres)\n\n" +
                                         ta::io::formatReferenceStructuresMarkdown(rows));
            std::cout << "wrote " << lms.size() << " reference landmarks to " << landmarksFile << "\n";
            if (markdown.empty() && !cli.count("--model"))
                return 0;
        }

        ta::core::AnatomyModel anatomy;
        if (specDir.empty()) {
            anatomy = ta::io::loadModel(model);
        } else {
            const auto spec = ta::core::anatomy::AnatomySpec::load(specDir);
            anatomy.structures = ta::core::anatomy::buildMuscles(spec);
            anatomy.landmarks = spec.placedLandmarks();
            ctx.model = shown(specDir) + " (muscles only)";
        }
        ta::io::FidelityOptions options;
        options.samplesPerSide = samples;
        if (!quiet)
            options.progress = [](std::size_t done, std::size_t total, const std::string& id) {
                std::fprintf(stderr, "\r[%3zu/%3zu] %-44s", done, total, id.c_str());
                if (done == total)
                    std::fprintf(stderr, "\n");
            };
        const auto report = ta::io::computeFidelity(anatomy, ref, options);
        ctx.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << ta::io::formatFidelityTable(report);
        std::cout << "(" << ctx.seconds << " s)\n";
        if (!markdown.empty()) {
            writeText(markdown, ta::io::formatFidelityMarkdown(report, ctx));
            std::cout << "wrote " << markdown << "\n";
        }
    } catch (const ta::Error& e) {
        std::cerr << "ta-fidelity: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "ta-fidelity: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
