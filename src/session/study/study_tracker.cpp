#include "session/study/study_tracker.h"

#include "core/error.h"
#include "core/study/sm2_scheduler.h"

#include <algorithm>
#include <map>
#include <random>

namespace ta::session {

namespace rec = core::records;
namespace study = core::study;

namespace {

constexpr double kPassScore = 0.6; // gradeOf(0.6) == 3, SM-2's pass mark

study::Sm2State stateOf(const rec::StudyCard& c) { return {c.repetitions, c.intervalDays, c.ease, c.lapses, c.due}; }

/// Fisher-Yates with our own draws (std::shuffle's sequence differs between standard libraries).
template <typename T>
void shuffle(std::vector<T>& v, std::mt19937& rng)
{
    for (std::size_t i = v.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(rng() % i);
        std::swap(v[i - 1], v[j]);
    }
}

} // namespace

std::string_view toString(Mastery m)
{
    switch (m) {
    case Mastery::New: return "new";
    case Mastery::Learning: return "learning";
    case Mastery::Known: return "known";
    }
    return "new";
}

Mastery masteryOf(const rec::StudyCard* card)
{
    if (!card)
        return Mastery::New;
    return card->repetitions >= 2 && card->intervalDays >= 6 && card->lastScore >= kPassScore ? Mastery::Known
                                                                                               : Mastery::Learning;
}

StudyTracker::StudyTracker(rec::RecordStore& store, std::string student) : m_store(store), m_student(std::move(student))
{
    if (m_student.empty())
        throw ArgumentError("quiz: the student's name must not be empty");
}

rec::StudyCard StudyTracker::record(const QuizQuestion& q, const QuizEntry& entry, const std::string& setId,
                                    std::string_view today)
{
    int grade = study::gradeOf(entry.result.score);
    if (entry.hintUsed)
        grade = std::min(grade, 3);
    const auto before = m_store.studyCard(m_student, q.item);
    const study::Sm2State next = study::review(before ? stateOf(*before) : study::Sm2State{}, grade, today);
    rec::StudyCard card{m_student, q.item, next.repetitions, next.intervalDays, next.ease, next.lapses, next.due, "",
                        std::clamp(entry.result.score, 0.0, 1.0)};
    const rec::StudyReview review{m_student, q.item, setId, "", card.lastScore, grade, entry.seconds};
    m_store.recordReview(review, card);
    return card;
}

std::size_t StudyTracker::recordRun(const QuizRun& run, std::string_view today)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < run.size(); ++i)
        if (const auto& e = run.entry(i)) {
            record(run.question(i), *e, run.setId(), today);
            ++n;
        }
    return n;
}

std::vector<rec::StudyCard> StudyTracker::due(std::string_view today) const
{
    std::vector<rec::StudyCard> out;
    for (auto& c : m_store.listStudyCards(m_student))
        if (study::isDue(stateOf(c), today))
            out.push_back(std::move(c));
    std::stable_sort(out.begin(), out.end(), [](const rec::StudyCard& a, const rec::StudyCard& b) {
        const bool af = a.lastScore < kPassScore, bf = b.lastScore < kPassScore;
        if (af != bf)
            return af;
        if (a.due != b.due)
            return a.due < b.due;
        if (a.ease != b.ease)
            return a.ease < b.ease;
        if (a.lastScore != b.lastScore)
            return a.lastScore < b.lastScore;
        return a.item < b.item;
    });
    return out;
}

std::vector<QuizQuestion> StudyTracker::practiceOrder(std::vector<QuizQuestion> questions, std::string_view today,
                                                      unsigned seed) const
{
    const auto dueCards = due(today);
    std::map<std::string, std::size_t> dueRank;
    for (std::size_t i = 0; i < dueCards.size(); ++i)
        dueRank.emplace(dueCards[i].item, i);
    std::map<std::string, bool> hasCard;
    for (const auto& c : m_store.listStudyCards(m_student))
        hasCard[c.item] = true;
    std::vector<QuizQuestion> dueQs, fresh, rest;
    for (auto& q : questions) {
        if (dueRank.count(q.item))
            dueQs.push_back(std::move(q));
        else if (!hasCard.count(q.item))
            fresh.push_back(std::move(q));
        else
            rest.push_back(std::move(q));
    }
    std::stable_sort(dueQs.begin(), dueQs.end(),
                     [&](const QuizQuestion& a, const QuizQuestion& b) { return dueRank[a.item] < dueRank[b.item]; });
    std::mt19937 rng(seed);
    shuffle(fresh, rng);
    shuffle(rest, rng);
    dueQs.insert(dueQs.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
    dueQs.insert(dueQs.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
    return dueQs;
}

std::vector<MuscleMastery> StudyTracker::mastery(const std::vector<QuizQuestion>& pool) const
{
    std::map<std::string, rec::StudyCard> cards;
    for (auto& c : m_store.listStudyCards(m_student))
        cards.emplace(c.item, std::move(c));
    std::vector<MuscleMastery> out;
    std::map<std::string, std::size_t> index;
    std::map<std::string, bool> seenItem;
    for (const auto& q : pool) {
        if (q.muscle.empty() || seenItem[q.item])
            continue;
        seenItem[q.item] = true;
        auto [it, added] = index.emplace(q.muscle, out.size());
        if (added)
            out.push_back({q.muscle});
        MuscleMastery& m = out[it->second];
        ++m.items;
        const auto c = cards.find(q.item);
        const Mastery state = masteryOf(c == cards.end() ? nullptr : &c->second);
        m.known += state == Mastery::Known ? 1 : 0;
        m.learning += state == Mastery::Learning ? 1 : 0;
    }
    for (auto& m : out)
        m.state = m.known == m.items ? Mastery::Known : (m.known + m.learning == 0 ? Mastery::New : Mastery::Learning);
    return out;
}

} // namespace ta::session
