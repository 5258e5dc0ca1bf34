// The session report for a realistic record: the text a reader needs is in the PDF (accented name,
// muscles, candidates' reasons, signature line), the file is private and never replaces one unasked.
#include "core/error.h"
#include "io/report/session_report.h"
#include "report_fixtures.h"
#include "report_test_support.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <sstream>

using namespace ta;
using namespace ta::io;
namespace fs = std::filesystem;
namespace rec = ta::core::records;

namespace {

SessionReportData sampleReport()
{
    SessionReportData d;
    d.client = test::sampleClient();
    d.session = test::sampleSession();
    d.therapist = "Jo Therapist";
    d.images = {{test::testImage(120, 160, 0), "Front"},
                {test::testImage(120, 160, 1), "Back"},
                {test::testImage(120, 160, 2), "Right side"}};
    d.findings = {{"Upper (descending) trapezius", "Upper trapezius TrP1", "right", rec::FindingState::Active, 7, true,
                   "Ischaemic compression", 90, "Reproduced the temple pain", false},
                  {"Sternocleidomastoid", "", "right", rec::FindingState::Latent, 4, false, "", std::nullopt, "", true}};
    d.painRegions = {{"Temple", "right", 7, "throbbing"}, {"Forehead", "", 4, "aching"}};
    d.painAreaCm2 = 23.4;
    d.candidates = {{"Upper trapezius TrP1", "right", 0.82, "Refers to the temple and behind the ear; covers 78 % of the drawing"},
                    {"Sternocleidomastoid (sternal) TrP2", "right", 0.55, "Refers to the forehead over the eye"}};
    d.questionnaires = {{"NDI", "NDI 14/50 (28 %)"}};
    d.progress = {{"NRS before", "NRS 0-10", 0, 10, {{"2026-02-28", 8}, {"2026-03-07", 7}, {"2026-03-14", 6}}, "Pain (NRS)"},
                  {"NRS after", "NRS 0-10", 0, 10, {{"2026-02-28", 5}, {"2026-03-07", 4}, {"2026-03-14", 3}}, "Pain (NRS)"},
                  {"Headache days per week", "days", 0, 7, {{"2026-02-28", 4}, {"2026-03-14", 3}}, ""}};
    d.generatedAt = "2026-03-14 11:45";
    return d;
}

} // namespace

TEST(ReportSession, HoldsWhatAReaderNeeds)
{
    test::ScratchDir dir("report");
    const fs::path file = dir / "session.pdf";
    writeSessionReport(sampleReport(), file, false);
    ASSERT_TRUE(fs::exists(file));
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    const std::string text = test::pdfText(file);
    for (const char* want : {"Zoë Ångström-Nuñez", "TA-2026-017", "1984-07-09", "2026-03-14 10:30",
                             "Right-sided headache behind the temple", "Pain before: 6/10", "Pain after: 3/10",
                             "Upper (descending) trapezius", "Sternocleidomastoid", "Ischaemic compression, 90 s",
                             "Carried over", "Temple", "throbbing", "23.4 cm²",
                             "Refers to the temple and behind the ear", "Refers to the forehead over the eye", "82 %",
                             "Subjective", "Headaches since January", "Post-isometric relaxation",
                             "NDI 14/50 (28 %)", "Client phoned: headache-free", "Not signed", "Pain (NRS)",
                             "Headache days per week", "Generated 2026-03-14 11:45", "Front", "Right side"})
        EXPECT_NE(text.find(want), std::string::npos) << "missing \"" << want << "\" in:\n" << text;
    EXPECT_EQ(text.find("Signed by"), std::string::npos);
    const int pages = test::pdfPages(file);
    EXPECT_EQ(pages, 2);
    EXPECT_NE(text.find("Page 1 of " + std::to_string(pages)), std::string::npos) << text;
    EXPECT_NE(text.find("Page 2 of " + std::to_string(pages)), std::string::npos) << text;

    // The three body images sit side by side on the first page.
    const test::CommandResult images = test::runCommand("pdfimages -list " + test::quoted(file));
    ASSERT_EQ(images.code, 0) << images.out;
    std::istringstream lines(images.out);
    std::string line;
    int onFirstPage = 0, total = 0;
    while (std::getline(lines, line)) {
        std::istringstream cols(line);
        int page = 0, num = 0;
        std::string type;
        if (!(cols >> page >> num >> type) || type != "image") continue;
        ++total;
        if (page == 1) ++onFirstPage;
    }
    EXPECT_EQ(total, 3) << images.out;
    EXPECT_EQ(onFirstPage, 3) << images.out;
}

TEST(ReportSession, SignedSessionNamesTheSigner)
{
    test::ScratchDir dir("report");
    SessionReportData d = sampleReport();
    d.session.session.signature = rec::Signature{"2026-03-14T11:02:00Z", "Jo Therapist"};
    d.progress.clear();
    d.images.clear();
    writeSessionReport(d, dir / "signed.pdf", false);
    const std::string text = test::pdfText(dir / "signed.pdf");
    EXPECT_NE(text.find("Signed by Jo Therapist at 2026-03-14 11:02:00 UTC"), std::string::npos) << text;
    EXPECT_EQ(text.find("Not signed"), std::string::npos);
}

TEST(ReportSession, ExistingFileIsUntouchedWithoutOverwrite)
{
    test::ScratchDir dir("report");
    const fs::path file = dir / "session.pdf";
    writeSessionReport(sampleReport(), file, false);
    const std::string before = test::readBytes(file);
    SessionReportData other = sampleReport();
    other.client.name = "Somebody Else";
    EXPECT_THROW(writeSessionReport(other, file, false), IoError);
    EXPECT_EQ(test::readBytes(file), before);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
    EXPECT_EQ(entries, 1u);
    writeSessionReport(other, file, true);
    EXPECT_NE(test::pdfText(file).find("Somebody Else"), std::string::npos);
}

TEST(ReportSession, ManyFindingsRunOntoMorePagesOnLetter)
{
    test::ScratchDir dir("report");
    SessionReportData d = sampleReport();
    d.pageSize = PageSize::Letter;
    for (int i = 0; i < 60; ++i) d.findings.push_back(d.findings[i % 2]);
    d.findings.back().muscle = "Last muscle in the list";
    writeSessionReport(d, dir / "long.pdf", false);
    EXPECT_GE(test::pdfPages(dir / "long.pdf"), 3);
    const std::string text = test::pdfText(dir / "long.pdf");
    EXPECT_NE(text.find("Last muscle in the list"), std::string::npos);
    EXPECT_NE(text.find("Not signed"), std::string::npos);
}

TEST(ReportSession, AnImportedModelsCreditIsPrintedAndOursNeedsNone)
{
    test::ScratchDir dir("report-credit");
    SessionReportData d = sampleReport();
    d.progress.clear();
    d.images.clear();
    writeSessionReport(d, dir / "ours.pdf", false);
    EXPECT_EQ(test::pdfText(dir / "ours.pdf").find("Anatomy model:"), std::string::npos);
    d.modelCredit = "BodyParts3D, (c) The Database Center for Life Science, CC BY-SA 2.1 Japan";
    writeSessionReport(d, dir / "imported.pdf", false);
    const std::string text = test::pdfText(dir / "imported.pdf");
    EXPECT_NE(text.find(test::collapseSpace("Anatomy model: " + d.modelCredit)), std::string::npos) << text;
}
