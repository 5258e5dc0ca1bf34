#include "io/report/session_report.h"

#include "io/report/pdf_document.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

namespace ta::io {

namespace rec = core::records;

namespace {

const TextStyle kBody{10.0, false, false, {0.1, 0.1, 0.1}, 4.0};
const TextStyle kLabel{10.0, true, false, {0.1, 0.1, 0.1}, 1.0};
const TextStyle kMuted{9.0, false, true, {0.4, 0.4, 0.4}, 4.0};

/// "2026-03-14T10:30" -> "2026-03-14 10:30"; other text unchanged.
std::string humanTime(std::string s)
{
    if (s.size() >= 16 && s[10] == 'T') s[10] = ' ';
    if (!s.empty() && s.back() == 'Z') s = s.substr(0, s.size() - 1) + " UTC";
    return s;
}

std::string nowLocal()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::string nrs(const std::optional<int>& v) { return v ? std::to_string(*v) + "/10" : "not recorded"; }

std::string formatDouble(double v, int decimals)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

void labelled(PdfDocument& doc, const std::string& label, const std::string& text)
{
    if (text.empty()) return;
    doc.paragraph(label, kLabel);
    doc.paragraph(text, kBody);
}

void titleBlock(PdfDocument& doc, const SessionReportData& d)
{
    const rec::Session& s = d.session.session;
    doc.heading("Session report: " + d.client.name, 1);
    std::string who = "Client: " + d.client.name;
    if (!d.client.reference.empty()) who += "    Reference: " + d.client.reference;
    if (d.client.dateOfBirth) who += "    Date of birth: " + *d.client.dateOfBirth;
    doc.paragraph(who, kBody);
    std::string when = "Session: " + humanTime(s.dateTime);
    if (!d.therapist.empty()) when += "    Therapist: " + d.therapist;
    doc.paragraph(when, kBody);
    if (!s.reason.empty()) doc.paragraph("Reason for the visit: " + s.reason, kBody);
    doc.paragraph("Pain before: " + nrs(s.painBefore) + "    Pain after: " + nrs(s.painAfter), kLabel);
    doc.spacer(4);
    doc.rule();
}

void findingsSection(PdfDocument& doc, const SessionReportData& d)
{
    if (d.findings.empty()) return;
    doc.heading("Findings", 2);
    PdfTable t;
    t.header = {"Muscle", "Trigger point", "Side", "State", "Severity", "Treatment", "Note"};
    t.relativeWidths = {2.2, 1.8, 0.8, 0.9, 1.1, 2.0, 2.2};
    for (const FindingRow& f : d.findings) {
        std::string treatment = "not treated";
        if (f.treated) {
            treatment = f.technique.empty() ? "treated" : f.technique;
            if (f.treatedSeconds) treatment += ", " + std::to_string(*f.treatedSeconds) + " s";
        }
        std::string note = f.note;
        if (f.carriedOver) note = "Carried over from the last session, not yet confirmed. " + note;
        t.rows.push_back({f.muscle, f.triggerPoint.empty() ? "-" : f.triggerPoint, f.side,
                          std::string(rec::toString(f.state)), std::to_string(f.severity) + "/10", treatment, note});
    }
    doc.table(t);
}

void painSection(PdfDocument& doc, const SessionReportData& d)
{
    if (d.painRegions.empty() && d.painAreaCm2 <= 0.0) return;
    doc.heading("Where it hurts", 2);
    if (!d.painRegions.empty()) {
        PdfTable t;
        t.header = {"Region", "Side", "Peak intensity", "Quality"};
        t.relativeWidths = {3, 1, 1.3, 1.5};
        for (const PainRegionRow& r : d.painRegions)
            t.rows.push_back({r.region, r.side, std::to_string(r.peakIntensity) + "/10", r.quality});
        doc.table(t);
    }
    if (d.painAreaCm2 > 0.0)
        doc.paragraph("Area of the pain drawing: " + formatDouble(d.painAreaCm2, 1) + " cm²", kBody);
}

void candidatesSection(PdfDocument& doc, const SessionReportData& d)
{
    if (d.candidates.empty()) return;
    doc.heading("Candidate trigger points", 2);
    doc.paragraph("Trigger points whose documented referral matches the pain drawing, best match first. "
                  "A candidate is a suggestion to examine, not a finding.",
                  kMuted);
    PdfTable t;
    t.header = {"Trigger point", "Side", "Match", "Why"};
    t.relativeWidths = {2.2, 0.8, 0.8, 4.5};
    for (const CandidateRow& c : d.candidates)
        t.rows.push_back({c.triggerPoint, c.side, std::to_string(static_cast<int>(std::lround(c.score * 100))) + " %",
                          c.reason});
    doc.table(t);
}

void notesSection(PdfDocument& doc, const SessionReportData& d)
{
    const rec::Session& s = d.session.session;
    const rec::SoapNotes& n = s.soap;
    if (!n.subjective.empty() || !n.objective.empty() || !n.assessment.empty() || !n.plan.empty()) {
        doc.heading("SOAP notes", 2);
        labelled(doc, "Subjective", n.subjective);
        labelled(doc, "Objective", n.objective);
        labelled(doc, "Assessment", n.assessment);
        labelled(doc, "Plan", n.plan);
    }
    if (!s.techniques.empty()) {
        doc.heading("Techniques", 2);
        for (const std::string& t : s.techniques) doc.bullet(t, kBody);
    }
    if (!d.questionnaires.empty()) {
        doc.heading("Questionnaires", 2);
        for (const QuestionnaireRow& q : d.questionnaires)
            doc.bullet(q.score.empty() ? q.name : q.score, kBody);
    }
    if (!d.session.addenda.empty()) {
        doc.heading("Addenda", 2);
        for (const rec::Addendum& a : d.session.addenda) {
            std::string head = humanTime(a.at);
            if (!a.author.empty()) head += ", " + a.author;
            doc.paragraph(head, kLabel);
            doc.paragraph(a.text, kBody);
        }
    }
    doc.spacer(4);
    if (s.signature)
        doc.paragraph("Signed by " + s.signature->by + " at " + humanTime(s.signature->at), kLabel);
    else
        doc.paragraph("Not signed", kLabel);
}

void progressSection(PdfDocument& doc, const SessionReportData& d)
{
    if (d.progress.empty()) return;
    // Group series by chart title, in the order first given.
    std::vector<LineChart> charts;
    std::map<std::string, std::size_t> byTitle;
    for (const ProgressSeries& s : d.progress) {
        ChartSeries cs{s.name, {}};
        for (const ProgressPoint& p : s.points) cs.points.push_back({p.date, p.value});
        const std::string title = s.chart.empty() ? s.name : s.chart;
        auto it = s.chart.empty() ? byTitle.end() : byTitle.find(s.chart);
        if (it == byTitle.end()) {
            LineChart c;
            c.title = title;
            c.yLabel = s.unit;
            c.yMin = s.yMin;
            c.yMax = s.yMax;
            c.heightPt = 130.0;
            if (!s.chart.empty()) byTitle[s.chart] = charts.size();
            charts.push_back(std::move(c));
            charts.back().series.push_back(std::move(cs));
        } else {
            charts[it->second].series.push_back(std::move(cs));
        }
    }
    doc.heading("Progress", 2);
    for (const LineChart& c : charts) doc.lineChart(c);
}

} // namespace

namespace {

/// Lays the whole report out; finishes (renames onto `file`) only when `commit`. Returns the page count.
int layOut(const SessionReportData& d, const std::filesystem::path& file, bool overwrite, int totalPages, bool commit)
{
    PdfDocument::Options opt;
    opt.pageSize = d.pageSize;
    opt.title = "Session report: " + d.client.name + ", " + humanTime(d.session.session.dateTime);
    opt.footerText = "TriggerAtlas session report, " + d.client.name + ". Generated " +
                     (d.generatedAt.empty() ? nowLocal() : d.generatedAt) + ". Confidential health record.";
    opt.totalPages = totalPages;
    PdfDocument doc(file, overwrite, opt);

    titleBlock(doc, d);
    std::vector<CaptionedImage> imgs;
    for (std::size_t i = 0; i < d.images.size() && i < 3; ++i)
        imgs.push_back({&d.images[i].image, d.images[i].caption});
    doc.imageRow(imgs);
    if (!d.modelCredit.empty()) doc.paragraph("Anatomy model: " + d.modelCredit, kLabel);
    findingsSection(doc, d);
    painSection(doc, d);
    candidatesSection(doc, d);
    notesSection(doc, d);
    progressSection(doc, d);
    const int pages = doc.pageCount();
    if (commit) doc.finish();
    return pages; // unfinished: the temporary is removed
}

} // namespace

void writeSessionReport(const SessionReportData& d, const std::filesystem::path& file, bool overwrite)
{
    // Twice: once to count the pages for "Page n of N", then for real (the footer never changes the flow).
    SessionReportData fixed = d;
    if (fixed.generatedAt.empty()) fixed.generatedAt = nowLocal();
    const int pages = layOut(fixed, file, overwrite, 0, false);
    layOut(fixed, file, overwrite, pages, true);
}

} // namespace ta::io
