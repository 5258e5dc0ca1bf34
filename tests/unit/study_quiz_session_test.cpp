// A quiz in the window's session (session/study/quiz_session.h), no GL: with the client records open
// but no client, the student paints a referral pattern with the brush into the quiz's scratch drawing
// (never into a client's record), gets feedback with the documented pattern shown, and at the end the
// answers go into the student's schedule; closing restores the view.
#include "test_model_path.h"

#include "core/records/sqlite_record_store.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/app_session.h"
#include "session/study/quiz_files.h"
#include "session/study/quiz_session.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

using namespace ta;

TEST(StudyQuizSession, AStudentPaintsAPatternWithTheBrushAndItIsScoredAndScheduled)
{
    if (!std::filesystem::exists(ta::testing::testModelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << ta::testing::testModelPath();
    std::random_device rd;
    const auto dir = std::filesystem::temp_directory_path() / ("ta-quiz-session-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    {
        session::AppSession s;
        s.camera().setViewport(640, 480);
        s.openModel(io::loadModel(ta::testing::testModelPath()), ta::testing::testModelPath(), io::assetPath("data"));
        core::records::SqliteStoreOptions o;
        o.dailyBackup = false;
        s.attachRecords(std::make_unique<core::records::SqliteRecordStore>(dir / "records.db", o));
        const auto visibilityBefore = s.visibility();

        session::QuizSession quiz;
        quiz.student = "Mia";
        quiz.today = "2026-12-01";
        quiz.start(s, session::openQuizSet("headache-referral"));
        ASSERT_EQ(quiz.phase(), session::QuizSession::Phase::Asking);
        const session::QuizQuestion* q = quiz.current();
        ASSERT_TRUE(q);
        ASSERT_EQ(q->item, "paint:trapezius.upper.trp1-left");
        EXPECT_TRUE(s.quizDrawing());
        EXPECT_EQ(s.tool(), session::Tool::Pain);
        EXPECT_FALSE(s.shownTriggerPoint()) << "the pattern is not shown before the answer";

        // Paint over the left temple with the brush, as the mouse would.
        const auto skin = *s.model().find("skin");
        const auto& mesh = s.model().get(skin)->mesh;
        const glm::vec3 pterion = s.model().landmark("pterion-left")->position;
        for (std::size_t v = 0; v < mesh.positions.size(); ++v)
            if (glm::distance(mesh.positions[v], pterion) < 0.03f && mesh.normals[v].x > 0.5f) {
                core::PickHit hit;
                hit.structure = skin;
                hit.point = mesh.positions[v];
                s.painAt(hit);
            }
        s.endPainStroke();
        s.update(0.5);
        const auto answer = quiz.answerFromView(s);
        ASSERT_FALSE(answer.painMarks.empty()) << "the brush painted into the quiz drawing";
        EXPECT_TRUE(s.records()->store().listClients().empty()) << "nothing went into the client records";

        const auto& r = quiz.answer(s, answer);
        EXPECT_GT(r.score, 0.0) << r.feedback;
        EXPECT_LT(r.score, 0.8) << "the temple alone is a part of the pattern";
        EXPECT_FALSE(r.missed.empty()) << r.feedback;
        EXPECT_EQ(quiz.phase(), session::QuizSession::Phase::Feedback);
        ASSERT_TRUE(s.shownTriggerPoint()) << "the documented pattern shows with the drawing";
        EXPECT_EQ(s.catalog().key(*s.shownTriggerPoint()), "trapezius.upper.trp1-left");

        quiz.next(s);
        EXPECT_FALSE(s.quizDrawingMarks().size()) << "a fresh drawing for the next question";
        for (int i = 0; i < 2; ++i) // to the first "which": the pattern is shown, its name is not
            quiz.next(s);
        ASSERT_EQ(quiz.current()->kind, core::study::QuestionKind::Which);
        ASSERT_TRUE(s.shownTriggerPoint());
        EXPECT_EQ(s.catalog().key(*s.shownTriggerPoint()), "suboccipitals.group-right");
        EXPECT_FALSE(s.display().showLabels) << "a label would name the trigger point";
        EXPECT_FALSE(s.visibility().layer(core::Layer::Superficial).visible) << "the muscle stays under the skin";
        quiz.finish(s);
        EXPECT_EQ(quiz.phase(), session::QuizSession::Phase::Summary);
        EXPECT_EQ(quiz.recordedNote(), "Recorded 1 answers for Mia");
        const auto cards = s.records()->store().listStudyCards("Mia");
        ASSERT_EQ(cards.size(), 1u);
        EXPECT_EQ(cards[0].item, "paint:trapezius.upper.trp1-left");
        EXPECT_EQ(cards[0].due, "2026-12-02");
        EXPECT_EQ(quiz.mastery(s).size(), s.catalog().data().muscles.size());

        quiz.close(s);
        EXPECT_FALSE(quiz.active());
        EXPECT_FALSE(s.quizDrawing());
        EXPECT_TRUE(s.visibility() == visibilityBefore) << "closing restores the layers";
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

TEST(StudyQuizSession, ALocateAnswerIsTheStructureSelectedInTheView)
{
    if (!std::filesystem::exists(ta::testing::testModelPath()))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << ta::testing::testModelPath();
    session::AppSession s;
    s.camera().setViewport(640, 480);
    s.openModel(io::loadModel(ta::testing::testModelPath()), ta::testing::testModelPath(), io::assetPath("data"));
    session::QuizSession quiz;
    quiz.start(s, session::openQuizSet("neck-shoulder-muscles"));
    ASSERT_EQ(quiz.current()->item, "locate:levator-scapulae-left");
    EXPECT_FALSE(s.selected()) << "nothing selected when the question is asked";
    s.select(s.model().find("levator-scapulae-left"));
    const auto a = quiz.answerFromView(s);
    EXPECT_EQ(a.structure, "levator-scapulae-left");
    EXPECT_DOUBLE_EQ(quiz.answer(s, a).score, 1.0) << quiz.lastResult()->feedback;
    EXPECT_TRUE(quiz.retry(s)) << "practice: ask again";
    s.select(s.model().find("levator-scapulae-right"));
    EXPECT_DOUBLE_EQ(quiz.answer(s, quiz.answerFromView(s)).score, 0.0);
    EXPECT_EQ(quiz.run()->entry(0)->result.score, 1.0) << "the first try counts";
}

