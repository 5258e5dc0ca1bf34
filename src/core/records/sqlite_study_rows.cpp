// SqliteRecordStore: teaching mode's study cards and review log (schema v6, sqlite_schema.cpp).
#include "core/records/sqlite_record_store.h"

#include "core/records/study_progress.h"

namespace ta::core::records {

namespace {

constexpr const char* kCardColumns =
    "student, item, repetitions, interval_days, ease, lapses, due, last_reviewed, last_score";

StudyCard readCard(const SqliteStatement& st)
{
    StudyCard c;
    c.student = st.text(0);
    c.item = st.text(1);
    c.repetitions = st.integer(2);
    c.intervalDays = st.integer(3);
    c.ease = st.real(4);
    c.lapses = st.integer(5);
    c.due = st.text(6);
    c.lastReviewed = st.text(7);
    c.lastScore = st.real(8);
    return c;
}

} // namespace

void SqliteRecordStore::recordReview(const StudyReview& review, const StudyCard& card)
{
    const std::string what = describe() + ": study review of \"" + review.item + "\" by \"" + review.student + "\"";
    validate(review, what);
    validate(card, what);
    if (card.student != review.student || card.item != review.item)
        throw ValidationError(what + ": card: is for \"" + card.item + "\" by \"" + card.student +
                              "\", not the reviewed item");
    const std::string at = review.reviewedAt.empty() ? nowUtcTimestamp() : review.reviewedAt;
    SqliteTransaction tx(m_db);
    SqliteStatement log(m_db, "INSERT INTO study_reviews (student, item, quiz_set, reviewed_at, score, grade, seconds) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    log.bind(1, review.student).bind(2, review.item).bind(3, review.quizSet).bind(4, at).bind(5, review.score)
        .bind(6, review.grade).bind(7, review.seconds).run();
    SqliteStatement up(m_db, std::string("INSERT INTO study_cards (") + kCardColumns +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                 "ON CONFLICT (student, item) DO UPDATE SET repetitions = excluded.repetitions, "
                                 "interval_days = excluded.interval_days, ease = excluded.ease, "
                                 "lapses = excluded.lapses, due = excluded.due, "
                                 "last_reviewed = excluded.last_reviewed, last_score = excluded.last_score");
    up.bind(1, card.student).bind(2, card.item).bind(3, card.repetitions).bind(4, card.intervalDays)
        .bind(5, card.ease).bind(6, card.lapses).bind(7, card.due)
        .bind(8, card.lastReviewed.empty() ? at : card.lastReviewed).bind(9, card.lastScore).run();
    tx.commit();
}

std::optional<StudyCard> SqliteRecordStore::studyCard(std::string_view student, std::string_view item) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kCardColumns + " FROM study_cards WHERE student = ?1 AND item = ?2");
    st.bind(1, student).bind(2, item);
    if (!st.step())
        return std::nullopt;
    return readCard(st);
}

std::vector<StudyCard> SqliteRecordStore::listStudyCards(std::string_view student) const
{
    SqliteStatement st(m_db, std::string("SELECT ") + kCardColumns +
                                 " FROM study_cards WHERE student = ?1 ORDER BY item");
    st.bind(1, student);
    std::vector<StudyCard> out;
    while (st.step())
        out.push_back(readCard(st));
    return out;
}

std::vector<StudyReview> SqliteRecordStore::listStudyReviews(std::string_view student) const
{
    SqliteStatement st(m_db, "SELECT student, item, quiz_set, reviewed_at, score, grade, seconds FROM study_reviews "
                             "WHERE student = ?1 ORDER BY seq");
    st.bind(1, student);
    std::vector<StudyReview> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.real(4), st.integer(5), st.real(6)});
    return out;
}

std::vector<std::string> SqliteRecordStore::listStudents() const
{
    SqliteStatement st(m_db, "SELECT DISTINCT student FROM study_cards ORDER BY student");
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

} // namespace ta::core::records
