#include "session/study/quiz_service.h"

#include "core/error.h"

#include <random>

namespace ta::session {

QuizService::QuizService(const core::AnatomyModel& model, TriggerPointCatalog& catalog)
    : m_builder(model, catalog), m_scorer(model, catalog)
{
}

QuizRun QuizService::start(const core::study::QuizSet& set) const
{
    return QuizRun(set.id, set.title, m_builder.build(set), set.options);
}

std::vector<QuizQuestion> QuizService::pool(const std::vector<core::Layer>& layers) const
{
    core::study::QuizOptions options;
    options.layers = layers;
    std::vector<QuizQuestion> out;
    for (const auto& spec : m_builder.practiceSpecs(layers))
        out.push_back(m_builder.question(spec, options, "practice"));
    return out;
}

QuizRun QuizService::practice(const std::vector<core::Layer>& layers, std::size_t count, const StudyTracker* tracker,
                              std::string_view today, unsigned seed) const
{
    std::vector<QuizQuestion> questions = pool(layers);
    if (tracker) {
        questions = tracker->practiceOrder(std::move(questions), today, seed);
    } else {
        // No student: a plain shuffle (practiceOrder without cards is exactly that).
        std::mt19937 rng(seed);
        for (std::size_t i = questions.size(); i > 1; --i)
            std::swap(questions[i - 1], questions[static_cast<std::size_t>(rng() % i)]);
    }
    if (count > 0 && questions.size() > count)
        questions.resize(count);
    core::study::QuizOptions options;
    options.layers = layers;
    return QuizRun("practice", "Practice", std::move(questions), options);
}

void QuizService::answerAll(QuizRun& run, const std::vector<QuizAnswer>& answers, const std::string& source)
{
    if (answers.size() > run.size())
        throw ValidationError(source + ": answers: " + std::to_string(answers.size()) + " answers for " +
                              std::to_string(run.size()) + " questions");
    for (std::size_t i = 0; i < answers.size(); ++i)
        if (!answers[i].empty())
            run.answer(i, answers[i], m_scorer);
}

} // namespace ta::session
