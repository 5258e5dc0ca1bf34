#pragma once
// Subcommands of the trigger-atlas executable. Each add* function registers one CLI11 subcommand whose
// callback does the work and stores the process exit status in `exitCode`. Callbacks may throw ta::Error;
// main() prints its message as one line and exits non-zero.
#include "io/report/pdf_document.h"
#include "session/app_session.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace ta::app {

/// `trigger-atlas bake`: regenerate assets/models/neck-shoulder.glb from assets/anatomy/.
void addBakeCommand(CLI::App& app, int& exitCode);
/// `trigger-atlas import-model DIR|FILE --out model.glb [--triangles N]` (import_model_command.cpp).
void addImportModelCommand(CLI::App& app, int& exitCode);
/// `trigger-atlas list regions|trigger-points|structures`.
void addListCommand(CLI::App& app, int& exitCode);
/// `trigger-atlas search TEXT [--limit N]`: the window's search (session::SearchService), one result a line.
void addSearchCommand(CLI::App& app, int& exitCode);
/// `trigger-atlas lookup --region R ... --side S [--json]`, `--tags FILE`, or `--db F --session ID`.
void addLookupCommand(CLI::App& app, int& exitCode);
/// Client records, client side: `client add|list`, `journal add`, `export`, `import`
/// (records_client_commands.cpp). Commands that add a record print its id as the last word.
void addClientRecordCommands(CLI::App& app, int& exitCode);
/// Client records, session side: `session add|list|show|compare`, `tag add`, `pain add`, `questionnaire add`
/// (records_session_commands.cpp).
void addSessionRecordCommands(CLI::App& app, int& exitCode);

/// The clinic server: `clinic init|add-therapist|therapists`, `client share|unshare`, `audit`, `records copy`
/// (clinic_commands.cpp). Call after addClientRecordCommands (it adds to `client`).
void addClinicCommands(CLI::App& app, int& exitCode);
/// `trigger-atlas quiz sets|show|run|due|export|mastery` (quiz_commands.cpp): teaching mode.
void addQuizCommands(CLI::App& app, int& exitCode);

/// `trigger-atlas show trigger-point ID [--json]` (show_command.cpp): one trigger point whole.
void addShowCommand(CLI::App& app, int& exitCode);
/// `trigger-atlas protocol list|show NAME [--json]` (protocol_commands.cpp).
void addProtocolCommands(CLI::App& app, int& exitCode);

/// `trigger-atlas report` and `trigger-atlas handout` (PDF, pictures rendered off-screen).
void addReportCommands(CLI::App& app, int& exitCode);
/// Writes the open record session of `session` as a PDF report or client handout, with pictures rendered
/// in the current GL context (the window's, or an off-screen one). Throws ArgumentError (no session open),
/// IoError (the file exists and `overwrite` is false, or cannot be written), ValidationError.
enum class PdfKind { Report, Handout };
void writeSessionPdf(session::AppSession& session, PdfKind kind, const std::filesystem::path& out,
                     const std::string& therapist, io::PageSize page, bool overwrite);
/// The FHIR R4 bundle of one session of a client (its latest when `session` is empty), written 0600.
/// Throws ArgumentError (unknown client or session), IoError.
void exportFhirBundle(const std::string& db, const std::string& client, const std::string& session,
                      const std::filesystem::path& out);

} // namespace ta::app
