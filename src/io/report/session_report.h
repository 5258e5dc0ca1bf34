#pragma once
// The session report: a PDF of one treatment session for the client's file (or a referral letter's
// enclosure): title block, pain before/after, the body images, findings, pain regions, candidate trigger
// points, SOAP notes, techniques, questionnaires, addenda, signature and the progress charts.
#include "io/report/report_data.h"

#include <filesystem>

namespace ta::io {

/// Writes the report to `file` (temporary then rename, mode 0600, see PdfDocument). Sections without
/// data are left out, except the signature line, which always says who signed or "Not signed".
/// Throws IoError naming the file ("exists" when it exists and !overwrite; the file is then untouched).
void writeSessionReport(const SessionReportData& data, const std::filesystem::path& file, bool overwrite);

} // namespace ta::io
