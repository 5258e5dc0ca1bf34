// PdfDocument: the file appears only when finished, with mode 0600; an existing file is never replaced
// without `overwrite`; tables and text break across pages with the header repeated; text with accents and
// other scripts survives into the PDF.
#include "core/error.h"
#include "io/report/pdf_document.h"
#include "report_test_support.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cmath>

using namespace ta;
using namespace ta::io;
namespace fs = std::filesystem;
using ta::test::ScratchDir;

namespace {

int fileMode(const fs::path& p)
{
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return -1;
    return static_cast<int>(st.st_mode & 0777);
}

std::size_t countOf(const std::string& hay, const std::string& needle)
{
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
    return n;
}

std::size_t entriesIn(const fs::path& dir)
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

} // namespace

TEST(ReportPdfDocument, WritesPrivateFileWithTextInAnyScript)
{
    ScratchDir dir("pdfdoc");
    const fs::path file = dir / "a.pdf";
    {
        PdfDocument doc(file, false, {});
        doc.heading("Zoë Ångström-Nuñez");
        doc.paragraph("Łódź, Ελληνικά, Кириллица and a long paragraph that has to wrap across several lines of "
                      "the page because it is much longer than one line of text at ten points.");
        EXPECT_FALSE(fs::exists(file)) << "the target must not appear before finish()";
        doc.finish();
    }
    ASSERT_TRUE(fs::exists(file));
    EXPECT_EQ(fileMode(file), 0600);
    EXPECT_EQ(entriesIn(dir.path()), 1u) << "no temporary file may be left beside the PDF";
    EXPECT_EQ(test::pdfPages(file), 1);
    const std::string text = test::pdfText(file);
    EXPECT_NE(text.find("Zoë Ångström-Nuñez"), std::string::npos) << text;
    EXPECT_NE(text.find("Ελληνικά"), std::string::npos) << text;
    EXPECT_NE(text.find("Кириллица"), std::string::npos) << text;
    EXPECT_NE(text.find("Page 1"), std::string::npos) << text;
}

TEST(ReportPdfDocument, RefusesToReplaceWithoutOverwriteAndKeepsTheFile)
{
    ScratchDir dir("pdfdoc");
    const fs::path file = dir / "b.pdf";
    {
        std::ofstream(file, std::ios::binary) << "precious bytes";
    }
    try {
        PdfDocument doc(file, false, {});
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::readBytes(file), "precious bytes");
    EXPECT_EQ(entriesIn(dir.path()), 1u);

    // The file appears while the document is being written: finish() must still refuse, atomically.
    const fs::path later = dir / "c.pdf";
    {
        PdfDocument doc(later, false, {});
        doc.paragraph("mine");
        std::ofstream(later, std::ios::binary) << "someone else's";
        EXPECT_THROW(doc.finish(), IoError);
    }
    EXPECT_EQ(test::readBytes(later), "someone else's");
    EXPECT_EQ(entriesIn(dir.path()), 2u) << "the temporary must be removed after a refused finish";

    // With overwrite the file is replaced by a real PDF, keeping the mode it had.
    ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
    {
        PdfDocument doc(file, true, {});
        doc.paragraph("replacement");
        doc.finish();
    }
    EXPECT_EQ(test::readBytes(file).substr(0, 5), "%PDF-");
    EXPECT_EQ(fileMode(file), 0640); // core/atomic_file.h: the user chose it
    {
        PdfDocument doc(dir / "new.pdf", false, {});
        doc.paragraph("new");
        doc.finish();
    }
    EXPECT_EQ(fileMode(dir / "new.pdf"), 0600); // a new report is private
}

TEST(ReportPdfDocument, UnfinishedDocumentLeavesNothing)
{
    ScratchDir dir("pdfdoc");
    {
        PdfDocument doc(dir / "d.pdf", false, {});
        doc.paragraph("abandoned");
    }
    EXPECT_EQ(entriesIn(dir.path()), 0u);
    EXPECT_THROW(PdfDocument(dir / "missing-dir" / "e.pdf", false, {}), IoError);
}

TEST(ReportPdfDocument, LongTableBreaksAcrossPagesAndRepeatsItsHeader)
{
    ScratchDir dir("pdfdoc");
    const fs::path file = dir / "t.pdf";
    PdfTable t;
    t.header = {"Colheader", "Value"};
    t.relativeWidths = {3, 1};
    for (int i = 0; i < 120; ++i) t.rows.push_back({"row " + std::to_string(i), std::to_string(i * 7)});
    PdfDocument::Options opt;
    opt.pageSize = PageSize::Letter;
    opt.footerText = "footer-marker";
    PdfDocument doc(file, false, opt);
    doc.table(t);
    const int pages = doc.pageCount();
    doc.finish();
    EXPECT_GE(pages, 3);
    EXPECT_EQ(test::pdfPages(file), pages);
    const std::string text = test::pdfText(file);
    EXPECT_EQ(countOf(text, "Colheader"), static_cast<std::size_t>(pages)) << "header once per page";
    EXPECT_EQ(countOf(text, "footer-marker"), static_cast<std::size_t>(pages));
    EXPECT_NE(text.find("row 119 833"), std::string::npos);
    EXPECT_NE(text.find("Page " + std::to_string(pages)), std::string::npos);
    const test::CommandResult info = test::runCommand("pdfinfo " + test::quoted(file));
    EXPECT_NE(info.out.find("612 x 792"), std::string::npos) << info.out;
}

TEST(ReportPdfDocument, ImagesAndChartsFlowOntoNewPages)
{
    ScratchDir dir("pdfdoc");
    const fs::path file = dir / "i.pdf";
    const RgbaImage img = test::testImage(160, 120, 0);
    PdfDocument doc(file, false, {});
    EXPECT_NEAR(doc.contentWidth(), 595.28 - 100.0, 0.01);
    doc.image(img, 400, "A caption");
    doc.image(img, 400, "Second");
    EXPECT_EQ(doc.pageCount(), 1) << "two 300-pt images fit the 742 pt of an A4 page inside 50-pt margins";
    doc.image(img, 400, "Third");
    EXPECT_EQ(doc.pageCount(), 2) << "a third does not";
    LineChart c;
    c.title = "NRS chart";
    c.yLabel = "NRS 0-10";
    c.series = {{"before", {{"2026-01-05", 7}, {"2026-01-12", 6}, {"2026-01-19", 4}}},
                {"after", {{"2026-01-05", 4}, {"2026-01-19", 2}}}};
    doc.lineChart(c);
    doc.finish();
    const std::string text = test::pdfText(file);
    EXPECT_NE(text.find("NRS chart"), std::string::npos) << text;
    EXPECT_NE(text.find("2026-01-12"), std::string::npos) << text;
    EXPECT_NE(text.find("before"), std::string::npos);
    EXPECT_NE(text.find("after"), std::string::npos);
    // Images are embedded: the PDF is much larger than its text.
    EXPECT_GT(fs::file_size(file), 10000u);
}

TEST(ReportPdfDocument, BadBytesAndNonFiniteValuesDoNotBreakThePdf)
{
    ScratchDir dir("pdfdoc");
    const fs::path file = dir / "bad.pdf";
    PdfDocument doc(file, false, {});
    doc.paragraph(std::string("before \xff\xfe after"));
    LineChart c;
    c.title = "gappy";
    c.series = {{"s", {{"2026-01-01", 3}, {"2026-01-02", std::nan("")}, {"2026-01-03", 1e300}}}};
    doc.lineChart(c);
    PdfTable t; // no columns at all: nothing drawn
    doc.table(t);
    doc.image(RgbaImage{}, 100);
    doc.finish();
    const std::string text = test::pdfText(file);
    EXPECT_NE(text.find("before"), std::string::npos) << text;
    EXPECT_NE(text.find("after"), std::string::npos) << text;
    EXPECT_NE(text.find("gappy"), std::string::npos) << text;
}

TEST(ReportPdfDocument, TableRowTallerThanAPageIsSplitBetweenLines)
{
    ScratchDir dir("pdfdoc");
    const fs::path file = dir / "tall.pdf";
    std::string note;
    for (int i = 0; i < 150; ++i) note += "line" + std::to_string(i) + "\n"; // 150 lines: over two pages
    PdfTable t;
    t.header = {"Colheader", "Note"};
    t.relativeWidths = {1, 1};
    t.rows = {{"short", "first row"}, {"tall", note}, {"after", "last row"}};
    PdfDocument::Options opt;
    opt.marginPt = 60;
    PdfDocument doc(file, false, opt);
    doc.paragraph("intro");
    doc.table(t);
    const int pages = doc.pageCount();
    doc.finish();
    EXPECT_GE(pages, 3);
    const std::string text = test::pdfText(file);
    // Every line of the tall cell is printed exactly once, in order, and the header repeats per page.
    std::size_t at = 0;
    for (int i = 0; i < 150; ++i) {
        const std::string word = " line" + std::to_string(i) + " ";
        const auto found = text.find(word, at);
        ASSERT_NE(found, std::string::npos) << word << " missing or out of order in:\n" << text;
        EXPECT_EQ(text.find(word, found + 1), std::string::npos) << word << " printed twice";
        at = found;
    }
    EXPECT_EQ(countOf(text, "Colheader"), static_cast<std::size_t>(pages));
    EXPECT_NE(text.find("last row"), std::string::npos);
}
