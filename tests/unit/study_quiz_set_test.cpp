// Quiz-set files (core/study/quiz_set.h): a good set parses with its options; every bad one is refused
// with a message naming the file and the key.
#include "core/error.h"
#include "core/study/quiz_set.h"

#include <gtest/gtest.h>

#include <string>

using namespace ta::core::study;

namespace {

std::string withQuestions(const std::string& questions, const std::string& options = "{}")
{
    return R"({"format": "trigger-atlas-quiz-set", "version": 1, "title": "T", "options": )" + options +
           R"(, "questions": [)" + questions + "]}";
}

/// The ValidationError message of parsing `text` as "teacher.json"; empty when it parsed.
std::string errorOf(const std::string& text)
{
    try {
        quizSetFromJson(text, "teacher.json", "teacher");
    } catch (const ta::ValidationError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(StudyQuizSet, TheIssuesExampleParsesWithItsOptions)
{
    const QuizSet set = quizSetFromJson(withQuestions(R"(
        {"kind": "paint", "trigger_point": "trapezius.upper.trp1-left"},
        {"kind": "locate", "structure": "levator-scapulae-left"},
        {"kind": "name", "structure": "sternocleidomastoid-sternal-right"},
        {"kind": "which", "trigger_point": "suboccipitals.group-right"},
        {"kind": "facts", "muscle": "levator-scapulae", "about": "innervation"},
        {"kind": "locate", "landmark": "mastoid-tip-left"})",
                                                      R"({"time_limit_s": 600, "exam": true, "layers": ["superficial", "deep"], "labels": true})"),
                                        "teacher.json", "teacher");
    EXPECT_EQ(set.id, "teacher") << "no id in the file: the file's stem";
    EXPECT_EQ(set.title, "T");
    ASSERT_TRUE(set.options.timeLimitSeconds);
    EXPECT_DOUBLE_EQ(*set.options.timeLimitSeconds, 600.0);
    EXPECT_TRUE(set.options.exam);
    EXPECT_FALSE(set.options.labels) << "exam mode hides labels whatever the file says";
    EXPECT_EQ(set.options.layers, (std::vector<ta::core::Layer>{ta::core::Layer::Superficial, ta::core::Layer::Deep}));
    ASSERT_EQ(set.questions.size(), 6u);
    EXPECT_EQ(set.questions[0].kind, QuestionKind::Paint);
    EXPECT_EQ(set.questions[0].triggerPoint, "trapezius.upper.trp1-left");
    EXPECT_EQ(set.questions[1].structure, "levator-scapulae-left");
    EXPECT_EQ(set.questions[3].kind, QuestionKind::Which);
    EXPECT_EQ(set.questions[4].muscle, "levator-scapulae");
    EXPECT_EQ(set.questions[4].about, FactTopic::Innervation);
    EXPECT_EQ(set.questions[5].landmark, "mastoid-tip-left");
    EXPECT_EQ(set.questions[2].path, "questions[2]");
}

TEST(StudyQuizSet, ErrorsNameTheFileAndTheKey)
{
    const std::string paint = R"({"kind": "paint", "trigger_point": "x"})";
    struct Case {
        std::string text;
        std::string expected;
    };
    const Case cases[] = {
        {withQuestions(R"({"kind": "draw", "structure": "x"})"), "teacher.json: questions[0].kind: unknown kind \"draw\""},
        {withQuestions(paint + R"(, {"kind": "paint"})"), "teacher.json: questions[1].trigger_point: missing required key"},
        {withQuestions(R"({"kind": "name", "strucutre": "x"})"), "teacher.json: questions[0].strucutre: unknown key"},
        {withQuestions(R"({"kind": "facts", "muscle": "m", "about": "blood supply"})"),
         "teacher.json: questions[0].about: unknown topic \"blood supply\""},
        {withQuestions(R"({"kind": "locate", "structure": "a", "landmark": "b"})"),
         "teacher.json: questions[0]: a locate question names exactly one of"},
        {withQuestions(paint, R"({"time_limit_s": -5})"), "teacher.json: options.time_limit_s: must be a positive number"},
        {withQuestions(paint, R"({"layers": ["skin"]})"), "teacher.json: options.layers[0]: unknown layer \"skin\""},
        {withQuestions(paint, R"({"exam": "yes"})"), "teacher.json: options.exam: expected true or false"},
        {withQuestions(""), "teacher.json: questions: a set needs at least one question"},
        {R"({"format": "trigger-atlas-body-map", "version": 1, "title": "T", "questions": []})", "teacher.json: format: expected"},
        {R"({"format": "trigger-atlas-quiz-set", "version": 2, "title": "T", "questions": []})",
         "teacher.json: version: version 2 is not supported"},
        {R"({"format": "trigger-atlas-quiz-set", "version": 1, "questions": [{"kind": "paint", "trigger_point": "x"}]})",
         "teacher.json: title: missing required key"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const std::string message = errorOf(c.text);
        EXPECT_NE(message.find(c.expected), std::string::npos) << "got: " << message;
    }
}

TEST(StudyQuizSet, NotJsonIsAParseErrorNamingTheFile)
{
    try {
        quizSetFromJson("{\"format\": ", "teacher.json", "t");
        FAIL() << "no error";
    } catch (const ta::ParseError& e) {
        EXPECT_NE(std::string(e.what()).find("teacher.json: invalid JSON"), std::string::npos) << e.what();
    }
}
