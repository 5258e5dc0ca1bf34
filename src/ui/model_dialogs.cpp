#include "ui/model_dialogs.h"

#include "session/model_files.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace ta::ui {
namespace {

const ImVec4 kErrorColour(0.95f, 0.45f, 0.40f, 1.0f);

void centreNextWindow(float widthEm)
{
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 0.5f * vp->WorkSize.x, vp->WorkPos.y + 0.25f * vp->WorkSize.y),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
    // The width stays; the height follows what the dialog shows (an error line, the progress bar).
    ImGui::SetNextWindowSize(ImVec2(widthEm * em, 0.0f), ImGuiCond_Always);
}

void errorLine(const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// The keyboard goes to the first field of a dialog just opened once the menu that opened it has closed (the
// closing menu gives the focus back to the window under it), asked again each frame until the field has it.
void askFocus(ModelDialogState& d)
{
    if (d.focusFrames > 0 && !ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
        --d.focusFrames;
    }
}

void gotFocus(ModelDialogState& d)
{
    if (ImGui::IsItemActive())
        d.focusFrames = 0;
}

void requestOpen(UiState& ui, const std::string& file)
{
    ui.models.openRequest = file;
    ui.models.openError.clear();
    ui.models.showOpen = false;
}

void drawOpenDialog(session::AppSession& s, UiState& ui)
{
    ModelDialogState& d = ui.models;
    if (!d.showOpen)
        return;
    centreNextWindow(34.0f);
    if (!ImGui::Begin("Open model", &d.showOpen, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Open now: %s", s.modelPath().filename().string().c_str());
    ImGui::TextWrapped("A model file (.glb): the built-in model, or one made with File > Import model...");
    // The keyboard goes to the path field once the menu that opened the dialog has closed (a frame later:
    // the closing menu gives the focus back to the window under it).
    askFocus(d);
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputTextWithHint("##modelpath", "/path/to/model.glb", &d.openPath,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    gotFocus(d);
    const std::string typed = session::typedPath(d.openPath).string();
    const auto problem = session::modelFileProblem(typed);
    if (!d.openPath.empty() && problem)
        errorLine(d.openPath + ": " + *problem);
    if (!d.openError.empty())
        errorLine(d.openError);
    ImGui::BeginDisabled(problem.has_value());
    if (ImGui::Button("Open") || (enter && !problem))
        requestOpen(ui, typed);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Built-in model"))
        requestOpen(ui, "");
    ImGui::SameLine();
    if (ImGui::Button("Cancel"))
        d.showOpen = false;
    const auto& recent = s.settings().recentModels;
    if (!recent.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("Recent models (double-click opens)");
        for (const std::string& file : recent) {
            const bool missing = session::modelFileProblem(file).has_value();
            const std::string label = missing ? file + "  (missing)" : file;
            ImGui::BeginDisabled(missing);
            if (ImGui::Selectable(label.c_str(), d.openPath == file, ImGuiSelectableFlags_AllowDoubleClick)) {
                d.openPath = file;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                    requestOpen(ui, file);
            }
            ImGui::EndDisabled();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
}

std::string megabytes(std::uintmax_t bytes)
{
    char text[32];
    static_cast<void>(std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1.0e6));
    return text;
}

/// A finished job becomes the summary or the error line; the job goes.
void collectImport(ModelDialogState& d)
{
    if (!d.job || !d.job->finished())
        return;
    d.job->wait();
    if (const auto& r = d.job->result()) {
        const io::ImportReport& rep = r->report;
        d.imported = d.job->request().output.string();
        d.importSummary =
            "Wrote " + d.imported + " (" + megabytes(r->bytes) + "): " + std::to_string(rep.mapped.size()) +
            " structures imported, " + std::to_string(rep.missing.size()) + " taken from the built-in model, " +
            std::to_string(rep.unmapped.size()) + " files not matched, " + std::to_string(rep.trianglesKept) +
            " triangles, fibres for " + std::to_string(rep.fibresDerived) + " muscles.";
        if (!rep.credit.empty())
            d.importSummary += "\nCredit: " + rep.credit;
    } else if (d.job->cancelled()) {
        d.importError = "Import cancelled; nothing was written.";
    } else {
        d.importError = d.job->error();
    }
    d.job.reset();
}

void startImport(ModelDialogState& d, bool replace)
{
    d.importError.clear();
    d.importSummary.clear();
    d.imported.clear();
    d.confirmReplace = false;
    session::ModelImportRequest request;
    request.source = session::typedPath(d.importSource);
    request.output = session::typedPath(d.importOutput);
    request.triangleBudget = d.importTriangles > 0 ? static_cast<std::size_t>(d.importTriangles) : 0;
    request.replace = replace;
    try {
        session::checkModelImport(request); // a bad output fails at once, before a thread starts
        d.job = std::make_unique<session::ModelImportJob>(std::move(request));
    } catch (const std::exception& e) {
        d.importError = e.what();
    }
}

void drawImportDialog(UiState& ui)
{
    ModelDialogState& d = ui.models;
    collectImport(d);
    if (!d.showImport)
        return;
    const bool running = d.job != nullptr;
    centreNextWindow(36.0f);
    // No close button while an import runs: Cancel stops it.
    if (!ImGui::Begin("Import model", running ? nullptr : &d.showImport, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextWrapped("A BodyParts3D folder (files FMA<id>.obj or .stl) or one OBJ, STL, PLY, FBX, DAE or glTF "
                       "file, made into a model with our structures, trigger points and referral.");
    ImGui::BeginDisabled(running);
    ImGui::TextDisabled("Folder or file to import");
    askFocus(d);
    ImGui::SetNextItemWidth(-1.0f);
    // The output follows the source until it is edited by hand.
    if (ImGui::InputTextWithHint("##importsource", "/path/to/BodyParts3D", &d.importSource) && !d.importOutputEdited)
        d.importOutput = suggestedImportOutput(d.importSource);
    gotFocus(d);
    const auto sourceProblem = session::importSourceProblem(session::typedPath(d.importSource));
    if (!d.importSource.empty() && sourceProblem)
        errorLine(d.importSource + ": " + *sourceProblem);
    ImGui::TextDisabled("Model file to write (.glb)");
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::InputTextWithHint("##importoutput", "/path/to/model.glb", &d.importOutput))
        d.importOutputEdited = !d.importOutput.empty();
    ImGui::SetNextItemWidth(10.0f * ImGui::GetFontSize());
    ImGui::InputInt("Triangles (0 = all)", &d.importTriangles, 10000, 100000);
    d.importTriangles = std::max(0, d.importTriangles);
    ImGui::EndDisabled();

    if (running) {
        const float f = static_cast<float>(d.job->progress());
        char label[32];
        static_cast<void>(std::snprintf(label, sizeof label, "%.0f %%", 100.0 * f));
        ImGui::ProgressBar(f, ImVec2(-1.0f, 0.0f), label);
        ImGui::BeginDisabled(d.job->cancelRequested());
        if (ImGui::Button(d.job->cancelRequested() ? "Cancelling..." : "Cancel"))
            d.job->cancel();
        ImGui::EndDisabled();
    } else if (d.confirmReplace) {
        errorLine(d.importOutput + " exists. Replace it?");
        if (ImGui::Button("Replace"))
            startImport(d, true);
        ImGui::SameLine();
        if (ImGui::Button("Keep it"))
            d.confirmReplace = false;
    } else {
        ImGui::BeginDisabled(sourceProblem.has_value() || d.importOutput.empty());
        if (ImGui::Button("Import")) {
            std::error_code ec;
            if (std::filesystem::exists(session::typedPath(d.importOutput), ec))
                d.confirmReplace = true; // never replaced without asking
            else
                startImport(d, false);
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Close"))
            d.showImport = false;
    }
    if (!d.importError.empty())
        errorLine(d.importError);
    if (!d.importSummary.empty() && !running) {
        ImGui::Separator();
        ImGui::TextWrapped("%s", d.importSummary.c_str());
        if (!d.imported.empty() && ImGui::Button("Open it now")) {
            requestOpen(ui, d.imported);
            d.showImport = false;
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
}

} // namespace

std::string suggestedImportOutput(const std::string& source)
{
    std::string name = session::typedPath(source).string();
    while (name.size() > 1 && name.back() == '/') // "folder/" names the folder
        name.pop_back();
    const std::string stem = std::filesystem::path(name).stem().string();
    const char* home = std::getenv("HOME");
    const std::filesystem::path dir = std::filesystem::path(home ? home : ".") / "trigger-atlas" / "models";
    // A partial entry ("/", "~/", "..") names no model: the home folder's own name would be a poor suggestion.
    std::string homeName = home ? std::string(home) : std::string();
    while (homeName.size() > 1 && homeName.back() == '/')
        homeName.pop_back();
    const bool named = !stem.empty() && stem != "." && stem != ".." && (homeName.empty() || name != homeName);
    return (dir / ((named ? stem : std::string("imported")) + ".glb")).string();
}

void drawModelMenuItems(const session::AppSession& /*s*/, UiState& ui)
{
    ImGui::Separator();
    if (ImGui::MenuItem("Open model...", nullptr, false, !ui.models.openRequest)) {
        ui.models.showOpen = true;
        ui.models.focusFrames = 4;
        ui.models.openError.clear();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Open another model file (.glb): an imported one, or the built-in model");
    if (ImGui::MenuItem("Import model...")) {
        ui.models.showImport = true;
        ui.models.focusFrames = 4;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Turn a BodyParts3D download or a mesh file into a model (.glb)");
    ImGui::Separator();
}

void drawModelDialogs(session::AppSession& s, UiState& ui)
{
    if (!ui.models.showOpen && !ui.models.showImport)
        ui.models.focusFrames = 0; // closed before its field took the keyboard: the loop may sleep again
    drawOpenDialog(s, ui);
    drawImportDialog(ui);
}

} // namespace ta::ui
