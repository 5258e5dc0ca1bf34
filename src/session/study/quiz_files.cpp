#include "session/study/quiz_files.h"

#include "core/bodymap/atomic_file.h"
#include "core/error.h"
#include "core/referral/json_cursor.h"
#include "io/asset_paths.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ta::session {

namespace fs = std::filesystem;
namespace study = core::study;

namespace {

fs::path setsDir(const fs::path& dir) { return dir.empty() ? io::assetPath("quiz") : dir; }

glm::vec3 vec3(const core::JsonCursor& c)
{
    c.expectArray();
    if (c.size() != 3)
        c.fail("expected 3 numbers [x, y, z] (metres)");
    glm::vec3 v;
    for (std::size_t i = 0; i < 3; ++i) {
        const double x = c.at(i).number();
        if (!std::isfinite(x))
            c.at(i).fail("must be a finite number");
        v[static_cast<int>(i)] = static_cast<float>(x);
    }
    return v;
}

QuizAnswer parseAnswer(const core::JsonCursor& c)
{
    QuizAnswer a;
    if (c.value().is_null())
        return a;
    c.expectObject();
    for (const auto& [key, value] : c.value().items()) {
        static const char* kKeys[] = {"painMarks", "structure", "trigger_point", "point", "text", "choice", "time_s"};
        if (std::none_of(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return key == k; }))
            core::JsonCursor(value, c.file(), c.path() + "." + key)
                .fail("unknown key (expected painMarks, structure, trigger_point, point, text, choice or time_s)");
    }
    if (c.has("painMarks")) {
        const auto marks = c.at("painMarks");
        marks.expectArray();
        for (std::size_t i = 0; i < marks.size(); ++i) {
            const auto m = marks.at(i);
            m.expectObject();
            core::PainMark p;
            p.position = vec3(m.at("position"));
            p.structure = m.stringOr("structure", "skin");
            if (m.has("radius")) {
                const double r = m.at("radius").number();
                if (!(r > 0.0) || r > 0.5)
                    m.at("radius").fail("must be a radius in metres, 0 < r <= 0.5");
                p.radius = static_cast<float>(r);
            }
            if (m.has("intensity")) {
                const auto ic = m.at("intensity");
                if (!ic.value().is_number_integer() || ic.value().get<int>() < 0 || ic.value().get<int>() > core::kMaxSeverity)
                    ic.fail("must be an integer 0-10");
                p.intensity = ic.value().get<int>();
            }
            a.painMarks.push_back(p);
        }
    }
    if (c.has("structure"))
        a.structure = c.string("structure");
    if (c.has("trigger_point"))
        a.triggerPoint = c.string("trigger_point");
    if (c.has("point"))
        a.point = vec3(c.at("point"));
    if (c.has("text"))
        a.text = c.string("text");
    if (c.has("choice")) {
        const auto ch = c.at("choice");
        if (!ch.value().is_number_integer())
            ch.fail("expected an integer (0 for the first choice)");
        a.choice = ch.value().get<int>();
    }
    if (c.has("time_s")) {
        const double t = c.at("time_s").number();
        if (!(t >= 0.0) || !std::isfinite(t))
            c.at("time_s").fail("must be a number of seconds >= 0");
        a.seconds = t;
    }
    return a;
}

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string number(double v, const char* format)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

} // namespace

std::vector<QuizSetInfo> builtinQuizSets(const fs::path& dir)
{
    std::vector<QuizSetInfo> out;
    const fs::path d = setsDir(dir);
    std::error_code ec;
    if (!fs::is_directory(d, ec))
        return out;
    for (const auto& e : fs::directory_iterator(d)) {
        if (e.path().extension() != ".json")
            continue;
        const study::QuizSet set = study::loadQuizSet(e.path());
        out.push_back({set.id, set.title, set.questions.size(), e.path()});
    }
    std::sort(out.begin(), out.end(), [](const QuizSetInfo& a, const QuizSetInfo& b) { return a.id < b.id; });
    return out;
}

study::QuizSet openQuizSet(const std::string& fileOrId, const fs::path& dir)
{
    std::error_code ec;
    if (fs::is_regular_file(fileOrId, ec) || fileOrId.ends_with(".json"))
        return study::loadQuizSet(fileOrId);
    const auto sets = builtinQuizSets(dir);
    for (const auto& s : sets)
        if (s.id == fileOrId)
            return study::loadQuizSet(s.file);
    std::string ids;
    for (const auto& s : sets)
        ids += (ids.empty() ? "" : ", ") + s.id;
    throw ArgumentError("quiz: no set file and no built-in set \"" + fileOrId + "\" (built-in: " + ids + ")");
}

std::vector<QuizAnswer> quizAnswersFromJson(std::string_view text, const std::string& source)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw ParseError(source + ": invalid JSON: " + e.what());
    }
    const core::JsonCursor root(doc, source);
    root.expectObject();
    const auto list = root.at("answers");
    list.expectArray();
    std::vector<QuizAnswer> out;
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(parseAnswer(list.at(i)));
    return out;
}

std::vector<QuizAnswer> loadQuizAnswers(const fs::path& file)
{
    return quizAnswersFromJson(core::readTextFile(file), file.string());
}

std::string runCsv(const QuizRun& run, const std::string& student)
{
    std::string out = "student,set,question,kind,item,score,time_s\r\n";
    for (std::size_t i = 0; i < run.size(); ++i) {
        const auto& q = run.question(i);
        const auto& e = run.entry(i);
        out += csvField(student) + "," + csvField(run.setId()) + "," + std::to_string(i + 1) + "," +
               std::string(study::toString(q.kind)) + "," + csvField(q.item) + "," +
               (e ? number(e->result.score, "%.3f") : "") + "," + (e ? number(e->seconds, "%.1f") : "") + "\r\n";
    }
    return out;
}

std::string reviewLogCsv(const std::vector<core::records::StudyReview>& reviews)
{
    std::string out = "student,set,item,score,grade,time_s,reviewed_at\r\n";
    for (const auto& r : reviews)
        out += csvField(r.student) + "," + csvField(r.quizSet) + "," + csvField(r.item) + "," + number(r.score, "%.3f") +
               "," + std::to_string(r.grade) + "," + number(r.seconds, "%.1f") + "," + csvField(r.reviewedAt) + "\r\n";
    return out;
}

void writePrivateFile(const fs::path& file, std::string_view bytes, bool overwrite)
{
    std::error_code ec;
    if (!overwrite && fs::exists(file, ec))
        throw IoError(file.string() + ": exists; pass --force to replace it");
    core::writeFileAtomically(file, bytes, false);
}

} // namespace ta::session
