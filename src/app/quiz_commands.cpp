// `trigger-atlas quiz ...`: teaching mode on the command line, through the same session services as the
// quiz panel (session/study/quiz_service.h):
//   quiz sets                                    the built-in sets (id, questions, title)
//   quiz show --set FILE|ID [--json]             the questions, their choices (0-based) and hints
//   quiz run --set FILE|ID --answers A.json [--student NAME [--db F] [--today DATE]] [--json] [--csv F [--force]]
//   quiz due --student NAME [--db F] [--today DATE] [--json]
//   quiz export --student NAME [--db F] --csv F [--force]     the student's whole review log
//   quiz mastery --student NAME [--db F]         new / learning / known per muscle
#include "app/commands.h"
#include "app/records_cli.h"
#include "core/error.h"
#include "core/study/sm2_scheduler.h"
#include "session/study/quiz_files.h"
#include "session/study/quiz_service.h"
#include "session/study/study_tracker.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

namespace ta::app {
namespace {

namespace rec = core::records;
using session::QuizRun;

struct QuizArgs {
    std::string set;
    std::string answers;
    std::string student;
    std::string db;
    std::string today;
    std::string csv;
    std::string model;
    bool force = false;
    bool json = false;
};

double rounded(double v) { return std::round(v * 1000.0) / 1000.0; }

std::string today(const QuizArgs& a)
{
    if (a.today.empty())
        return core::study::todayUtc();
    records::requireDate("quiz", "--today", a.today);
    return a.today;
}

void requireStudent(const QuizArgs& a, const char* cmd)
{
    if (a.student.empty())
        throw ArgumentError(std::string("quiz ") + cmd + ": --student NAME is required");
}

void listSets()
{
    const auto sets = session::builtinQuizSets();
    for (const auto& s : sets)
        std::printf("%-24s %3zu questions  %s\n", s.id.c_str(), s.questions, s.title.c_str());
    if (sets.empty())
        std::printf("No built-in quiz sets found.\n");
}

void showSet(const QuizArgs& a)
{
    const auto set = session::openQuizSet(a.set);
    auto anatomy = records::loadAnatomy(a.model);
    session::QuizService service(anatomy->model, anatomy->catalog);
    const QuizRun run = service.start(set);
    if (a.json) {
        nlohmann::json qs = nlohmann::json::array();
        for (const auto& q : run.questions())
            qs.push_back({{"kind", std::string(core::study::toString(q.kind))}, {"item", q.item}, {"prompt", q.prompt},
                          {"choices", q.choices}, {"hint", q.hint}});
        std::printf("%s\n", nlohmann::json({{"id", set.id}, {"title", set.title}, {"exam", set.options.exam},
                                            {"questions", qs}}).dump(2).c_str());
        return;
    }
    std::printf("%s (%s)%s%s\n", set.title.c_str(), set.id.c_str(), set.options.exam ? ", exam" : "",
                set.options.timeLimitSeconds
                    ? (", " + std::to_string(static_cast<int>(*set.options.timeLimitSeconds)) + " s").c_str()
                    : "");
    for (std::size_t i = 0; i < run.size(); ++i) {
        const auto& q = run.question(i);
        std::printf("%2zu. [%s] %s\n", i + 1, std::string(core::study::toString(q.kind)).c_str(), q.prompt.c_str());
        for (std::size_t c = 0; c < q.choices.size(); ++c)
            std::printf("      %zu) %s\n", c, q.choices[c].c_str());
    }
}

void runSet(const QuizArgs& a)
{
    const auto set = session::openQuizSet(a.set);
    const auto answers = session::loadQuizAnswers(a.answers);
    if (!a.db.empty() && a.student.empty())
        throw ArgumentError("quiz run: --db goes with --student NAME (whose schedule the answers count toward)");
    if (!a.csv.empty() && !a.force && std::filesystem::exists(a.csv))
        throw IoError(a.csv + ": exists; pass --force to replace it");
    auto anatomy = records::loadAnatomy(a.model);
    session::QuizService service(anatomy->model, anatomy->catalog);
    QuizRun run = service.start(set);
    service.answerAll(run, answers, a.answers);
    const auto summary = run.summary();

    std::size_t recorded = 0;
    if (!a.student.empty()) {
        auto store = records::openStore(a.db);
        session::StudyTracker tracker(*store, a.student);
        recorded = tracker.recordRun(run, today(a));
    }
    if (!a.csv.empty())
        session::writePrivateFile(a.csv, session::runCsv(run, a.student), a.force);

    if (a.json) {
        nlohmann::json qs = nlohmann::json::array();
        for (std::size_t i = 0; i < run.size(); ++i) {
            const auto& q = run.question(i);
            const auto& e = run.entry(i);
            nlohmann::json j = {{"kind", std::string(core::study::toString(q.kind))}, {"item", q.item},
                                {"score", e ? rounded(e->result.score) : 0.0},
                                {"feedback", e ? e->result.feedback : "not answered; the answer: " + q.answer}};
            if (e && q.kind == core::study::QuestionKind::Paint)
                j.update({{"missed", e->result.missed}, {"extra", e->result.extra}});
            qs.push_back(std::move(j));
        }
        nlohmann::json out = {{"set", set.id}, {"questions", qs}, {"total", rounded(summary.total)}};
        if (!a.student.empty())
            out.update({{"student", a.student}, {"recorded", recorded}});
        std::printf("%s\n", out.dump(2).c_str());
        return;
    }
    std::printf("%s (%s)\n", set.title.c_str(), set.id.c_str());
    for (std::size_t i = 0; i < run.size(); ++i) {
        const auto& q = run.question(i);
        const auto& e = run.entry(i);
        std::printf("%2zu. %-6s %.2f  %s\n", i + 1, std::string(core::study::toString(q.kind)).c_str(),
                    e ? e->result.score : 0.0, e ? e->result.feedback.c_str() : ("not answered; the answer: " + q.answer).c_str());
    }
    std::printf("Total: %.2f (%zu of %zu right, %zu answered)\n", summary.total, summary.right, summary.questions,
                summary.answered);
    if (!a.student.empty())
        std::printf("Recorded %zu answers for %s.\n", recorded, a.student.c_str());
    if (!a.csv.empty())
        std::printf("Wrote %s\n", a.csv.c_str());
}

void listDue(const QuizArgs& a)
{
    requireStudent(a, "due");
    auto store = records::openStore(a.db);
    const session::StudyTracker tracker(*store, a.student);
    const std::string day = today(a);
    const auto due = tracker.due(day);
    if (a.json) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& c : due)
            items.push_back({{"item", c.item}, {"due", c.due}, {"last_score", rounded(c.lastScore)},
                             {"repetitions", c.repetitions}, {"interval_days", c.intervalDays}});
        std::printf("%s\n", nlohmann::json({{"student", a.student}, {"today", day}, {"due", items}}).dump(2).c_str());
        return;
    }
    if (due.empty()) {
        std::printf("Nothing due for %s on %s.\n", a.student.c_str(), day.c_str());
        return;
    }
    std::printf("Due for %s on %s (missed last time first):\n", a.student.c_str(), day.c_str());
    for (const auto& c : due)
        std::printf("  %-50s due %s  last %.2f\n", c.item.c_str(), c.due.c_str(), c.lastScore);
}

void exportLog(const QuizArgs& a)
{
    requireStudent(a, "export");
    if (a.csv.empty())
        throw ArgumentError("quiz export: --csv FILE is required");
    auto store = records::openStore(a.db);
    const auto reviews = store->listStudyReviews(a.student);
    session::writePrivateFile(a.csv, session::reviewLogCsv(reviews), a.force);
    std::printf("Wrote %zu answers of %s to %s\n", reviews.size(), a.student.c_str(), a.csv.c_str());
}

void showMastery(const QuizArgs& a)
{
    requireStudent(a, "mastery");
    auto store = records::openStore(a.db);
    const session::StudyTracker tracker(*store, a.student);
    auto anatomy = records::loadAnatomy(a.model);
    const session::QuizService service(anatomy->model, anatomy->catalog);
    for (const auto& m : tracker.mastery(service.pool({})))
        std::printf("  %-22s %-8s %2zu known, %2zu learning of %2zu items\n", m.muscle.c_str(),
                    std::string(session::toString(m.state)).c_str(), m.known, m.learning, m.items);
}

} // namespace

void addQuizCommands(CLI::App& app, int& exitCode)
{
    auto* quiz = app.add_subcommand("quiz", "Teaching mode: quiz sets, scoring answers, spaced repetition per student");
    quiz->require_subcommand(1);
    auto args = std::make_shared<QuizArgs>();
    const auto studentOptions = [&](CLI::App* cmd) {
        cmd->add_option("--student", args->student, "The student whose progress to use");
        records::addDbOption(*cmd, args->db);
        cmd->add_option("--today", args->today, "The day to schedule from, YYYY-MM-DD (default: today, UTC)");
    };
    const auto done = [&exitCode](auto fn) {
        return [fn, &exitCode] {
            fn();
            exitCode = 0;
        };
    };

    auto* sets = quiz->add_subcommand("sets", "List the built-in quiz sets (id, questions, title)");
    sets->callback(done([] { listSets(); }));

    auto* show = quiz->add_subcommand("show", "Print a set's questions with their choices (numbered from 0)");
    show->add_option("--set", args->set, "A quiz-set file or a built-in set's id")->required();
    show->add_option("--model", args->model, "The model (default: the committed one)");
    show->add_flag("--json", args->json, "Print JSON");
    show->callback(done([args] { showSet(*args); }));

    auto* run = quiz->add_subcommand("run", "Score a list of answers, one per question in order");
    run->add_option("--set", args->set, "A quiz-set file or a built-in set's id")->required();
    run->add_option("--answers", args->answers, "The answers file (JSON, see docs/QUIZ.md)")->required();
    studentOptions(run);
    run->add_option("--csv", args->csv, "Also write the results as CSV for a gradebook (0600)");
    run->add_flag("--force", args->force, "Replace an existing --csv file");
    run->add_option("--model", args->model, "The model (default: the committed one)");
    run->add_flag("--json", args->json, "Print JSON: {\"questions\": [...], \"total\": ...}");
    run->callback(done([args] { runSet(*args); }));

    auto* due = quiz->add_subcommand("due", "List what is due for a student (missed last time first)");
    studentOptions(due);
    due->add_flag("--json", args->json, "Print JSON");
    due->callback(done([args] { listDue(*args); }));

    auto* exp = quiz->add_subcommand("export", "Write a student's answers as CSV for a gradebook (0600)");
    studentOptions(exp);
    exp->add_option("--csv", args->csv, "The CSV file to write")->required();
    exp->add_flag("--force", args->force, "Replace an existing file");
    exp->callback(done([args] { exportLog(*args); }));

    auto* mastery = quiz->add_subcommand("mastery", "Per muscle: new, learning or known");
    studentOptions(mastery);
    mastery->add_option("--model", args->model, "The model (default: the committed one)");
    mastery->callback(done([args] { showMastery(*args); }));
}

} // namespace ta::app
