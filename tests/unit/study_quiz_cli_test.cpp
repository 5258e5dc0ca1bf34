// `trigger-atlas quiz ...` through the real executable: a teacher writes a set, runs it as an exam for a
// student, exports the results; the next day the missed item is due first. Each test in its own directory.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct AppResult {
    int code = -1;
    std::string out;
    std::string err;
};

std::string readFile(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

class StudyQuizCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::random_device rd;
        m_dir = fs::temp_directory_path() / ("ta-quiz-cli-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(m_dir);
    }
    void TearDown() override
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    AppResult app(const std::string& args) const
    {
        const fs::path out = m_dir / "stdout.txt", err = m_dir / "stderr.txt";
        const std::string cmd = "XDG_DATA_HOME=\"" + m_dir.string() + "\" TA_DB= \"" + std::string(TA_APP_EXE) + "\" " +
                                args + " > \"" + out.string() + "\" 2> \"" + err.string() + "\" < /dev/null";
        const int status = std::system(cmd.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readFile(out), readFile(err)};
    }
    std::string path(const char* name) const { return "\"" + (m_dir / name).string() + "\""; }
    fs::path m_dir;
};

} // namespace

TEST_F(StudyQuizCli, SetsListsTheBuiltInSets)
{
    const AppResult r = app("quiz sets");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("headache-referral"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Headache referral patterns"), std::string::npos);
    EXPECT_NE(r.out.find("neck-shoulder-muscles"), std::string::npos);
    EXPECT_NE(r.out.find("Neck and shoulder muscles"), std::string::npos);
}

TEST_F(StudyQuizCli, ATeachersExamIsScoredRecordedAndExported)
{
    writeFile(m_dir / "exam.json", R"({"format": "trigger-atlas-quiz-set", "version": 1, "id": "week-3", "title": "Week 3",
        "options": {"exam": true, "time_limit_s": 600},
        "questions": [{"kind": "locate", "structure": "levator-scapulae-left"},
                      {"kind": "name", "structure": "sternocleidomastoid-sternal-right"},
                      {"kind": "facts", "muscle": "levator-scapulae", "about": "innervation"}]})");
    const AppResult show = app("quiz show --json --set " + path("exam.json"));
    ASSERT_EQ(show.code, 0) << show.err;
    const auto shown = nlohmann::json::parse(show.out);
    ASSERT_EQ(shown["questions"].size(), 3u);
    EXPECT_EQ(shown["questions"][2]["hint"], "") << "no hints in an exam";
    // The wrong choice on purpose: one that is not the levator scapulae's nerve.
    const auto muscles = nlohmann::json::parse(readFile(fs::path(TA_TEST_DIR) / ".." / "assets" / "data" / "muscles.json"));
    std::string nerve;
    for (const auto& m : muscles["muscles"])
        if (m["id"] == "levator-scapulae")
            nerve = m["innervation"];
    int wrong = -1;
    for (int i = 0; i < 4; ++i)
        if (shown["questions"][2]["choices"][i] != nerve && wrong < 0)
            wrong = i;
    ASSERT_GE(wrong, 0);
    writeFile(m_dir / "answers.json", R"({"answers": [{"structure": "levator-scapulae-left", "time_s": 12},
        {"text": "sternocleidomastiod", "time_s": 20.5}, {"choice": )" + std::to_string(wrong) + R"(, "time_s": 9}]})");

    const std::string runArgs = "quiz run --json --set " + path("exam.json") + " --answers " + path("answers.json") +
                                " --student Mia --db " + path("records.db") + " --today 2026-12-01 --csv " + path("grades.csv");
    const AppResult r = app(runArgs);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto out = nlohmann::json::parse(r.out);
    ASSERT_EQ(out["questions"].size(), 3u);
    EXPECT_EQ(out["questions"][0]["kind"], "locate");
    EXPECT_DOUBLE_EQ(out["questions"][0]["score"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(out["questions"][1]["score"].get<double>(), 1.0) << out["questions"][1]["feedback"];
    EXPECT_DOUBLE_EQ(out["questions"][2]["score"].get<double>(), 0.0);
    EXPECT_NE(out["questions"][2]["feedback"].get<std::string>().find(nerve), std::string::npos) << "shows the right answer";
    EXPECT_NEAR(out["total"].get<double>(), 0.667, 1e-9);
    EXPECT_EQ(out["recorded"], 3);

    const std::string csv = readFile(m_dir / "grades.csv");
    EXPECT_EQ(csv, "student,set,question,kind,item,score,time_s\r\n"
                   "Mia,week-3,1,locate,locate:levator-scapulae-left,1.000,12.0\r\n"
                   "Mia,week-3,2,name,name:sternocleidomastoid-sternal-right,1.000,20.5\r\n"
                   "Mia,week-3,3,facts,facts:levator-scapulae:innervation,0.000,9.0\r\n");
    struct stat st {};
    ASSERT_EQ(::stat((m_dir / "grades.csv").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);

    // The same --csv again: refused, one line, the file kept; --force replaces it.
    const AppResult again = app(runArgs);
    EXPECT_NE(again.code, 0);
    EXPECT_NE(again.err.find("grades.csv: exists; pass --force to replace it"), std::string::npos) << again.err;
    EXPECT_EQ(readFile(m_dir / "grades.csv"), csv);
    EXPECT_EQ(app("quiz due --student Mia --db " + path("records.db") + " --today 2026-12-01").out,
              "Nothing due for Mia on 2026-12-01.\n")
        << "the refused run recorded nothing";

    const AppResult due = app("quiz due --json --student Mia --db " + path("records.db") + " --today 2026-12-02");
    ASSERT_EQ(due.code, 0) << due.err;
    const auto d = nlohmann::json::parse(due.out);
    ASSERT_EQ(d["due"].size(), 3u);
    EXPECT_EQ(d["due"][0]["item"], "facts:levator-scapulae:innervation") << "the missed one first";

    const AppResult exp = app("quiz export --student Mia --db " + path("records.db") + " --csv " + path("log.csv"));
    ASSERT_EQ(exp.code, 0) << exp.err;
    const std::string log = readFile(m_dir / "log.csv");
    EXPECT_EQ(log.rfind("student,set,item,score,grade,time_s,reviewed_at\r\n", 0), 0u);
    EXPECT_NE(log.find("Mia,week-3,facts:levator-scapulae:innervation,0.000,0,9.0,"), std::string::npos) << log;
}

TEST_F(StudyQuizCli, ABadSetIsOneLineNamingTheFileAndKey)
{
    writeFile(m_dir / "bad.json", R"({"format": "trigger-atlas-quiz-set", "version": 1, "title": "x",
        "questions": [{"kind": "name", "structure": "levator-scapula-left"}]})");
    writeFile(m_dir / "answers.json", R"({"answers": [{"text": "x"}]})");
    const AppResult r = app("quiz run --set " + path("bad.json") + " --answers " + path("answers.json"));
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("bad.json: questions[0].structure: unknown structure \"levator-scapula-left\""), std::string::npos)
        << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
    writeFile(m_dir / "answers.json", R"({"answers": [{"choice": "two"}]})");
    const AppResult a = app("quiz run --set neck-shoulder-muscles --answers " + path("answers.json"));
    EXPECT_NE(a.err.find("answers.json: answers[0].choice: expected an integer"), std::string::npos) << a.err;
}
