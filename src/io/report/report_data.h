#pragma once
// What the PDF reports print: plain structs that the session layer fills from the open client, session,
// model and referral data, so that io needs nothing from session. Every string is display text, ready to
// print (names, not ids); the writers add no knowledge of their own beyond fixed headings and safety lines.
#include "core/records/records.h"
#include "io/png_image.h"
#include "io/report/pdf_document.h"

#include <optional>
#include <string>
#include <vector>

namespace ta::io {

struct ReportImage {
    RgbaImage image; ///< empty: not shown
    std::string caption;
};

struct FindingRow {
    std::string muscle;       ///< display name, e.g. "Upper (descending) trapezius"
    std::string triggerPoint; ///< display name of the documented trigger point, or empty
    std::string side;         ///< "left", "right", "both" or empty
    core::records::FindingState state = core::records::FindingState::Active;
    int severity = 0; ///< 0..10
    bool treated = false;
    std::string technique;
    std::optional<int> treatedSeconds;
    std::string note;
    bool carriedOver = false;
};

struct PainRegionRow {
    std::string region; ///< display name, e.g. "Temple"
    std::string side;   ///< "left", "right", "both" or empty
    int peakIntensity = 0; ///< 0..10
    std::string quality;   ///< e.g. "aching"
};

struct CandidateRow {
    std::string triggerPoint; ///< display name
    std::string side;
    double score = 0.0;  ///< 0..1
    std::string reason;  ///< why it is a candidate, in words
};

struct QuestionnaireRow {
    std::string name;  ///< "NDI", "HIT-6"
    std::string score; ///< e.g. "NDI 14/50 (28 %)", "HIT-6 58: substantial impact"
};

struct ProgressPoint {
    std::string date; ///< "YYYY-MM-DD"
    double value = 0.0;
};

/// One chart of the report's progress section; series that share a chart are given together.
struct ProgressSeries {
    std::string name; ///< e.g. "NRS before"
    std::string unit; ///< e.g. "NRS 0-10", "days per week", "cm²"
    double yMin = 0.0;
    double yMax = 10.0;
    std::vector<ProgressPoint> points;
    std::string chart; ///< series with the same non-empty chart title share one chart; empty: own chart
};

struct SessionReportData {
    core::records::Client client;
    core::records::SessionRecord session; ///< SOAP, techniques, signature, addenda come from here
    std::string therapist;
    std::vector<ReportImage> images; ///< up to 3 (front, back, side); more are ignored
    std::vector<FindingRow> findings;
    std::vector<PainRegionRow> painRegions;
    double painAreaCm2 = 0.0; ///< area of the pain drawing on the skin, cm²
    std::vector<CandidateRow> candidates;
    std::vector<QuestionnaireRow> questionnaires;
    std::vector<ProgressSeries> progress;
    PageSize pageSize = PageSize::A4;
    std::string generatedAt; ///< shown in the footer; empty: now (local time)
    /// The credit an imported model's data requires (AnatomyModel::credit), printed under the pictures;
    /// empty for our own generated model.
    std::string modelCredit;
};

struct HandoutSelfCare {
    std::string text; ///< what to do, in plain words
    std::string dose; ///< how long / how often, e.g. "30 s, both sides, 3 times a day"
};

struct HandoutData {
    std::string clientFirstName;
    std::string date; ///< as printed, e.g. "2026-03-14"
    ReportImage drawing; ///< the client's drawing with the main finding's referral
    std::string mainMuscle; ///< plain name, e.g. "upper trapezius"
    /// The finding in plain words, e.g. "This knot in your shoulder sends pain to your temple."
    std::string findingInPlainWords;
    /// What was done today, one line a treated finding in plain words ("Your upper trapezius: firm, steady
    /// thumb pressure ... (60 s)"); may be empty.
    std::vector<std::string> treatedToday;
    /// A short list (the page holds about five). Fill it and `cautions` with fillSelfCare (self_care.h):
    /// the cautions carry the safety lines every handout must show (no deep pressure during a migraine).
    std::vector<HandoutSelfCare> selfCare;
    std::vector<std::string> cautions; ///< client-facing safety lines (SelfCareLibrary::clientCautions)
    std::string therapistNote;
    std::string therapist;
    std::string modelCredit; ///< as SessionReportData::modelCredit
    PageSize pageSize = PageSize::A4;
};

} // namespace ta::io
