// PgRecordStore: teaching mode's study cards and review log (clinic schema v6, pg_schema.cpp). The rows
// carry their login as owner; the policies keep each login to its own.
#include "core/records/study_progress.h"
#include "io/records/pg_record_store.h"

namespace ta::io::records {

namespace {

constexpr const char* kCardColumns =
    "student, item, repetitions, interval_days, ease, lapses, due, last_reviewed, last_score";

rec::StudyCard readCard(const PgResult& r, int i)
{
    return {r.text(i, 0), r.text(i, 1), r.integer(i, 2), r.integer(i, 3), r.real(i, 4), r.integer(i, 5),
            r.text(i, 6), r.text(i, 7), r.real(i, 8)};
}

} // namespace

void PgRecordStore::recordReview(const rec::StudyReview& review, const rec::StudyCard& card)
{
    const std::string what = describe() + ": study review of \"" + review.item + "\" by \"" + review.student + "\"";
    rec::validate(review, what);
    rec::validate(card, what);
    if (card.student != review.student || card.item != review.item)
        throw ValidationError(what + ": card: is for \"" + card.item + "\" by \"" + card.student + "\", not the reviewed item");
    const std::string at = review.reviewedAt.empty() ? rec::nowUtcTimestamp() : review.reviewedAt;
    PgTransaction tx(db());
    db().exec("INSERT INTO ta.study_reviews (student, item, quiz_set, reviewed_at, score, grade, seconds) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {review.student, review.item, review.quizSet, at, pgParam(review.score), pgParam(review.grade),
               pgParam(review.seconds)});
    db().exec(std::string("INSERT INTO ta.study_cards (") + kCardColumns +
                  ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (owner, student, item) DO UPDATE SET "
                  "repetitions = EXCLUDED.repetitions, interval_days = EXCLUDED.interval_days, ease = EXCLUDED.ease, "
                  "lapses = EXCLUDED.lapses, due = EXCLUDED.due, last_reviewed = EXCLUDED.last_reviewed, "
                  "last_score = EXCLUDED.last_score",
              {card.student, card.item, pgParam(card.repetitions), pgParam(card.intervalDays), pgParam(card.ease),
               pgParam(card.lapses), card.due, card.lastReviewed.empty() ? at : card.lastReviewed,
               pgParam(card.lastScore)});
    tx.commit();
}

std::optional<rec::StudyCard> PgRecordStore::studyCard(std::string_view student, std::string_view item) const
{
    const auto r = db().exec(std::string("SELECT ") + kCardColumns + " FROM ta.study_cards WHERE student = $1 AND item = $2",
                             {pgParam(student), pgParam(item)});
    if (r.rows() == 0)
        return std::nullopt;
    return readCard(r, 0);
}

std::vector<rec::StudyCard> PgRecordStore::listStudyCards(std::string_view student) const
{
    const auto r = db().exec(std::string("SELECT ") + kCardColumns +
                                 " FROM ta.study_cards WHERE student = $1 ORDER BY item COLLATE \"C\"",
                             {pgParam(student)});
    std::vector<rec::StudyCard> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readCard(r, i));
    return out;
}

std::vector<rec::StudyReview> PgRecordStore::listStudyReviews(std::string_view student) const
{
    const auto r = db().exec("SELECT student, item, quiz_set, reviewed_at, score, grade, seconds FROM ta.study_reviews "
                             "WHERE student = $1 ORDER BY seq",
                             {pgParam(student)});
    std::vector<rec::StudyReview> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.real(i, 4), r.integer(i, 5), r.real(i, 6)});
    return out;
}

std::vector<std::string> PgRecordStore::listStudents() const
{
    const auto r = db().exec("SELECT student FROM ta.study_cards GROUP BY student ORDER BY student COLLATE \"C\"");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

} // namespace ta::io::records
