// Scoring each kind of question on the committed model with the clinical data (session/study/): a drawing
// of a trigger point's own essential zone scores at least 0.8 and the same drawing mirrored to the other
// side 0; a click on the right structure 1, on a neighbour 0; "sternocleidomastiod" still names the SCM;
// which and facts by choice; resolving a set checks its ids and layers, naming the file and the key.
#include "test_model_path.h"

#include "core/error.h"
#include "core/study/quiz_set.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/study/quiz_files.h"
#include "session/study/quiz_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>

using namespace ta;
using session::QuizAnswer;
using session::QuizQuestion;

namespace {

struct Anatomy {
    core::AnatomyModel model;
    session::TriggerPointCatalog catalog;
};

class StudyQuizScoring : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!std::filesystem::exists(ta::testing::testModelPath()))
            return;
        s_anatomy = new Anatomy;
        s_anatomy->model = io::loadModel(ta::testing::testModelPath());
        s_anatomy->catalog.load(io::assetPath("data"), s_anatomy->model);
    }
    static void TearDownTestSuite()
    {
        delete s_anatomy;
        s_anatomy = nullptr;
    }
    void SetUp() override
    {
        if (!s_anatomy)
            GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << ta::testing::testModelPath();
        m_service = std::make_unique<session::QuizService>(s_anatomy->model, s_anatomy->catalog);
    }

    QuizQuestion question(const std::string& json) const
    {
        const auto set = core::study::quizSetFromJson(
            R"({"format": "trigger-atlas-quiz-set", "version": 1, "title": "t", "questions": [)" + json + "]}", "t.json", "t");
        return m_service->start(set).question(0);
    }
    session::QuestionResult score(const QuizQuestion& q, const QuizAnswer& a) { return m_service->scorer().score(q, a); }

    /// A careful student's drawing of trigger point `key`'s essential zone: marks 10 mm in radius on the
    /// skin vertices well inside the zone, at least 6 mm apart.
    std::vector<core::PainMark> drawingOf(const std::string& key)
    {
        const auto tp = s_anatomy->catalog.find(key);
        EXPECT_TRUE(tp) << key;
        const auto weights = m_service->scorer().referralOnSkin(*tp);
        const auto& skin = s_anatomy->model.get(*s_anatomy->model.find("skin"))->mesh;
        std::vector<core::PainMark> marks;
        for (std::size_t v = 0; v < weights.size(); ++v) {
            if (weights[v].x < 0.8f)
                continue;
            const glm::vec3 p = skin.positions[v];
            bool near = false;
            for (const auto& m : marks)
                near = near || glm::distance(m.position, p) < 0.006f;
            if (near)
                continue;
            core::PainMark m;
            m.structure = "skin";
            m.position = p;
            m.radius = 0.01f;
            m.intensity = 7;
            marks.push_back(m);
        }
        return marks;
    }

    static Anatomy* s_anatomy;
    std::unique_ptr<session::QuizService> m_service;
};

Anatomy* StudyQuizScoring::s_anatomy = nullptr;

} // namespace

TEST_F(StudyQuizScoring, AnOwnEssentialZoneScoresHighAndItsMirrorZero)
{
    for (const std::string key : {"trapezius.upper.trp1-left", "temporalis.atrp2-right"}) {
        SCOPED_TRACE(key);
        const QuizQuestion q = question(R"({"kind": "paint", "trigger_point": ")" + key + "\"}");
        QuizAnswer drawn;
        drawn.painMarks = drawingOf(key);
        ASSERT_GT(drawn.painMarks.size(), 5u);
        const auto r = score(q, drawn);
        RecordProperty("dice " + key, std::to_string(r.score));
        EXPECT_GE(r.score, 0.8) << r.feedback;
        EXPECT_TRUE(r.missed.empty()) << r.feedback;

        QuizAnswer mirrored = drawn;
        for (auto& m : mirrored.painMarks)
            m.position.x = -m.position.x;
        const auto wrong = score(q, mirrored);
        EXPECT_DOUBLE_EQ(wrong.score, 0.0) << wrong.feedback;
        EXPECT_FALSE(wrong.missed.empty()) << "the caption says what was missed";
        EXPECT_FALSE(wrong.extra.empty()) << "and what was painted instead";
        EXPECT_NE(wrong.feedback.find("(right)"), std::string::npos) << wrong.feedback;
    }
}

TEST_F(StudyQuizScoring, HalfAPatternMissesTheRestAndSaysWhich)
{
    const std::string key = "trapezius.upper.trp1-left";
    const QuizQuestion q = question(R"({"kind": "paint", "trigger_point": ")" + key + "\"}");
    QuizAnswer a;
    for (const auto& m : drawingOf(key))
        if (m.position.y < 1.5f) // the neck only (below the mastoid tip), not the temple
            a.painMarks.push_back(m);
    ASSERT_FALSE(a.painMarks.empty());
    const auto r = score(q, a);
    RecordProperty("dice neck only", std::to_string(r.score));
    EXPECT_GT(r.score, 0.05);
    EXPECT_LT(r.score, 0.8);
    EXPECT_NE(std::find(r.missed.begin(), r.missed.end(), "Temple (left)"), r.missed.end()) << r.feedback;
}

TEST_F(StudyQuizScoring, ALocateClickScoresByTheStructureItHits)
{
    const QuizQuestion q = question(R"({"kind": "locate", "structure": "levator-scapulae-left"})");
    QuizAnswer a;
    a.structure = "levator-scapulae-left";
    EXPECT_DOUBLE_EQ(score(q, a).score, 1.0);
    a.structure = "splenius-cervicis-left"; // its neighbour
    EXPECT_DOUBLE_EQ(score(q, a).score, 0.0);
    a.structure = "levator-scapulae-right";
    EXPECT_DOUBLE_EQ(score(q, a).score, 0.0) << "the other side is wrong";
    EXPECT_NE(score(q, a).feedback.find("Right levator scapulae"), std::string::npos);

    const QuizQuestion lm = question(R"({"kind": "locate", "landmark": "mastoid-tip-left"})");
    QuizAnswer click;
    click.point = s_anatomy->model.landmark("mastoid-tip-left")->position + glm::vec3(0.005f, 0.0f, 0.0f);
    EXPECT_DOUBLE_EQ(score(lm, click).score, 1.0);
    click.point = s_anatomy->model.landmark("mastoid-tip-right")->position;
    EXPECT_DOUBLE_EQ(score(lm, click).score, 0.0);
}

TEST_F(StudyQuizScoring, TypedNamesTolerateSmallMisspellingsInEnglishAndLatin)
{
    const QuizQuestion q = question(R"({"kind": "name", "structure": "sternocleidomastoid-sternal-right"})");
    QuizAnswer a;
    for (const char* text : {"sternocleidomastiod", "Sternocleidomastoid", "sternal head of sternocleidomastoid",
                             "caput sternale musculi sternocleidomastoidei"}) {
        a.text = text;
        EXPECT_DOUBLE_EQ(score(q, a).score, 1.0) << text << ": " << score(q, a).feedback;
    }
    for (const char* text : {"levator scapulae", "splenius", "trapezius", "scm?"}) {
        a.text = text;
        EXPECT_DOUBLE_EQ(score(q, a).score, 0.0) << text;
    }
    const QuizQuestion lev = question(R"({"kind": "name", "structure": "levator-scapulae-left"})");
    a.text = "Musculus levator scapulae";
    EXPECT_DOUBLE_EQ(score(lev, a).score, 1.0);
    ASSERT_EQ(lev.choices.size(), 4u);
    QuizAnswer pick;
    pick.choice = lev.correctChoice;
    EXPECT_EQ(lev.choices[static_cast<std::size_t>(lev.correctChoice)], "Left levator scapulae");
    EXPECT_DOUBLE_EQ(score(lev, pick).score, 1.0);
    pick.choice = (lev.correctChoice + 1) % 4;
    EXPECT_DOUBLE_EQ(score(lev, pick).score, 0.0);
}

TEST_F(StudyQuizScoring, WhichAndFactsScoreTheirChoices)
{
    const QuizQuestion w = question(R"({"kind": "which", "trigger_point": "suboccipitals.group-right"})");
    ASSERT_EQ(w.choices.size(), w.choiceKeys.size());
    ASSERT_GE(w.choices.size(), 3u);
    EXPECT_EQ(w.choiceKeys[static_cast<std::size_t>(w.correctChoice)], "suboccipitals.group-right");
    QuizAnswer a;
    a.triggerPoint = "suboccipitals.group-right";
    EXPECT_DOUBLE_EQ(score(w, a).score, 1.0);
    a.triggerPoint = "suboccipitals.group-left";
    EXPECT_DOUBLE_EQ(score(w, a).score, 0.0) << "the other side refers elsewhere";
    a = {};
    a.choice = (w.correctChoice + 1) % static_cast<int>(w.choices.size());
    EXPECT_DOUBLE_EQ(score(w, a).score, 0.0);

    // Semispinalis levels 1 and 2 refer in the same documented pattern: either is right.
    const QuizQuestion same = question(R"({"kind": "which", "trigger_point": "semispinalis-capitis.level1-left"})");
    a = {};
    a.triggerPoint = "semispinalis-capitis.level2-left";
    EXPECT_DOUBLE_EQ(score(same, a).score, 1.0);
    a.triggerPoint = "semispinalis-capitis.level3-deep-left";
    EXPECT_DOUBLE_EQ(score(same, a).score, 0.5) << "the right muscle, another pattern";
    for (const auto& k : same.choiceKeys)
        EXPECT_NE(k, "semispinalis-capitis.level2-left") << "an equally right answer is never a distractor";

    const QuizQuestion f = question(R"({"kind": "facts", "muscle": "levator-scapulae", "about": "innervation"})");
    ASSERT_EQ(f.choices.size(), 4u);
    const auto& levator = s_anatomy->catalog.data().muscles[*s_anatomy->catalog.data().findMuscle("levator-scapulae")];
    EXPECT_EQ(f.choices[static_cast<std::size_t>(f.correctChoice)], levator.innervation);
    a = {};
    a.choice = f.correctChoice;
    EXPECT_DOUBLE_EQ(score(f, a).score, 1.0);
    a.choice = (f.correctChoice + 2) % 4;
    EXPECT_DOUBLE_EQ(score(f, a).score, 0.0);
    a.choice = 9;
    EXPECT_DOUBLE_EQ(score(f, a).score, 0.0);
    EXPECT_EQ(question(R"({"kind": "facts", "muscle": "levator-scapulae", "about": "innervation"})").correctChoice,
              f.correctChoice)
        << "the choices keep their order from run to run";
}

TEST_F(StudyQuizScoring, ResolvingASetChecksIdsAndLayersNamingFileAndKey)
{
    const auto errorOf = [&](const std::string& questions, const std::string& options = "{}") -> std::string {
        try {
            m_service->start(core::study::quizSetFromJson(
                R"({"format": "trigger-atlas-quiz-set", "version": 1, "title": "t", "options": )" + options +
                    R"(, "questions": [)" + questions + "]}",
                "teacher.json", "t"));
        } catch (const ValidationError& e) {
            return e.what();
        }
        return {};
    };
    EXPECT_NE(errorOf(R"({"kind": "locate", "structure": "levator-scapula-left"})")
                  .find("teacher.json: questions[0].structure: unknown structure \"levator-scapula-left\"; close matches: "
                        "levator-scapulae-left"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"kind": "name", "structure": "skin"}, {"kind": "paint", "trigger_point": "trapezius.upper.trp9"})")
                  .find("teacher.json: questions[1].trigger_point: unknown trigger point"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"kind": "paint", "trigger_point": "trapezius.middle.trp7-left"})").find("refers no pain"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"kind": "facts", "muscle": "levator", "about": "action"})").find("questions[0].muscle: unknown muscle"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"kind": "locate", "structure": "levator-scapulae-left"})", R"({"layers": ["superficial"]})")
                  .find("questions[0].structure: levator-scapulae-left is in the intermediate layer, not in options.layers"),
              std::string::npos);
    EXPECT_EQ(errorOf(R"({"kind": "locate", "landmark": "mastoid-tip-left"})"), "");
}

TEST_F(StudyQuizScoring, TheBuiltInSetsResolveOnTheModel)
{
    const auto sets = session::builtinQuizSets();
    ASSERT_EQ(sets.size(), 2u);
    EXPECT_EQ(sets[0].id, "headache-referral");
    EXPECT_EQ(sets[0].title, "Headache referral patterns");
    EXPECT_EQ(sets[1].title, "Neck and shoulder muscles");
    for (const auto& info : sets) {
        const auto run = m_service->start(session::openQuizSet(info.id));
        EXPECT_EQ(run.size(), info.questions);
        for (const auto& q : run.questions()) {
            EXPECT_FALSE(q.prompt.empty()) << q.item;
            EXPECT_FALSE(q.answer.empty()) << q.item;
        }
    }
    EXPECT_THROW(session::openQuizSet("no-such-set"), ArgumentError);
}

TEST_F(StudyQuizScoring, ExamModeAllowsOneTryNoHintsAndTheClockCounts)
{
    auto set = session::openQuizSet("neck-shoulder-muscles");
    set.options.exam = true;
    set.options.timeLimitSeconds = 30.0;
    auto run = m_service->start(set);
    EXPECT_FALSE(run.hint(0)) << "no hints in an exam";
    EXPECT_FALSE(run.options().labels);
    QuizAnswer a;
    a.structure = "levator-scapulae-left";
    a.seconds = 20.0;
    EXPECT_DOUBLE_EQ(run.answer(0, a, m_service->scorer()).score, 1.0);
    EXPECT_THROW(run.answer(0, a, m_service->scorer()), ArgumentError) << "one try each";
    QuizAnswer late;
    late.text = "sternocleidomastoid";
    late.seconds = 15.0;
    const auto r = run.answer(1, late, m_service->scorer());
    EXPECT_DOUBLE_EQ(r.score, 0.0) << "answered after the 30 s limit";
    EXPECT_TRUE(run.entry(1)->outOfTime);
    EXPECT_TRUE(run.timeUp());
    const auto summary = run.summary();
    EXPECT_EQ(summary.answered, 2u);
    EXPECT_EQ(summary.right, 1u);
    EXPECT_NEAR(summary.total, 1.0 / static_cast<double>(run.size()), 1e-9);

    auto practice = m_service->start(session::openQuizSet("neck-shoulder-muscles"));
    ASSERT_TRUE(practice.hint(0));
    a.seconds = 1.0;
    a.structure = "splenius-cervicis-left";
    EXPECT_DOUBLE_EQ(practice.answer(0, a, m_service->scorer()).score, 0.0);
    a.structure = "levator-scapulae-left";
    EXPECT_DOUBLE_EQ(practice.answer(0, a, m_service->scorer()).score, 1.0) << "practice: try again";
    EXPECT_DOUBLE_EQ(practice.entry(0)->result.score, 0.0) << "the first try is what counts";
    EXPECT_EQ(practice.entry(0)->tries, 2);
    EXPECT_TRUE(practice.entry(0)->hintUsed);
}
