// The client handout: exactly one page whatever the list length, in plain words, with the migraine
// safety line from the self-care library and the fixed "when to get in touch" lines.
#include "core/error.h"
#include "io/report/client_handout.h"
#include "io/report/self_care.h"
#include "report_test_support.h"

#include <gtest/gtest.h>

using namespace ta;
using namespace ta::io;
namespace fs = std::filesystem;

namespace {

const fs::path kSelfCare = fs::path(TA_TEST_DIR) / ".." / "assets/data/self-care.json";

HandoutData sampleHandout()
{
    const SelfCareLibrary lib = SelfCareLibrary::load(kSelfCare);
    HandoutData d;
    d.clientFirstName = "Zoë";
    d.date = "2026-03-14";
    d.drawing = {test::testImage(300, 400, 1), "Your drawing, with where this knot sends pain"};
    d.mainMuscle = "upper trapezius";
    d.findingInPlainWords = "This knot in your shoulder sends pain to your temple.";
    const std::vector<std::string> muscles = {"trapezius-upper"};
    fillSelfCare(d, lib, muscles);
    d.therapistNote = "Take the stretches slowly; see you on Thursday.";
    d.therapist = "Jo Therapist";
    return d;
}

} // namespace

TEST(ReportHandout, OnePageInPlainWordsWithTheSafetyLines)
{
    test::ScratchDir dir("handout");
    const fs::path file = dir / "handout.pdf";
    const HandoutData d = sampleHandout();
    ASSERT_FALSE(d.selfCare.empty());
    writeClientHandout(d, file, false);
    EXPECT_EQ(test::pdfPages(file), 1);
    const std::string text = test::pdfText(file);
    const SelfCareLibrary lib = SelfCareLibrary::load(kSelfCare);
    const SafetyRule* migraine = lib.rule(SelfCareLibrary::kMigraineRule);
    ASSERT_NE(migraine, nullptr);
    for (const std::string& want :
         {std::string("For Zoë"), std::string("What we found"), std::string("Why it hurts there"),
          std::string("What you can do at home"), std::string("When to get in touch"),
          std::string("This knot in your shoulder sends pain to your temple."), std::string("upper trapezius"),
          migraine->client, std::string("sudden, very bad headache"), std::string("stiff neck"),
          std::string("Your therapist: Jo Therapist"), d.selfCare.front().dose})
        EXPECT_NE(text.find(test::collapseSpace(want)), std::string::npos) << "missing \"" << want << "\" in:\n" << text;
}

TEST(ReportHandout, LongContentStillFitsOnePage)
{
    test::ScratchDir dir("handout");
    HandoutData d = sampleHandout();
    const auto items = d.selfCare;
    for (int i = 0; i < 4; ++i) d.selfCare.insert(d.selfCare.end(), items.begin(), items.end());
    d.selfCare.push_back({"The very last exercise", "once"});
    d.therapistNote = std::string(40, 'x') + " " + d.therapistNote;
    const fs::path file = dir / "long.pdf";
    writeClientHandout(d, file, false);
    EXPECT_EQ(test::pdfPages(file), 1);
    const std::string text = test::pdfText(file);
    // Whatever was shortened, the safety lines stay.
    EXPECT_NE(text.find("When to get in touch"), std::string::npos);
    EXPECT_NE(text.find("migraine attack"), std::string::npos) << text;
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
    EXPECT_EQ(entries, 1u) << "the attempts that did not fit must leave no temporary files";
}

TEST(ReportHandout, ExistingFileIsUntouchedWithoutOverwrite)
{
    test::ScratchDir dir("handout");
    const fs::path file = dir / "h.pdf";
    {
        std::ofstream(file, std::ios::binary) << "keep me";
    }
    EXPECT_THROW(writeClientHandout(sampleHandout(), file, false), IoError);
    EXPECT_EQ(test::readBytes(file), "keep me");
    writeClientHandout(sampleHandout(), file, true);
    EXPECT_EQ(test::pdfPages(file), 1);
}

TEST(ReportHandout, SaysWhatWasDoneTodayAndCreditsAnImportedModel)
{
    test::ScratchDir dir("handout-today");
    const fs::path file = dir / "handout.pdf";
    HandoutData d = sampleHandout();
    d.treatedToday = {"Your upper trapezius: firm, steady thumb pressure on the knot. (60 s)"};
    d.modelCredit = "BodyParts3D, (c) The Database Center for Life Science, CC BY-SA 2.1 Japan";
    writeClientHandout(d, file, false);
    EXPECT_EQ(test::pdfPages(file), 1);
    const std::string text = test::pdfText(file);
    EXPECT_NE(text.find("What we did today"), std::string::npos) << text;
    EXPECT_NE(text.find(test::collapseSpace(d.treatedToday.front())), std::string::npos) << text;
    EXPECT_NE(text.find(test::collapseSpace("Anatomy pictures: " + d.modelCredit)), std::string::npos) << text;
    // Our own model needs no credit line, and a session with nothing treated has no "What we did today".
    const fs::path plain = dir / "plain.pdf";
    writeClientHandout(sampleHandout(), plain, false);
    const std::string plainText = test::pdfText(plain);
    EXPECT_EQ(plainText.find("What we did today"), std::string::npos);
    EXPECT_EQ(plainText.find("Anatomy pictures"), std::string::npos);
}
