// The hand-outs of a recorded session, end to end through the executable: two sessions scripted as a
// therapist would, then `report` (a PDF whose text holds the client's name, the findings and the likely
// sources, with the drawing rendered off-screen), `handout` (one page, the main finding in plain words and
// the migraine safety line), a refused overwrite that leaves the file as it was, and `export --format fhir`
// (accepted by the FHIR R4 schema). Needs a GL context for the pictures: skips loudly without one.
#include "gpu_fixture.h"
#include "report_test_support.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <sstream>

namespace {

namespace fs = std::filesystem;
using ta::test::quoted;
using ta::test::runCommand;

std::string lastWord(const std::string& s)
{
    std::istringstream in(s);
    std::string w, last;
    while (in >> w)
        last = w;
    return last;
}

struct Flow {
    ta::test::ScratchDir dir{"report-cli"};
    std::string run(const std::string& args)
    {
        const auto r = runCommand("env -u TA_DB XDG_DATA_HOME=" + quoted(dir / "xdg") + " " + quoted(TA_APP_EXE) + " " +
                                  args + " --db " + quoted(dir / "records.db"));
        EXPECT_EQ(r.code, 0) << args << "\n" << r.out;
        return r.out;
    }
    std::string id(const std::string& args) { return lastWord(run(args)); }
};

} // namespace

TEST(ReportCli, ReportHandoutAndFhirOfARecordedSession)
{
    TA_REQUIRE_GL();
    Flow f;
    const std::string client = f.id("client add --name 'Zoë Ångström' --reference Z-12");
    const std::string s1 = f.id("session add --client " + client + " --date 2026-11-20 --nrs-before 7 --nrs-after 4");
    f.run("tag add --session " + s1 + " --trigger-point trapezius.upper.trp1-left --severity 7");
    f.run("pain add --session " + s1 + " --region temple --side left --intensity 7");
    f.run("questionnaire add --session " + s1 + " --ndi 2,1,1,2,3,2,1,1,2,1");
    const std::string s2 = f.id("session add --client " + client + " --date 2026-11-27 --nrs-before 4 --nrs-after 2 --carry-over");
    f.run("pain add --session " + s2 + " --region temple --side left --intensity 4");
    f.run("pain add --session " + s2 + " --region posterolateral-neck --side left --intensity 3");

    const fs::path report = f.dir / "report.pdf";
    const std::string out = f.run("report --session " + s2 + " --out " + quoted(report) + " --therapist 'Anna Berg'");
    EXPECT_EQ(lastWord(out), s2);
    const std::string text = ta::test::collapseSpace(ta::test::pdfText(report));
    for (const char* needle : {"Zoë Ångström", "Anna Berg", "Descending part of left trapezius", "Upper trapezius TrP1",
                               "Temple", "essential zone covers", "Not signed"})
        EXPECT_NE(text.find(needle), std::string::npos) << needle << " missing from the report:\n" << text.substr(0, 2000);
    struct stat st{};
    ASSERT_EQ(::stat(report.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    const fs::path handout = f.dir / "handout.pdf";
    f.run("handout --session " + s2 + " --out " + quoted(handout));
    EXPECT_EQ(ta::test::pdfPages(handout), 1);
    const std::string plain = ta::test::collapseSpace(ta::test::pdfText(handout));
    EXPECT_NE(plain.find("For Zoë"), std::string::npos) << plain;
    EXPECT_NE(plain.find("This knot in your upper trapezius can send pain to your"), std::string::npos) << plain;
    EXPECT_NE(plain.find("migraine"), std::string::npos) << plain;

    // A second handout to the same file is refused, and the first is left byte for byte.
    const std::string before = ta::test::readBytes(handout);
    const auto refused = runCommand(quoted(TA_APP_EXE) + " handout --session " + s2 + " --out " + quoted(handout) +
                                    " --db " + quoted(f.dir / "records.db"));
    EXPECT_NE(refused.code, 0);
    EXPECT_NE(refused.out.find("exists"), std::string::npos) << refused.out;
    EXPECT_EQ(ta::test::readBytes(handout), before);

    // The session as FHIR, checked against the official R4 schema.
    const fs::path bundle = f.dir / "session.fhir.json";
    EXPECT_EQ(lastWord(f.run("export --client " + client + " --session " + s2 + " --format fhir --out " + quoted(bundle))), s2);
    const std::string json = ta::test::readBytes(bundle);
    EXPECT_NE(json.find("72514-3"), std::string::npos);
    const auto valid = runCommand("node " + quoted(fs::path(TA_TEST_DIR) / ".." / "tools/validate-fhir.mjs") + " " + quoted(bundle));
    ASSERT_NE(valid.code, 2) << "the FHIR validator is not installed (tools/test installs it): " << valid.out;
    EXPECT_EQ(valid.code, 0) << valid.out;
}
