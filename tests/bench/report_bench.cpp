// Writing a session report PDF at a realistic size: three 560x700 pictures, five findings, six pain
// regions, five candidate trigger points with their reasons, SOAP notes, two questionnaires and seven
// progress charts of twenty points. Aim: under 2 s. (The pictures themselves are rendered by the app
// before this step: time `trigger-atlas report` for the whole command.)
//
//   ./build/tests/benchmarks --benchmark_filter=Report
#include "io/report/session_report.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace ta;

io::SessionReportData sampleReport()
{
    io::SessionReportData d;
    d.client.id = core::records::ClientId::generate();
    d.client.name = "Zoë Ångström-Nuñez";
    d.client.reference = "Z-12";
    d.session.session.id = core::records::SessionId::generate();
    d.session.session.client = d.client.id;
    d.session.session.dateTime = "2026-11-27T09:00";
    d.session.session.painBefore = 4;
    d.session.session.painAfter = 2;
    d.session.session.soap = {"Headache at the left temple most afternoons, worse after desk work.",
                              "Taut band in the left upper trapezius, local twitch; SCM tender.",
                              "Myofascial pain, upper trapezius TrP1 reproducing the temple headache.",
                              "Ischemic compression weekly; stretch at home; review in two weeks."};
    d.therapist = "Anna Berg";
    for (int i = 0; i < 3; ++i) {
        io::ReportImage img;
        img.image.width = 560;
        img.image.height = 700;
        img.image.pixels.assign(560u * 700u * 4u, static_cast<std::uint8_t>(40 + 60 * i));
        img.caption = i == 0 ? "Front" : i == 1 ? "Back" : "Left side";
        d.images.push_back(std::move(img));
    }
    for (int i = 0; i < 5; ++i)
        d.findings.push_back({"Descending part of left trapezius", "Upper trapezius TrP1", "left",
                              core::records::FindingState::Active, 7 - i, i % 2 == 0, "ischemic compression", 45,
                              "Taut band, local twitch response", i == 4});
    for (const char* r : {"Temple", "Back and side of the neck", "Mastoid", "Behind the ear", "Angle of the jaw", "Occiput"})
        d.painRegions.push_back({r, "left", 6, "aching"});
    d.painAreaCm2 = 64.0;
    for (int i = 0; i < 5; ++i)
        d.candidates.push_back({"Upper trapezius TrP1", "left", 0.6 - 0.1 * i,
                                "its essential zone covers 68% of the drawing (posterolateral-neck, temple); the drawing "
                                "fills 16% of its essential zone"});
    d.questionnaires = {{"NDI", "NDI 14/50 (28 %)"}, {"HIT-6", "HIT-6 58: substantial impact"}};
    for (int s = 0; s < 7; ++s) {
        io::ProgressSeries ps;
        ps.name = "Series " + std::to_string(s);
        ps.unit = "0-10";
        for (int k = 0; k < 20; ++k)
            ps.points.push_back({"2026-" + std::to_string(10 + k / 10) + "-" + std::to_string(10 + k % 10),
                                  static_cast<double>((k * 7 + s) % 10)});
        d.progress.push_back(std::move(ps));
    }
    return d;
}

void ReportSessionPdf(benchmark::State& state)
{
    const io::SessionReportData data = sampleReport();
    const fs::path out = fs::temp_directory_path() / ("ta-report-bench-" + std::to_string(::getpid()) + ".pdf");
    for (auto _ : state)
        io::writeSessionReport(data, out, /*overwrite=*/true);
    state.counters["bytes"] = static_cast<double>(fs::file_size(out));
    fs::remove(out);
}
BENCHMARK(ReportSessionPdf)->Unit(benchmark::kMillisecond)->Iterations(5);

} // namespace
