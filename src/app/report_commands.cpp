// `trigger-atlas report` and `trigger-atlas handout`: a session's PDF report and the client's one-page
// handout, with pictures of the drawing rendered off-screen; and the FHIR R4 bundle of a session for
// `export --format fhir`. Each prints the file written and the session's id last.
#include "app/commands.h"
#include "app/headless.h"
#include "app/records_cli.h"
#include "app/report_views.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "io/asset_paths.h"
#include "io/fhir/fhir_bundle.h"
#include "io/gltf_reader.h"
#include "io/report/client_handout.h"
#include "io/report/session_report.h"
#include "session/app_session.h"
#include "session/records/report_builder.h"

#include <chrono>
#include <cstdio>
#include <memory>

namespace ta::app {
namespace {

namespace rec = core::records;

struct ReportArgs {
    std::string db, session, out, page = "a4", therapist;
    bool force = false;
};

io::PageSize pageSize(const std::string& cmd, const std::string& page)
{
    if (page == "a4" || page == "A4")
        return io::PageSize::A4;
    if (page == "letter" || page == "Letter")
        return io::PageSize::Letter;
    throw ArgumentError(cmd + ": unknown --page \"" + page + "\" (expected a4 or letter)");
}

void refuseExisting(const std::string& cmd, const std::filesystem::path& out, bool force)
{
    std::error_code ec;
    if (std::filesystem::exists(out, ec) && !force)
        throw ArgumentError(cmd + ": " + out.string() + " exists; give --force to replace it");
}

/// A session open in an off-screen session layer with the committed model, for rendering its pictures.
struct OffscreenSession {
    std::unique_ptr<render::GlContext> context = requireHeadlessContext();
    session::AppSession session;
    rec::SessionRecord record;

    OffscreenSession(const std::string& cmd, const std::string& db, const std::string& sessionId)
    {
        auto store = records::openStore(db);
        record = records::requireSession(*store, cmd, sessionId);
        session.attachRecords(std::move(store));
        session.camera().setViewport(800, 800);
        session.openModel(io::loadModel(io::defaultModelPath()), io::defaultModelPath(), io::assetPath("data"));
        session.openClient(record.session.client);
        session.openRecordSession(record.session.id);
    }
    rec::RecordStore& store() { return session.records()->store(); }
};

void writePdf(const ReportArgs& a, PdfKind kind)
{
    const std::string cmd = kind == PdfKind::Handout ? "handout" : "report";
    const std::filesystem::path out(a.out);
    refuseExisting(cmd, out, a.force);
    OffscreenSession s(cmd, a.db, a.session);
    writeSessionPdf(s.session, kind, out, a.therapist, pageSize(cmd, a.page), a.force);
    std::printf("wrote %s %s\n", out.string().c_str(), s.record.session.id.str().c_str());
}

void addReportCommand(CLI::App& app, int& exitCode, bool handout)
{
    auto* cmd = handout ? app.add_subcommand("handout", "A one-page PDF for the client: their drawing, the main finding in "
                                                        "plain words and self-care; prints the session's id last")
                        : app.add_subcommand("report", "A session's PDF report: drawing from three sides, findings, likely "
                                                       "sources, notes, questionnaires, progress; prints the session's id last");
    auto a = std::make_shared<ReportArgs>();
    records::addDbOption(*cmd, a->db);
    cmd->add_option("--session", a->session, "The session's id")->required();
    cmd->add_option("--out", a->out, "The PDF to write (mode 0600)")->required();
    cmd->add_option("--page", a->page, "a4 | letter")->capture_default_str();
    cmd->add_option("--therapist", a->therapist, "Your name, as printed");
    cmd->add_flag("--force", a->force, "Replace an existing file");
    cmd->callback([a, &exitCode, handout] {
        writePdf(*a, handout ? PdfKind::Handout : PdfKind::Report);
        std::fflush(stdout);
        exitCode = 0;
    });
}

} // namespace

void writeSessionPdf(session::AppSession& s, PdfKind kind, const std::filesystem::path& out, const std::string& therapist,
                     io::PageSize page, bool overwrite)
{
    session::RecordBook* book = s.records();
    if (!book || !book->current())
        throw ArgumentError("no client session is open");
    const rec::SessionRecord record = *book->current();
    if (kind == PdfKind::Report) {
        io::SessionReportData data =
            session::buildSessionReport(book->store(), record.session.id, s.model(), s.catalog(), therapist, page);
        data.modelCredit = s.model().credit;
        data.images = renderSessionViews(s, {core::ViewPreset::Anterior, core::ViewPreset::Posterior, core::ViewPreset::Left},
                                         560, 700);
        io::writeSessionReport(data, out, overwrite);
        return;
    }
    // The self-care the session loaded with the treatment data; read here only when that did not load.
    std::optional<io::SelfCareLibrary> ownSelfCare;
    if (!s.treatment())
        ownSelfCare = io::SelfCareLibrary::load(io::assetPath("data") / "self-care.json");
    const io::SelfCareLibrary& selfCare = s.treatment() ? s.treatment()->selfCare() : *ownSelfCare;
    io::HandoutData data = session::buildHandout(book->store(), record.session.id, s.model(), s.catalog(), selfCare, therapist, page,
                                                 s.treatment() ? &s.treatment()->treatment() : nullptr);
    data.modelCredit = s.model().credit;
    // The client's drawing with the main finding's referral over it, seen from the side it is on.
    std::optional<core::TriggerPointId> tp;
    core::ViewPreset view = core::ViewPreset::Anterior;
    if (const auto main = session::mainFinding(record); main && main->triggerPoint)
        if ((tp = s.catalog().find(*main->triggerPoint)))
            view = s.catalog().instance(*tp).key.side == core::Side::Left ? core::ViewPreset::Left : core::ViewPreset::Right;
    auto images = renderSessionViews(s, {view}, 640, 640, tp);
    data.drawing = images.front();
    data.drawing.caption = tp ? "Blue: where you feel it. Red: where this knot can send pain." : "Blue: where you feel it.";
    io::writeClientHandout(data, out, overwrite);
}

void addReportCommands(CLI::App& app, int& exitCode)
{
    addReportCommand(app, exitCode, false);
    addReportCommand(app, exitCode, true);
}

void exportFhirBundle(const std::string& db, const std::string& clientId, const std::string& sessionId,
                      const std::filesystem::path& out)
{
    auto store = records::openStore(db);
    const rec::Client client = records::requireClient(*store, "export", clientId);
    std::string id = sessionId;
    if (id.empty()) {
        const auto sessions = store->listSessions(client.id);
        if (sessions.empty())
            throw ArgumentError("export: " + client.name + " has no session to export as FHIR");
        id = sessions.back().id.str();
    }
    const rec::SessionRecord record = records::requireSession(*store, "export", id);
    if (record.session.client != client.id)
        throw ArgumentError("export: session " + id + " is not one of " + client.name + "'s");
    auto anatomy = records::loadAnatomy();
    const io::SnomedBodySites codes = io::SnomedBodySites::load(io::assetPath("data") / "snomed-body-sites.json");
    const io::FhirContext context = session::buildFhirContext(record, anatomy->model, anatomy->catalog, codes);
    const nlohmann::json bundle = io::sessionBundle(client, record, context);
    core::writeFileAtomically(out, bundle.dump(2) + "\n");
    std::printf("exported %s %s\n", out.string().c_str(), record.session.id.str().c_str());
}

} // namespace ta::app
