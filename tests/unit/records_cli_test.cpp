// Client records on the command line (issue 11): the flow a therapist scripts, run through the real
// executable (TA_APP_EXE), each test in its own temporary directory with its own databases and with
// XDG_DATA_HOME pointed into it (the real home is never touched).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        out.push_back(l);
    return out;
}

/// The numbered lines of `lookup`'s text output: one per muscle, its best trigger point (the muscle's other
/// trigger points and the sets that cover the drawing follow on lines of their own).
std::vector<std::string> rankedLines(const std::string& text)
{
    static const std::regex numbered(R"( ?[0-9]+\. .*)");
    std::vector<std::string> out;
    for (const auto& l : lines(text))
        if (std::regex_match(l, numbered))
            out.push_back(l);
    return out;
}

/// The last whitespace-separated word (what `awk '{print $NF}'` gives for the last line).
std::string lastWord(const std::string& text)
{
    std::istringstream in(text);
    std::string w, last;
    while (in >> w)
        last = w;
    return last;
}

bool isUuid(const std::string& s)
{
    static const std::regex re("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    return std::regex_match(s, re);
}

/// Single-quoted for sh.
std::string q(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct AppResult {
    int status = -1;
    std::string out, err;
};

class RecordsCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::random_device rd;
        m_dir = fs::temp_directory_path() / ("ta-records-cli-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(m_dir / "xdg");
        m_db = m_dir / "records.db";
    }
    void TearDown() override
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    /// Runs `trigger-atlas ARGS` with XDG_DATA_HOME in the temp dir and no TA_DB (unless `env` sets one).
    AppResult app(const std::string& args, const std::string& env = "")
    {
        const fs::path out = m_dir / "stdout.txt", err = m_dir / "stderr.txt";
        const std::string cmd = "env -u TA_DB XDG_DATA_HOME=" + q((m_dir / "xdg").string()) + " " + env + " " +
                                q(TA_APP_EXE) + " " + args + " >" + q(out.string()) + " 2>" + q(err.string());
        const int raw = std::system(cmd.c_str());
        AppResult r;
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.out = readFile(out);
        r.err = readFile(err);
        return r;
    }
    /// Runs with --db `db` (default: this test's database) and expects success; returns stdout.
    std::string ok(const std::string& args, const fs::path& db = {})
    {
        const AppResult r = app(args + " --db " + q((db.empty() ? m_db : db).string()));
        EXPECT_EQ(r.status, 0) << args << "\n" << r.err;
        EXPECT_EQ(r.err, "") << args;
        return r.out;
    }
    /// The id a command that adds a record prints last; expects it to be a UUID.
    std::string added(const std::string& args, const fs::path& db = {})
    {
        const std::string out = ok(args, db);
        const std::string id = lastWord(out);
        EXPECT_TRUE(isUuid(id)) << args << " printed: " << out;
        return id;
    }
    /// Expects failure with exactly one line on stderr, containing `needle`, and nothing on stdout.
    void failsWithOneLine(const std::string& args, const std::string& needle)
    {
        const AppResult r = app(args);
        EXPECT_NE(r.status, 0) << args;
        EXPECT_EQ(r.out, "") << args;
        const auto l = lines(r.err);
        ASSERT_EQ(l.size(), 1u) << args << "\n" << r.err;
        EXPECT_EQ(l[0].rfind("trigger-atlas: ", 0), 0u) << l[0];
        EXPECT_NE(l[0].find(needle), std::string::npos) << args << "\n" << l[0];
    }
    std::string db() const { return " --db " + q(m_db.string()); }

    fs::path m_dir;
    fs::path m_db;
};

/// A client with the accented name and two sessions, as a therapist would script it.
struct Flow {
    std::string client, s1, s2;
};

Flow scriptTwoSessions(RecordsCli& t, const std::function<std::string(const std::string&)>& added)
{
    Flow f;
    f.client = added("client add --name 'Zoë Ångström' --reference R-17 --dob 1980-04-02 --contact 'zoe@example.org'");
    f.s1 = added("session add --client " + f.client +
                 " --date 2026-11-20 --time 10:30 --nrs-before 7 --nrs-after 4 --reason 'Left-sided headache at the temple'");
    added("tag add --session " + f.s1 +
          " --trigger-point trapezius.upper.trp1-left --severity 7 --treated --technique 'ischemic compression' --seconds 90");
    added("tag add --session " + f.s1 + " --trigger-point sternocleidomastoid.sternal.middle --severity 4 --latent");
    added("pain add --session " + f.s1 + " --region temple --side left --intensity 7 --quality throbbing");
    added("pain add --session " + f.s1 + " --region posterolateral-neck --side left --intensity 5");
    f.s2 = added("session add --client " + f.client + " --date 2026-12-01 --nrs-before 4 --nrs-after 2");
    added("tag add --session " + f.s2 + " --trigger-point trapezius.upper.trp1-left --severity 4");
    added("pain add --session " + f.s2 + " --region temple --side left --intensity 3");
    (void)t;
    return f;
}

} // namespace

TEST_F(RecordsCli, ScriptedFlowOfATherapist)
{
    auto add = [this](const std::string& a) { return added(a); };

    // A client: the name is printed as given and the id comes last.
    const std::string out = ok("client add --name 'Zoë Ångström' --reference R-17 --dob 1980-04-02");
    EXPECT_EQ(out.rfind("added client Zoë Ångström ", 0), 0u) << out;
    const std::string client = lastWord(out);
    ASSERT_TRUE(isUuid(client)) << out;
    // A second client, to see that list and search tell them apart.
    const std::string other = added("client add --name 'Bob Baker' --reference R-02");

    // Sessions print their date-time and id; the default time is 09:00.
    const std::string s1out = ok("session add --client " + client +
                                 " --date 2026-11-20 --time 10:30 --nrs-before 7 --nrs-after 4 --reason 'Left temple'");
    EXPECT_EQ(s1out.rfind("added session 2026-11-20T10:30 ", 0), 0u) << s1out;
    const std::string s1 = lastWord(s1out);
    const std::string tp1 = added("tag add --session " + s1 +
                                  " --trigger-point trapezius.upper.trp1-left --severity 7 --treated"
                                  " --technique 'ischemic compression' --seconds 90");
    EXPECT_EQ(ok("tag add --session " + s1 + " --trigger-point sternocleidomastoid.sternal.middle --severity 4 --latent")
                  .rfind("added finding ", 0),
              0u);
    const std::string temple = ok("pain add --session " + s1 + " --region temple --side left --intensity 7");
    EXPECT_EQ(temple.rfind("added pain mark ", 0), 0u) << temple;
    EXPECT_EQ(lines(temple).size(), 1u);
    add("pain add --session " + s1 + " --region posterolateral-neck --side left --intensity 5");
    // Both sides: two marks, one line each, the last id last.
    const std::string both = ok("pain add --session " + s1 + " --region suboccipital --side both --intensity 2");
    ASSERT_EQ(lines(both).size(), 2u) << both;
    EXPECT_TRUE(isUuid(lastWord(lines(both)[0])));
    EXPECT_NE(lastWord(lines(both)[0]), lastWord(both));
    const std::string ndi = ok("questionnaire add --session " + s1 + " --ndi 2,1,2,1,2,1,1,2,1,1");
    EXPECT_EQ(ndi.rfind("NDI 14/50 (28%) ", 0), 0u) << ndi;
    EXPECT_TRUE(isUuid(lastWord(ndi)));
    const std::string hit6 = ok("questionnaire add --session " + s1 + " --hit6 3,3,2,3,1,4");
    EXPECT_EQ(hit6.rfind("HIT-6 64 (severe impact) ", 0), 0u) << hit6;

    // The journal over several days.
    const std::string j1 = ok("journal add --client " + client +
                              " --date 2026-11-21 --headache-intensity 6 --hours 3 --trigger stress --trigger screen-time"
                              " --region temple --medication ibuprofen");
    EXPECT_EQ(j1.rfind("added journal entry ", 0), 0u) << j1;
    add("journal add --client " + client + " --date 2026-11-22 --no-headache");
    add("journal add --client " + client + " --date 2026-11-23 --headache --trigger sleep --note 'short night'");

    // The journal as stored (seen through the export): three days, by date.
    const fs::path journalFile = m_dir / "journal.json";
    ok("export --client " + client + " --out " + q(journalFile.string()));
    const auto journal = nlohmann::json::parse(readFile(journalFile))["journal"];
    ASSERT_EQ(journal.size(), 3u);
    EXPECT_EQ(journal[0]["date"], "2026-11-21");
    EXPECT_EQ(journal[0]["headache"], true);
    EXPECT_EQ(journal[0]["peakIntensity"], 6);
    EXPECT_EQ(journal[0]["hours"], 3.0);
    EXPECT_EQ(journal[0]["triggers"], (nlohmann::json{"stress", "screen-time"}));
    EXPECT_EQ(journal[0]["regions"], (nlohmann::json{"temple"}));
    EXPECT_EQ(journal[0]["medication"], "ibuprofen");
    EXPECT_EQ(journal[1]["headache"], false);
    EXPECT_TRUE(journal[1]["peakIntensity"].is_null());
    EXPECT_EQ(journal[2]["headache"], true);
    EXPECT_EQ(journal[2]["triggers"], (nlohmann::json{"sleep"}));
    EXPECT_EQ(journal[2]["note"], "short night");

    // The second session: TrP1 still there but milder, the SCM finding gone, the temple better, no neck pain.
    const std::string s2out = ok("session add --client " + client + " --date 2026-12-01 --nrs-before 4 --nrs-after 2");
    EXPECT_EQ(s2out.rfind("added session 2026-12-01T09:00 ", 0), 0u) << s2out;
    const std::string s2 = lastWord(s2out);
    add("tag add --session " + s2 + " --trigger-point trapezius.upper.trp1-left --severity 4");
    add("pain add --session " + s2 + " --region temple --side left --intensity 3");

    // client list: the id first, then a tab, the name, the reference; ordered by name.
    const auto list = lines(ok("client list"));
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0], other + "\tBob Baker\tR-02");
    EXPECT_EQ(list[1], client + "\tZoë Ångström\tR-17");
    const auto found = lines(ok("client list --search ström"));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].substr(0, client.size() + 1), client + "\t");
    EXPECT_EQ(ok("client list --search nobody"), "");

    // session list: the client's sessions, oldest first.
    const auto sessions = lines(ok("session list --client " + client));
    ASSERT_EQ(sessions.size(), 2u);
    EXPECT_EQ(sessions[0].rfind(s1 + "\t2026-11-20T10:30\t", 0), 0u) << sessions[0];
    EXPECT_EQ(sessions[1].rfind(s2 + "\t2026-12-01T09:00", 0), 0u) << sessions[1];

    // session show: the date, NRS, findings, pain regions with intensity, the questionnaires with scores.
    const std::string show = ok("session show --session " + s1);
    EXPECT_NE(show.find("session 2026-11-20T10:30 " + s1), std::string::npos) << show;
    EXPECT_NE(show.find("client: Zoë Ångström " + client), std::string::npos) << show;
    EXPECT_NE(show.find("NRS before: 7, after: 4"), std::string::npos) << show;
    EXPECT_NE(show.find("trapezius.upper.trp1-left (trapezius-"), std::string::npos) << show;
    EXPECT_NE(show.find("active, severity 7, treated with ischemic compression for 90 s"), std::string::npos) << show;
    EXPECT_NE(show.find("sternocleidomastoid.sternal.middle-left (sternocleidomastoid-"), std::string::npos) << show;
    EXPECT_NE(show.find("latent, severity 4"), std::string::npos) << show;
    // The peak inside a region is what the mark paints there (marks fade towards their edge).
    std::smatch peak;
    ASSERT_TRUE(std::regex_search(show, peak, std::regex(R"(\n  temple-left: Temple \(left\), intensity ([0-9]+), )"))) << show;
    EXPECT_GE(std::stoi(peak[1]), 4);
    EXPECT_LE(std::stoi(peak[1]), 7);
    EXPECT_NE(show.find("\n  posterolateral-neck-left: "), std::string::npos) << show;
    EXPECT_NE(show.find("\n  suboccipital-right: "), std::string::npos) << show;
    EXPECT_NE(show.find("NDI 14/50 (28%)"), std::string::npos) << show;
    EXPECT_NE(show.find("HIT-6 64 (severe impact)"), std::string::npos) << show;
    EXPECT_EQ(show.find(tp1), std::string::npos) << "finding ids are not part of the summary";

    // session compare: what changed (either order gives the same).
    const std::string cmp = ok("session compare --session " + s2 + " --with " + s1);
    EXPECT_EQ(ok("session compare --session " + s1 + " --with " + s2), cmp);
    EXPECT_NE(cmp.find("from 2026-11-20T10:30 to 2026-12-01T09:00"), std::string::npos) << cmp;
    EXPECT_NE(cmp.find("NRS before treatment: 7 -> 4"), std::string::npos) << cmp;
    EXPECT_NE(cmp.find("NRS after treatment: 4 -> 2"), std::string::npos) << cmp;
    std::smatch change;
    ASSERT_TRUE(std::regex_search(cmp, change, std::regex(R"(\n  temple-left: Temple \(left\), intensity ([0-9]+) -> ([0-9]+) \(better\))")))
        << cmp;
    EXPECT_GT(std::stoi(change[1]), std::stoi(change[2]));
    EXPECT_GE(std::stoi(change[2]), 1) << "the temple still hurts a little";
    EXPECT_TRUE(std::regex_search(cmp, std::regex(R"(\n  posterolateral-neck-left: [^\n]*intensity [1-9][0-9]* -> 0 \(better\))")))
        << cmp;
    EXPECT_NE(cmp.find("persisting trapezius.upper.trp1-left: severity 7 -> 4"), std::string::npos) << cmp;
    EXPECT_NE(cmp.find("resolved sternocleidomastoid.sternal.middle-left: severity 4 before"), std::string::npos) << cmp;
    EXPECT_EQ(cmp.find("  new "), std::string::npos) << cmp;
    // The drawing got smaller.
    std::smatch area;
    ASSERT_TRUE(std::regex_search(cmp, area, std::regex("pain area: ([0-9.]+) cm² -> ([0-9.]+) cm²"))) << cmp;
    EXPECT_GT(std::stod(area[1]), std::stod(area[2]));

    // A third session carrying the findings over.
    const std::string s3out = ok("session add --client " + client + " --date 2026-12-08 --carry-over");
    EXPECT_EQ(lines(s3out).size(), 2u) << s3out;
    EXPECT_EQ(s3out.rfind("carried over 1 finding from the previous session\n", 0), 0u) << s3out;
    const std::string s3 = lastWord(s3out);
    ASSERT_TRUE(isUuid(s3));
    EXPECT_NE(ok("session show --session " + s3).find("trapezius.upper.trp1-left (trapezius-"), std::string::npos);
    EXPECT_NE(ok("session show --session " + s3).find("carried over (not yet confirmed)"), std::string::npos);
}

// "Side of the neck" as the data names the upper trapezius TrP1's zone: posterolateral-neck (back and side).
TEST_F(RecordsCli, LookupRanksUpperTrapeziusFirstForTheLeftTempleAndSideOfTheNeck)
{
    const std::string client = added("client add --name 'Zoë Ångström'");
    const std::string s = added("session add --client " + client + " --date 2026-11-20");
    added("pain add --session " + s + " --region temple --side left --intensity 7");
    added("pain add --session " + s + " --region posterolateral-neck --side left --intensity 5");
    const auto ranked = rankedLines(ok("lookup --session " + s + " -n 3"));
    ASSERT_EQ(ranked.size(), 3u);
    // Exactly the `lookup --tags` format: rank, id padded to 40, side padded to 5, score, name (muscle): reason.
    const std::regex row(R"( [1-3]\. [a-z0-9.-]+ +(left|right|both) +[01]\.[0-9]{2}  .+ \(.+\): .+)");
    for (const auto& l : ranked)
        EXPECT_TRUE(std::regex_match(l, row)) << l;
    EXPECT_EQ(ranked[0].rfind(" 1. trapezius.upper.trp1 ", 0), 0u) << ranked[0];
    EXPECT_NE(ranked[0].find(" left "), std::string::npos) << ranked[0];
    const auto json = nlohmann::json::parse(ok("lookup --json --session " + s));
    ASSERT_TRUE(json["groups"].is_array());
    ASSERT_FALSE(json["groups"].empty());
    EXPECT_EQ(json["groups"][0]["trigger_points"][0]["trigger_point"], "trapezius.upper.trp1");
    EXPECT_EQ(json["groups"][0]["trigger_points"][0]["side"], "left");
    // The database also comes from TA_DB when --db is not given.
    const AppResult viaEnv = app("lookup -n 1 --session " + s, "TA_DB=" + q(m_db.string()));
    EXPECT_EQ(viaEnv.status, 0) << viaEnv.err;
    EXPECT_EQ(rankedLines(viaEnv.out), std::vector<std::string>{ranked[0]});
}

TEST_F(RecordsCli, ExportThenImportIntoASecondDatabaseReproducesTheSessions)
{
    const Flow f = scriptTwoSessions(*this, [this](const std::string& a) { return added(a); });
    added("questionnaire add --session " + f.s1 + " --ndi 2,1,2,1,2,1,1,2,1,1");
    added("journal add --client " + f.client + " --date 2026-11-21 --headache-intensity 6");
    const fs::path file = m_dir / "zoe.json";
    const std::string exported = ok("export --client " + f.client + " --out " + q(file.string()));
    EXPECT_EQ(exported, "exported " + file.string() + " " + f.client + "\n");
    const auto json = nlohmann::json::parse(readFile(file));
    EXPECT_EQ(json["format"], "trigger-atlas-client");
    EXPECT_EQ(json["client"]["name"], "Zoë Ångström");
    EXPECT_EQ(json["journal"].size(), 1u);

    // An existing file is not overwritten without --force.
    const std::string before = readFile(file);
    failsWithOneLine("export --client " + f.client + " --out " + q(file.string()) + db(), "--force");
    EXPECT_EQ(readFile(file), before);
    ok("export --force --client " + f.client + " --out " + q(file.string()));
    failsWithOneLine("export --client " + f.client + " --out " + q((m_dir / "x.json").string()) + " --format xml" + db(),
                     "--format");

    const fs::path db2 = m_dir / "second.db";
    const std::string imported = ok("import " + q(file.string()), db2);
    EXPECT_EQ(imported, "imported Zoë Ångström " + f.client + "\n");
    for (const auto& s : {f.s1, f.s2})
        EXPECT_EQ(ok("session show --session " + s, db2), ok("session show --session " + s)) << s;
    EXPECT_EQ(ok("client list", db2), ok("client list"));
    // Importing again changes nothing (by UUID).
    ok("import " + q(file.string()), db2);
    EXPECT_EQ(lines(ok("client list", db2)).size(), 1u);
    EXPECT_EQ(lines(ok("session list --client " + f.client, db2)).size(), 2u);
}

TEST_F(RecordsCli, ImportsTheExampleBodyMapAndLooksItUp)
{
    const std::string example = std::string(TA_TEST_DIR) + "/../docs/examples/temple-headache.json";
    const std::string out = ok("import " + q(example));
    EXPECT_EQ(out.rfind("imported Example: headache at the left temple with a stiff neck ", 0), 0u) << out;
    const std::string client = lastWord(out);
    ASSERT_TRUE(isUuid(client));
    const auto sessions = lines(ok("session list --client " + client));
    ASSERT_EQ(sessions.size(), 1u);
    const std::string s = sessions[0].substr(0, sessions[0].find('\t'));
    ASSERT_TRUE(isUuid(s)) << sessions[0];
    EXPECT_NE(ok("session show --session " + s).find("temple-left: "), std::string::npos);
    // The recorded session ranks exactly as the body map file does.
    const std::string fromRecord = ok("lookup -n 5 --session " + s);
    const AppResult fromFile = app("lookup -n 5 --tags " + q(example));
    ASSERT_EQ(fromFile.status, 0) << fromFile.err;
    EXPECT_EQ(fromRecord, fromFile.out);
    EXPECT_EQ(fromRecord.rfind(" 1. trapezius.upper.trp1 ", 0), 0u) << fromRecord;
    // A file that is neither a client file nor a body map is refused, and nothing is added.
    const fs::path other = m_dir / "other.json";
    std::ofstream(other) << R"({"format": "something-else"})";
    failsWithOneLine("import " + q(other.string()) + db(), "other.json");
    EXPECT_EQ(lines(ok("client list")).size(), 1u);
}

TEST_F(RecordsCli, BadValuesGiveOneLineEach)
{
    const std::string client = added("client add --name 'Zoë Ångström'");
    const std::string s = added("session add --client " + client + " --date 2026-11-20");
    failsWithOneLine("pain add --session " + s + " --region templ --side left --intensity 5" + db(), "templ");
    failsWithOneLine("pain add --session " + s + " --region temple --side up --intensity 5" + db(), "--side");
    failsWithOneLine("pain add --session " + s + " --region temple --side left --intensity 12" + db(), "--intensity");
    failsWithOneLine("session add --client " + client + " --nrs-before 11" + db(), "--nrs-before must be 0-10, got 11");
    failsWithOneLine("session add --client " + client + " --date 2026-02-30" + db(), "--date");
    failsWithOneLine("session add --client 00000000-0000-4000-8000-000000000000" + db(), "unknown client");
    failsWithOneLine("session show --session 00000000-0000-4000-8000-000000000000" + db(),
                     "unknown session \"00000000-0000-4000-8000-000000000000\"");
    failsWithOneLine("session show --session nonsense" + db(), "unknown session \"nonsense\"");
    failsWithOneLine("lookup --session nonsense" + db(), "unknown session");
    failsWithOneLine("lookup --session " + s + db(), "no pain marks");
    failsWithOneLine("questionnaire add --session " + s + " --ndi 1,2,3,4,5,0,1,2,3" + db(), "--ndi");
    failsWithOneLine("questionnaire add --session " + s + " --ndi 1,2,x,4,5,0,1,2,3,4" + db(), "item 3");
    failsWithOneLine("questionnaire add --session " + s + db(), "--ndi or --hit6");
    failsWithOneLine("tag add --session " + s + " --trigger-point trapezius.upper.trp9-left" + db(),
                     "unknown trigger point \"trapezius.upper.trp9-left\"; close matches: trapezius.upper.trp");
    failsWithOneLine("tag add --session " + s + " --trigger-point trapezius.upper.trp1 --seconds 30" + db(), "--treated");
    failsWithOneLine("journal add --client " + client + " --date 2026-11-21 --trigger moon" + db(), "moon");
    failsWithOneLine("journal add --client " + client + " --date 2026-11-21 --no-headache --headache-intensity 3" + db(),
                     "--headache-intensity");
    ok("journal add --client " + client + " --date 2026-11-21 --headache");
    failsWithOneLine("journal add --client " + client + " --date 2026-11-21 --no-headache" + db(), "2026-11-21");
    // Nothing was recorded by the refused commands.
    const std::string show = ok("session show --session " + s);
    EXPECT_NE(show.find("findings: 0\n"), std::string::npos) << show;
    EXPECT_NE(show.find("pain: none drawn\n"), std::string::npos) << show;
    EXPECT_NE(show.find("questionnaires: 0\n"), std::string::npos) << show;
    EXPECT_EQ(lines(ok("session list --client " + client)).size(), 1u);
}

TEST_F(RecordsCli, AForeignFileGivenAsTheDatabaseIsRefusedAndLeftUntouched)
{
    const fs::path notes = m_dir / "notes.txt";
    const std::string text = "Shopping list\nmilk\neggs\n";
    std::ofstream(notes, std::ios::binary) << text;
    const std::string dbArg = " --db " + q(notes.string());
    for (const std::string& args : {std::string("client add --name 'Zoë'"), std::string("client list"),
                                    std::string("session show --session 00000000-0000-4000-8000-000000000000"),
                                    std::string("import ") + q(std::string(TA_TEST_DIR) + "/../docs/examples/temple-headache.json")}) {
        failsWithOneLine(args + dbArg, notes.string() + ": refused");
        EXPECT_EQ(readFile(notes), text) << args;
    }
    // Nothing was created beside it (no -wal, -shm, backups).
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(m_dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"notes.txt", "stderr.txt", "stdout.txt", "xdg"}));
}

TEST_F(RecordsCli, ADamagedDatabaseIsRefusedAndLeftUntouched)
{
    // A real record database, then cut off in the middle of its first page.
    const std::string client = added("client add --name 'Zoë Ångström'");
    std::string bytes = readFile(m_db);
    ASSERT_GT(bytes.size(), 1000u);
    for (const auto& e : fs::directory_iterator(m_dir))
        if (e.path().filename().string().rfind("records.db-", 0) == 0)
            fs::remove(e.path()); // no -wal or -shm beside the damaged copy
    const fs::path damaged = m_dir / "damaged.db";
    bytes.resize(700);
    std::ofstream(damaged, std::ios::binary) << bytes;
    for (const std::string& args : {std::string("client list"), "session add --client " + client}) {
        failsWithOneLine(args + " --db " + q(damaged.string()), damaged.string() + ": refused");
        EXPECT_EQ(readFile(damaged), bytes) << args;
    }
}

TEST_F(RecordsCli, WithoutDbTheDatabaseIsUnderXdgDataHome)
{
    const AppResult r = app("client add --name 'Zoë Ångström'");
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::exists(m_dir / "xdg" / "trigger-atlas" / "records.db"));
    const AppResult list = app("client list");
    EXPECT_EQ(list.out, lastWord(r.out) + "\tZoë Ångström\t\n");
}
