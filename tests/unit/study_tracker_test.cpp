// A student's progress in the record store (session/study/study_tracker.h) with the SQLite backend: the
// headache set answered one day, the missed patterns come first the next day; practice puts due items
// first; the mastery view moves from new through learning to known; the gradebook CSV.
#include "core/records/sqlite_record_store.h"
#include "session/study/quiz_files.h"
#include "session/study/study_tracker.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <sys/stat.h>

using namespace ta;
using session::QuizEntry;
using session::QuizQuestion;

namespace {

namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("ta-study-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

core::records::SqliteStoreOptions noBackup()
{
    core::records::SqliteStoreOptions o;
    o.dailyBackup = false;
    return o;
}

QuizQuestion item(std::string key, std::string muscle)
{
    QuizQuestion q;
    q.kind = core::study::QuestionKind::Paint;
    q.item = std::move(key);
    q.muscle = std::move(muscle);
    q.answer = "documented";
    return q;
}

QuizEntry entry(double score, double seconds = 10.0)
{
    QuizEntry e;
    e.result.score = score;
    e.seconds = seconds;
    e.tries = 1;
    return e;
}

} // namespace

TEST(StudyTracker, WhatWasMissedComesFirstTheNextDay)
{
    TempDir dir;
    core::records::SqliteRecordStore store(dir.path / "records.db", noBackup());
    session::StudyTracker mia(store, "Mia");
    const std::vector<QuizQuestion> qs = {item("paint:a", "trapezius-upper"), item("paint:b", "temporalis"),
                                          item("paint:c", "sternocleidomastoid")};
    mia.record(qs[0], entry(0.9), "headache-referral", "2026-12-01");
    mia.record(qs[1], entry(0.2), "headache-referral", "2026-12-01");
    mia.record(qs[2], entry(0.5), "headache-referral", "2026-12-01");

    EXPECT_TRUE(mia.due("2026-12-01").empty()) << "answered today: nothing is due again today";
    const auto due = mia.due("2026-12-02");
    ASSERT_EQ(due.size(), 3u) << "SM-2's first interval is a day for right and wrong alike";
    EXPECT_DOUBLE_EQ(due[0].lastScore, 0.2) << "the missed ones first, hardest (lowest ease) first";
    EXPECT_EQ(due[0].item, "paint:b");
    EXPECT_EQ(due[1].item, "paint:c");
    EXPECT_EQ(due[2].item, "paint:a");

    // Day two: b is right now, a right again (-> 6 days), c wrong again.
    mia.record(qs[0], entry(1.0), "headache-referral", "2026-12-02");
    mia.record(qs[1], entry(0.85), "headache-referral", "2026-12-02");
    mia.record(qs[2], entry(0.1), "headache-referral", "2026-12-02");
    const auto a = store.studyCard("Mia", "paint:a");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->intervalDays, 6);
    EXPECT_EQ(a->due, "2026-12-08");
    const auto next = mia.due("2026-12-03");
    ASSERT_EQ(next.size(), 2u);
    EXPECT_EQ(next[0].item, "paint:c");
    EXPECT_EQ(next[1].item, "paint:b");
    EXPECT_EQ(store.listStudyReviews("Mia").size(), 6u);
    EXPECT_EQ(store.listStudyReviews("Mia")[1].grade, 1);

    // Another student's schedule is their own.
    session::StudyTracker ben(store, "Ben");
    EXPECT_TRUE(ben.due("2026-12-30").empty());
    EXPECT_THROW(session::StudyTracker(store, ""), ArgumentError);
}

TEST(StudyTracker, PracticeAsksDueThenNewThenTheRest)
{
    TempDir dir;
    core::records::SqliteRecordStore store(dir.path / "records.db", noBackup());
    session::StudyTracker mia(store, "Mia");
    std::vector<QuizQuestion> pool;
    for (int i = 0; i < 8; ++i)
        pool.push_back(item("name:s" + std::to_string(i), "m"));
    mia.record(pool[5], entry(0.1), "", "2026-12-01"); // due 12-02, missed
    mia.record(pool[2], entry(1.0), "", "2026-12-01"); // due 12-02
    mia.record(pool[7], entry(1.0), "", "2026-11-01");
    mia.record(pool[7], entry(1.0), "", "2026-11-02"); // due 11-08 + ... : 6 days -> 11-08, so due too
    mia.record(pool[0], entry(1.0), "", "2026-12-01");
    mia.record(pool[0], entry(1.0), "", "2026-12-02"); // due 12-08: not due on 12-02
    const auto order = mia.practiceOrder(pool, "2026-12-02", 42);
    ASSERT_EQ(order.size(), pool.size());
    EXPECT_EQ(order[0].item, "name:s5") << "missed first";
    EXPECT_EQ(order[1].item, "name:s7") << "then the longest overdue";
    EXPECT_EQ(order[2].item, "name:s2");
    for (std::size_t i = 3; i < 7; ++i)
        EXPECT_TRUE(order[i].item == "name:s1" || order[i].item == "name:s3" || order[i].item == "name:s4" ||
                    order[i].item == "name:s6")
            << "new items next: " << order[i].item;
    EXPECT_EQ(order[7].item, "name:s0") << "not due: last";
    EXPECT_EQ(mia.practiceOrder(pool, "2026-12-02", 42)[3].item, order[3].item) << "deterministic for a seed";
}

TEST(StudyTracker, MasteryGoesFromNewThroughLearningToKnown)
{
    TempDir dir;
    core::records::SqliteRecordStore store(dir.path / "records.db", noBackup());
    session::StudyTracker mia(store, "Mia");
    const std::vector<QuizQuestion> pool = {item("locate:x", "levator-scapulae"), item("name:x", "levator-scapulae"),
                                            item("locate:y", "temporalis"), item("facts:none", "")};
    auto m = mia.mastery(pool);
    ASSERT_EQ(m.size(), 2u) << "items without a muscle are left out";
    EXPECT_EQ(m[0].muscle, "levator-scapulae");
    EXPECT_EQ(m[0].state, session::Mastery::New);
    EXPECT_EQ(m[0].items, 2u);

    mia.record(pool[0], entry(1.0), "", "2026-12-01");
    m = mia.mastery(pool);
    EXPECT_EQ(m[0].state, session::Mastery::Learning);
    EXPECT_EQ(m[0].learning, 1u);
    EXPECT_EQ(m[1].state, session::Mastery::New);

    for (const char* day : {"2026-12-02"})
        mia.record(pool[0], entry(1.0), "", day);
    mia.record(pool[1], entry(1.0), "", "2026-12-01");
    mia.record(pool[1], entry(0.9), "", "2026-12-02");
    m = mia.mastery(pool);
    EXPECT_EQ(m[0].known, 2u);
    EXPECT_EQ(m[0].state, session::Mastery::Known);
    mia.record(pool[1], entry(0.0), "", "2026-12-08");
    EXPECT_EQ(mia.mastery(pool)[0].state, session::Mastery::Learning) << "a lapse: learning again";
}

TEST(StudyTracker, TheGradebookIsCsvWrittenPrivatelyAndNeverOverwrittenUnasked)
{
    TempDir dir;
    core::records::SqliteRecordStore store(dir.path / "records.db", noBackup());
    session::StudyTracker mia(store, "Mia, \"the\" student");
    mia.record(item("paint:a", "m"), entry(0.833, 42.0), "headache-referral", "2026-12-01");
    const std::string csv = session::reviewLogCsv(store.listStudyReviews("Mia, \"the\" student"));
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "student,set,item,score,grade,time_s,reviewed_at");
    EXPECT_NE(csv.find("\"Mia, \"\"the\"\" student\",headache-referral,paint:a,0.833,4,42.0,"), std::string::npos) << csv;

    const fs::path out = dir.path / "grades.csv";
    session::writePrivateFile(out, csv, false);
    struct stat st {};
    ASSERT_EQ(::stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);
    EXPECT_THROW(session::writePrivateFile(out, "other", false), IoError);
    EXPECT_EQ(fs::file_size(out), csv.size()) << "the refused write left the file alone";
    session::writePrivateFile(out, "other", true);
    EXPECT_EQ(fs::file_size(out), 5u);
}
