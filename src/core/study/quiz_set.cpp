#include "core/study/quiz_set.h"

#include "core/bodymap/atomic_file.h"
#include "core/error.h"
#include "core/referral/json_cursor.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <set>

namespace ta::core::study {

namespace {

constexpr std::array<std::string_view, 5> kKindNames = {"paint", "locate", "name", "which", "facts"};
constexpr std::array<std::string_view, 4> kTopicNames = {"origin", "insertion", "action", "innervation"};

/// Unknown keys are refused: a teacher's typo ("strucutre") should not silently drop a question.
void onlyKeys(const JsonCursor& c, std::initializer_list<std::string_view> allowed)
{
    c.expectObject();
    for (const auto& [key, value] : c.value().items()) {
        bool ok = false;
        for (auto a : allowed)
            ok = ok || key == a;
        if (!ok) {
            std::string list;
            for (auto a : allowed)
                list += (list.empty() ? "" : ", ") + std::string(a);
            const std::string path = c.path().empty() ? key : c.path() + "." + key;
            JsonCursor(value, c.file(), path).fail("unknown key (expected one of " + list + ")");
        }
    }
}

QuizOptions parseOptions(const JsonCursor& c)
{
    onlyKeys(c, {"time_limit_s", "exam", "layers", "labels"});
    QuizOptions o;
    if (c.has("time_limit_s")) {
        const auto t = c.at("time_limit_s");
        const double s = t.number();
        if (!(s > 0.0) || !std::isfinite(s))
            t.fail("must be a positive number of seconds, got " + t.value().dump());
        o.timeLimitSeconds = s;
    }
    if (c.has("exam"))
        o.exam = c.at("exam").boolean();
    if (c.has("labels"))
        o.labels = c.at("labels").boolean();
    if (c.has("layers")) {
        const auto layers = c.at("layers");
        layers.expectArray();
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const auto item = layers.at(i);
            const auto name = item.string();
            const auto layer = layerFromString(name);
            if (!layer || (*layer != Layer::Superficial && *layer != Layer::Intermediate && *layer != Layer::Deep))
                item.fail("unknown layer \"" + name + "\" (expected superficial, intermediate or deep)");
            o.layers.push_back(*layer);
        }
    }
    if (o.exam)
        o.labels = false;
    return o;
}

QuestionSpec parseQuestion(const JsonCursor& c)
{
    c.expectObject();
    QuestionSpec q;
    q.path = c.path();
    const auto kindCursor = c.at("kind");
    const auto kindName = kindCursor.string();
    const auto kind = questionKindFromString(kindName);
    if (!kind)
        kindCursor.fail("unknown kind \"" + kindName + "\" (expected paint, locate, name, which or facts)");
    q.kind = *kind;
    switch (q.kind) {
    case QuestionKind::Paint:
    case QuestionKind::Which:
        onlyKeys(c, {"kind", "trigger_point"});
        q.triggerPoint = c.string("trigger_point");
        break;
    case QuestionKind::Name:
        onlyKeys(c, {"kind", "structure"});
        q.structure = c.string("structure");
        break;
    case QuestionKind::Locate: {
        onlyKeys(c, {"kind", "structure", "trigger_point", "landmark"});
        const int given = int(c.has("structure")) + int(c.has("trigger_point")) + int(c.has("landmark"));
        if (given != 1)
            c.fail("a locate question names exactly one of structure, trigger_point or landmark");
        if (c.has("structure"))
            q.structure = c.string("structure");
        if (c.has("trigger_point"))
            q.triggerPoint = c.string("trigger_point");
        if (c.has("landmark"))
            q.landmark = c.string("landmark");
        break;
    }
    case QuestionKind::Facts: {
        onlyKeys(c, {"kind", "muscle", "about"});
        q.muscle = c.string("muscle");
        const auto aboutCursor = c.at("about");
        const auto about = factTopicFromString(aboutCursor.string());
        if (!about)
            aboutCursor.fail("unknown topic \"" + aboutCursor.string() +
                             "\" (expected origin, insertion, action or innervation)");
        q.about = *about;
        break;
    }
    }
    return q;
}

} // namespace

std::string_view toString(QuestionKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }
std::string_view toString(FactTopic topic) { return kTopicNames[static_cast<std::size_t>(topic)]; }

std::optional<QuestionKind> questionKindFromString(std::string_view s)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == s)
            return static_cast<QuestionKind>(i);
    return std::nullopt;
}

std::optional<FactTopic> factTopicFromString(std::string_view s)
{
    for (std::size_t i = 0; i < kTopicNames.size(); ++i)
        if (kTopicNames[i] == s)
            return static_cast<FactTopic>(i);
    return std::nullopt;
}

QuizSet quizSetFromJson(std::string_view text, const std::string& source, const std::string& fallbackId)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw ParseError(source + ": invalid JSON: " + e.what());
    }
    const JsonCursor root(doc, source);
    onlyKeys(root, {"format", "version", "id", "title", "options", "questions"});
    const auto format = root.at("format");
    if (!format.value().is_string() || format.value().get<std::string>() != kQuizSetFormat)
        format.fail("expected \"" + std::string(kQuizSetFormat) + "\", got " + format.value().dump());
    const auto version = root.at("version");
    if (!version.value().is_number_integer())
        version.fail("expected an integer");
    if (version.value().get<int>() != kQuizSetVersion)
        version.fail("version " + version.value().dump() + " is not supported (this TriggerAtlas reads version " +
                     std::to_string(kQuizSetVersion) + ")");
    QuizSet set;
    set.source = source;
    set.id = root.stringOr("id", fallbackId);
    if (set.id.empty())
        root.fail("the set has no id");
    set.title = root.string("title");
    if (root.has("options"))
        set.options = parseOptions(root.at("options"));
    const auto questions = root.at("questions");
    questions.expectArray();
    if (questions.size() == 0)
        questions.fail("a set needs at least one question");
    for (std::size_t i = 0; i < questions.size(); ++i)
        set.questions.push_back(parseQuestion(questions.at(i)));
    return set;
}

QuizSet loadQuizSet(const std::filesystem::path& file)
{
    return quizSetFromJson(readTextFile(file), file.string(), file.stem().string());
}

} // namespace ta::core::study
