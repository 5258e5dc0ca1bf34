// Client records on the command line, the session side: `session add|list|show|compare`, `tag add` (a
// trigger-point finding), `pain add` (pain by region) and `questionnaire add`. Parsing and printing only:
// the store and the session services (session/records/record_services.h) do the work. A command that adds
// a record prints its id as the last word.
#include "app/commands.h"
#include "app/records_cli.h"
#include "core/error.h"
#include "core/records/questionnaires.h"
#include "session/records/pain_summary.h"
#include "session/records/record_services.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace ta::app {
namespace {

namespace rec = core::records;

std::string nrsText(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("-"); }

struct SessionAddArgs {
    std::string db, client, date, time = "09:00", reason;
    int nrsBefore = -1, nrsAfter = -1;
    bool carryOver = false;
};

void sessionAdd(const SessionAddArgs& a, const CLI::App& cmd)
{
    const std::string name = "session add";
    const std::string date = a.date.empty() ? rec::todayLocalDate() : a.date;
    records::requireDate(name, "--date", date);
    records::requireTime(name, "--time", a.time);
    rec::Session s;
    s.dateTime = date + "T" + a.time;
    s.reason = a.reason;
    if (cmd.count("--nrs-before") > 0)
        s.painBefore = records::nrs(name, "--nrs-before", a.nrsBefore);
    if (cmd.count("--nrs-after") > 0)
        s.painAfter = records::nrs(name, "--nrs-after", a.nrsAfter);
    auto store = records::openStore(a.db);
    s.client = records::requireClient(*store, name, a.client).id;
    const std::string when = s.dateTime;
    const rec::SessionId id = store->addSession(std::move(s));
    if (a.carryOver) {
        const std::size_t n = store->carryOverFindings(id);
        std::printf("carried over %zu finding%s from the previous session\n", n, n == 1 ? "" : "s");
    }
    std::printf("added session %s %s\n", when.c_str(), id.str().c_str());
}

std::string findingLine(const rec::Finding& f)
{
    std::string line = (f.triggerPoint ? *f.triggerPoint : f.structure) + " (" + f.structure + "): " +
                       std::string(rec::toString(f.state)) + ", severity " + std::to_string(f.severity);
    if (f.treated) {
        line += ", treated";
        if (!f.technique.empty())
            line += " with " + f.technique;
        if (f.treatedSeconds)
            line += " for " + std::to_string(*f.treatedSeconds) + " s";
    }
    if (f.carriedOver)
        line += ", carried over (not yet confirmed)";
    if (!f.note.empty())
        line += "; " + f.note;
    return line;
}

std::string questionnaireLine(const rec::QuestionnaireResponse& q)
{
    char buf[96];
    if (q.kind == rec::QuestionnaireKind::Ndi) {
        const auto s = rec::scoreNdi(q.answers);
        std::snprintf(buf, sizeof buf, "NDI %d/50 (%d%%)", s.total, s.percent);
    } else {
        const auto s = rec::scoreHit6(q.answers);
        std::snprintf(buf, sizeof buf, "HIT-6 %d (%s)", s.total, std::string(rec::toString(s.band)).c_str());
    }
    return buf;
}

struct SessionListArgs {
    std::string db, client;
};

void sessionList(const SessionListArgs& a)
{
    auto store = records::openStore(a.db);
    const rec::Client c = records::requireClient(*store, "session list", a.client);
    for (const auto& s : store->listSessions(c.id))
        std::printf("%s\t%s\t%s\n", s.id.str().c_str(), s.dateTime.c_str(), s.reason.c_str());
}

struct SessionRefArgs {
    std::string db, session, with;
};

void sessionShow(const SessionRefArgs& a)
{
    auto store = records::openStore(a.db);
    const rec::SessionRecord r = records::requireSession(*store, "session show", a.session);
    const auto client = store->client(r.session.client);
    std::printf("session %s %s\n", r.session.dateTime.c_str(), r.session.id.str().c_str());
    std::printf("client: %s %s\n", client ? client->name.c_str() : "?", r.session.client.str().c_str());
    if (!r.session.reason.empty())
        std::printf("reason: %s\n", r.session.reason.c_str());
    std::printf("NRS before: %s, after: %s\n", nrsText(r.session.painBefore).c_str(), nrsText(r.session.painAfter).c_str());
    if (r.session.isSigned())
        std::printf("signed: %s by %s\n", r.session.signature->at.c_str(), r.session.signature->by.c_str());
    std::printf("findings: %zu\n", r.findings.size());
    for (const auto& f : r.findings)
        std::printf("  %s\n", findingLine(f).c_str());
    if (r.painMarks.empty()) {
        std::printf("pain: none drawn\n");
    } else {
        auto anatomy = records::loadAnatomy();
        const session::PainSummary pain =
            session::summarisePain(anatomy->model, anatomy->catalog, session::toDrawingMarks(r.painMarks));
        std::printf("pain: %zu mark%s, %.1f cm²\n", r.painMarks.size(), r.painMarks.size() == 1 ? "" : "s", pain.areaCm2);
        for (const auto& region : pain.regions)
            std::printf("  %s: %s, intensity %d, %.1f cm² (%.0f%% of the region)\n", region.key.c_str(),
                        region.name.c_str(), region.peakIntensity, region.areaCm2, region.coverage * 100.0);
    }
    std::printf("questionnaires: %zu\n", r.questionnaires.size());
    for (const auto& q : r.questionnaires)
        std::printf("  %s\n", questionnaireLine(q).c_str());
    for (const auto& ad : r.addenda)
        std::printf("addendum %s by %s: %s\n", ad.at.c_str(), ad.author.c_str(), ad.text.c_str());
}

void sessionCompare(const SessionRefArgs& a)
{
    const std::string name = "session compare";
    auto store = records::openStore(a.db);
    const rec::SessionRecord r0 = records::requireSession(*store, name, a.session);
    const rec::SessionRecord r1 = records::requireSession(*store, name, a.with);
    if (r0.session.client != r1.session.client)
        throw ArgumentError(name + ": the two sessions belong to different clients");
    auto anatomy = records::loadAnatomy();
    const session::SessionComparison c = session::compareSessions(anatomy->model, anatomy->catalog, r0, r1);
    std::printf("from %s to %s\n", c.before.c_str(), c.after.c_str());
    std::printf("NRS before treatment: %s -> %s\n", nrsText(c.nrsBefore[0]).c_str(), nrsText(c.nrsBefore[1]).c_str());
    std::printf("NRS after treatment: %s -> %s\n", nrsText(c.nrsAfter[0]).c_str(), nrsText(c.nrsAfter[1]).c_str());
    std::printf("pain area: %.1f cm² -> %.1f cm²\n", c.areaBeforeCm2, c.areaAfterCm2);
    std::printf("regions: %zu\n", c.regions.size());
    for (const auto& r : c.regions) {
        const char* verdict = r.after < r.before ? "better" : r.after > r.before ? "worse" : "unchanged";
        std::printf("  %s: %s, intensity %d -> %d (%s), %.1f cm² -> %.1f cm²\n", r.key.c_str(), r.name.c_str(), r.before,
                    r.after, verdict, r.areaBeforeCm2, r.areaAfterCm2);
    }
    std::printf("findings: %zu\n", c.findings.size());
    for (const auto& f : c.findings) {
        using Kind = session::FindingChange::Kind;
        if (f.kind == Kind::Persisting)
            std::printf("  persisting %s: severity %d -> %d\n", f.label.c_str(), f.severityBefore, f.severityAfter);
        else if (f.kind == Kind::Resolved)
            std::printf("  resolved %s: severity %d before\n", f.label.c_str(), f.severityBefore);
        else
            std::printf("  new %s: severity %d\n", f.label.c_str(), f.severityAfter);
    }
}

void addSessionCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("session", "Treatment sessions: add, list, show one, compare two");
    cmd->require_subcommand(1);

    auto* add = cmd->add_subcommand("add", "Add a session for a client; prints its id last");
    auto aa = std::make_shared<SessionAddArgs>();
    records::addDbOption(*add, aa->db);
    add->add_option("--client", aa->client, "The client's id")->required();
    add->add_option("--date", aa->date, "The day, YYYY-MM-DD (default: today)");
    add->add_option("--time", aa->time, "The time, HH:MM")->capture_default_str();
    add->add_option("--nrs-before", aa->nrsBefore, "Pain before treatment, 0-10");
    add->add_option("--nrs-after", aa->nrsAfter, "Pain after treatment, 0-10");
    add->add_option("--reason", aa->reason, "Why the client came");
    add->add_flag("--carry-over", aa->carryOver, "Copy the previous session's findings (marked carried over)");
    add->callback([aa, add, &exitCode] {
        sessionAdd(*aa, *add);
        std::fflush(stdout);
        exitCode = 0;
    });

    auto* list = cmd->add_subcommand("list", "A client's sessions, oldest first: id<TAB>date-time<TAB>reason");
    auto la = std::make_shared<SessionListArgs>();
    records::addDbOption(*list, la->db);
    list->add_option("--client", la->client, "The client's id")->required();
    list->callback([la, &exitCode] {
        sessionList(*la);
        std::fflush(stdout);
        exitCode = 0;
    });

    auto* show = cmd->add_subcommand("show", "A readable summary of one session");
    auto sa = std::make_shared<SessionRefArgs>();
    records::addDbOption(*show, sa->db);
    show->add_option("--session", sa->session, "The session's id")->required();
    show->callback([sa, &exitCode] {
        sessionShow(*sa);
        std::fflush(stdout);
        exitCode = 0;
    });

    auto* compare = cmd->add_subcommand("compare", "What changed between two sessions of a client");
    auto ca = std::make_shared<SessionRefArgs>();
    records::addDbOption(*compare, ca->db);
    compare->add_option("--session", ca->session, "One session's id")->required();
    compare->add_option("--with", ca->with, "The other session's id")->required();
    compare->callback([ca, &exitCode] {
        sessionCompare(*ca);
        std::fflush(stdout);
        exitCode = 0;
    });
}

struct TagArgs {
    std::string db, session, triggerPoint, note, technique;
    int severity = 5;
    int seconds = -1;
    bool latent = false, treated = false;
};

void tagAdd(const TagArgs& a, const CLI::App& cmd)
{
    const std::string name = "tag add";
    records::nrs(name, "--severity", a.severity);
    if (!a.treated && (cmd.count("--technique") > 0 || cmd.count("--seconds") > 0))
        throw ArgumentError(name + ": --technique and --seconds go with --treated");
    if (cmd.count("--seconds") > 0 && a.seconds < 0)
        throw ArgumentError(name + ": --seconds must be 0 or more, got " + std::to_string(a.seconds));
    auto anatomy = records::loadAnatomy();
    const auto tp = anatomy->catalog.find(a.triggerPoint);
    if (!tp) {
        std::string msg = name + ": unknown trigger point \"" + a.triggerPoint + "\"";
        const auto close = anatomy->catalog.suggestions(a.triggerPoint);
        for (std::size_t i = 0; i < close.size(); ++i)
            msg += (i ? ", " : "; close matches: ") + close[i];
        throw ArgumentError(msg + " (`trigger-atlas list trigger-points` shows all)");
    }
    const core::TriggerPointInstance& inst = anatomy->catalog.instance(*tp);
    const core::Structure* structure = anatomy->model.get(inst.structure);
    if (!structure)
        throw ArgumentError(name + ": trigger point \"" + a.triggerPoint + "\" is on no structure of this model");
    auto store = records::openStore(a.db);
    rec::Finding f;
    f.session = records::requireSession(*store, name, a.session).session.id;
    f.structure = structure->id;
    f.position = inst.position;
    f.triggerPoint = anatomy->catalog.key(*tp);
    f.state = a.latent ? rec::FindingState::Latent : rec::FindingState::Active;
    f.severity = a.severity;
    f.note = a.note;
    f.treated = a.treated;
    f.technique = a.technique;
    if (cmd.count("--seconds") > 0)
        f.treatedSeconds = a.seconds;
    const rec::FindingId id = store->addFinding(std::move(f));
    std::printf("added finding %s\n", id.str().c_str());
}

void addTagCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("tag", "Trigger-point findings of a session");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Add a finding at a documented trigger point; prints its id last");
    auto a = std::make_shared<TagArgs>();
    records::addDbOption(*add, a->db);
    add->add_option("--session", a->session, "The session's id")->required();
    add->add_option("--trigger-point", a->triggerPoint, "A key like trapezius.upper.trp1-left, or an id (left side)")
        ->required();
    add->add_option("--severity", a->severity, "0-10")->capture_default_str();
    add->add_flag("--latent", a->latent, "A latent trigger point (default: active)");
    add->add_option("--note", a->note, "A note");
    add->add_flag("--treated", a->treated, "It was treated in this session");
    add->add_option("--technique", a->technique, "With --treated: the technique");
    add->add_option("--seconds", a->seconds, "With --treated: how long, in seconds");
    add->callback([a, add, &exitCode] {
        tagAdd(*a, *add);
        std::fflush(stdout);
        exitCode = 0;
    });
}

struct PainArgs {
    std::string db, session, region, side, quality = "aching";
    int intensity = -1;
};

void painAdd(const PainArgs& a)
{
    const std::string name = "pain add";
    const auto side = rec::sideFromString(a.side);
    if (!side)
        throw ArgumentError(name + ": unknown --side \"" + a.side + "\" (expected left, right or both)");
    const auto quality = rec::painQualityFromString(a.quality);
    if (!quality)
        throw ArgumentError(name + ": unknown --quality \"" + a.quality +
                            "\" (expected aching, burning, tingling, numbness, sharp or throbbing)");
    records::nrs(name, "--intensity", a.intensity);
    auto anatomy = records::loadAnatomy();
    auto store = records::openStore(a.db);
    const rec::SessionId session = records::requireSession(*store, name, a.session).session.id;
    const auto ids = session::addPainByRegion(*store, anatomy->model, anatomy->catalog, session, a.region, *side,
                                              a.intensity, *quality);
    for (const auto& id : ids)
        std::printf("added pain mark %s\n", id.str().c_str());
}

void addPainCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("pain", "Where a client feels pain in a session");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Mark pain in a named region; prints the mark's id last (both sides: two)");
    auto a = std::make_shared<PainArgs>();
    records::addDbOption(*add, a->db);
    add->add_option("--session", a->session, "The session's id")->required();
    add->add_option("--region", a->region, "A region id or alias; see `list regions`")->required();
    add->add_option("--side", a->side, "left | right | both")->required();
    add->add_option("--intensity", a->intensity, "0-10")->required();
    add->add_option("--quality", a->quality, "aching | burning | tingling | numbness | sharp | throbbing")
        ->capture_default_str();
    add->callback([a, &exitCode] {
        painAdd(*a);
        std::fflush(stdout);
        exitCode = 0;
    });
}

struct QuestionnaireArgs {
    std::string db, session, ndi, hit6;
};

void questionnaireAdd(const QuestionnaireArgs& a)
{
    const std::string name = "questionnaire add";
    if (a.ndi.empty() == a.hit6.empty())
        throw ArgumentError(name + ": give --ndi or --hit6 (one of them)");
    rec::QuestionnaireResponse q;
    q.kind = a.ndi.empty() ? rec::QuestionnaireKind::Hit6 : rec::QuestionnaireKind::Ndi;
    const std::string option = a.ndi.empty() ? "--hit6" : "--ndi";
    q.answers = records::integerList(name, option, a.ndi.empty() ? a.hit6 : a.ndi);
    std::string score;
    try {
        score = questionnaireLine(q); // validates the answers: count and range
    } catch (const ValidationError& e) {
        throw ArgumentError(name + ": " + option + ": " + e.what());
    }
    auto store = records::openStore(a.db);
    q.session = records::requireSession(*store, name, a.session).session.id;
    const rec::QuestionnaireId id = store->addQuestionnaire(std::move(q));
    std::printf("%s %s\n", score.c_str(), id.str().c_str());
}

void addQuestionnaireCommand(CLI::App& app, int& exitCode)
{
    auto* cmd = app.add_subcommand("questionnaire", "Questionnaires answered in a session (NDI, HIT-6)");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Record answers; prints the score, then the id last");
    auto a = std::make_shared<QuestionnaireArgs>();
    records::addDbOption(*add, a->db);
    add->add_option("--session", a->session, "The session's id")->required();
    add->add_option("--ndi", a->ndi, "Neck Disability Index: ten answers 0-5, comma-separated");
    add->add_option("--hit6", a->hit6, "HIT-6: six answers (0-4 never..always, or the points 6/8/10/11/13)");
    add->callback([a, &exitCode] {
        questionnaireAdd(*a);
        std::fflush(stdout);
        exitCode = 0;
    });
}

} // namespace

void addSessionRecordCommands(CLI::App& app, int& exitCode)
{
    addSessionCommand(app, exitCode);
    addTagCommand(app, exitCode);
    addPainCommand(app, exitCode);
    addQuestionnaireCommand(app, exitCode);
}

} // namespace ta::app
