#pragma once
// What the PDF reports and the FHIR export print, filled from the records, the model and the clinical data:
// the session report (findings, pain per region, likely sources, questionnaires, progress), the client
// handout in plain words (the main finding, where it sends pain, the self-care the data holds) and the FHIR
// context (display names and SNOMED codes). Images are the caller's: it renders them (app/report_views).
#include "core/anatomy_model.h"
#include "core/records/record_store.h"
#include "io/fhir/fhir_bundle.h"
#include "core/treatment/treatment_library.h"
#include "io/report/report_data.h"
#include "io/report/self_care.h"
#include "session/trigger_point_catalog.h"

#include <optional>
#include <string>

namespace ta::session {

/// Everything of the session report but its images. Throws ValidationError for an unknown session.
io::SessionReportData buildSessionReport(const core::records::RecordStore& store, const core::records::SessionId& session,
                                         const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                                         const std::string& therapist, io::PageSize pageSize);

/// The finding the handout explains: the most severe active finding matched to a documented trigger point
/// (else the most severe with one, else none).
std::optional<core::records::Finding> mainFinding(const core::records::SessionRecord& session);

/// The findings treated in `session`, one line each in plain words for the client: "Your upper trapezius:
/// firm, steady thumb pressure ... (60 s)". The technique is looked up by id or name in `treatment`.
std::vector<std::string> treatedInPlainWords(const core::records::SessionRecord& session, const core::AnatomyModel& model,
                                             TriggerPointCatalog& catalog, const core::TreatmentLibrary& treatment);

/// Everything of the client handout but its drawing; with `treatment`, the findings treated in the session
/// are said in plain words ("What we did today"). Throws ValidationError for an unknown session.
io::HandoutData buildHandout(const core::records::RecordStore& store, const core::records::SessionId& session,
                             const core::AnatomyModel& model, TriggerPointCatalog& catalog,
                             const io::SelfCareLibrary& selfCare, const std::string& therapist, io::PageSize pageSize,
                             const core::TreatmentLibrary* treatment = nullptr);

/// Names and codes for the FHIR bundle of `session`.
io::FhirContext buildFhirContext(const core::records::SessionRecord& session, const core::AnatomyModel& model,
                                 TriggerPointCatalog& catalog, const io::SnomedBodySites& codes);

} // namespace ta::session
