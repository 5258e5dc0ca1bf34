#include "ui/protocol_panel.h"

#include "core/error.h"
#include "ui/panel_layout.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace ta::ui {
namespace {

const ImVec4 kCaution(1.0f, 0.78f, 0.35f, 1.0f);
const ImVec4 kGood(0.45f, 0.9f, 0.45f, 1.0f);
constexpr double kCueSeconds = 2.0; ///< how long the timer glows after the hold time is reached

std::string clock(double seconds)
{
    const int s = static_cast<int>(std::floor(seconds + 1e-6));
    char buf[16];
    static_cast<void>(std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60));
    return buf;
}

void chooser(session::AppSession& s, UiState& ui)
{
    const session::TreatmentService* t = s.treatment();
    if (!t) {
        ImGui::TextDisabled("Treatment data not loaded.");
        return;
    }
    const auto& all = t->protocols().all();
    if (all.empty()) {
        ImGui::TextDisabled("No protocols installed.");
        return;
    }
    ui.protocolChoice = std::min(ui.protocolChoice, static_cast<int>(all.size()) - 1);
    for (int i = 0; i < static_cast<int>(all.size()); ++i)
        if (ImGui::RadioButton(all[static_cast<std::size_t>(i)].protocol.name.c_str(), ui.protocolChoice == i))
            ui.protocolChoice = i;
    const session::ResolvedProtocol& p = all[static_cast<std::size_t>(ui.protocolChoice)];
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextWrapped("%s", p.protocol.summary.c_str());
    ImGui::TextDisabled("%zu steps, %d s of holds a side", p.steps.size(), p.totalHoldSeconds());
    ImGui::Separator();
    ImGui::TextDisabled("Before you start, check:");
    for (const auto& c : p.screen) {
        ImGui::PushStyleColor(ImGuiCol_Text, kCaution);
        ImGui::Bullet();
        ImGui::TextWrapped("%s: %s", c.title.c_str(), c.action.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    ImGui::TextUnformatted("Side worked on:");
    ImGui::SameLine();
    ImGui::RadioButton("Left", &ui.protocolSide, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Right", &ui.protocolSide, 1);
    if (ImGui::Button("Start")) {
        try {
            s.startProtocol(p.protocol.id, ui.protocolSide == 1 ? core::Side::Right : core::Side::Left);
        } catch (const Error& e) {
            s.notify(e.what(), true);
        }
    }
}

void timer(session::AppSession& s, UiState& ui, session::ProtocolRun& run)
{
    const double now = s.now();
    const int hold = run.step().step.holdSeconds;
    if (run.takeCue(now)) {
        ui.protocolCueAt = now;
        s.notify("Hold complete (" + std::to_string(hold) + " s): release slowly");
    }
    if (hold <= 0) {
        ImGui::TextDisabled("No timed hold for this step.");
        return;
    }
    const double held = run.held(now);
    const bool reached = run.holdReached(now);
    const bool glowing = ui.protocolCueAt >= 0.0 && now - ui.protocolCueAt < kCueSeconds;
    ImGui::SetWindowFontScale(1.8f);
    ImGui::PushStyleColor(ImGuiCol_Text, reached ? kGood : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::Text("%s / %s", clock(held).c_str(), clock(hold).c_str());
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0f);
    const float fraction = static_cast<float>(std::min(1.0, held / hold));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, glowing || reached ? kGood : ImVec4(0.35f, 0.6f, 0.95f, 1.0f));
    ImGui::ProgressBar(fraction, ImVec2(-1.0f, 0.0f), reached ? "hold complete" : "");
    ImGui::PopStyleColor();
    if (!run.holding()) {
        if (ImGui::Button(held > 0.0 ? "Resume hold" : "Start hold"))
            run.startHold(now);
    } else if (ImGui::Button("Pause")) {
        run.pauseHold(now);
    }
    ImGui::SameLine();
    if (ImGui::Button("Reset"))
        run.resetHold();
}

void stepper(session::AppSession& s, UiState& ui, session::ProtocolRun& run)
{
    const session::ResolvedStep& step = run.step();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s, %s side", run.protocol().protocol.name.c_str(),
                        run.side() == core::Side::Right ? "right" : "left");
    ImGui::Text("Step %zu of %zu: %s", run.index() + 1, run.size(), step.title.c_str());
    ImGui::TextWrapped("%s%s", step.techniqueName.c_str(),
                       step.step.holdSeconds > 0 ? (", hold " + std::to_string(step.step.holdSeconds) + " s").c_str()
                                                 : "");
    if (!step.step.note.empty())
        ImGui::TextWrapped("%s", step.step.note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    timer(s, ui, run);
    ImGui::Spacing();
    if (ImGui::Button("< Previous"))
        s.protocolStep(-1);
    ImGui::SameLine();
    if (ImGui::Button("Done"))
        s.markProtocolStepDone();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Mark this step done; with a client session open, its finding is marked treated");
    ImGui::SameLine();
    if (ImGui::Button("Next >"))
        s.protocolStep(+1);
    ImGui::SameLine();
    if (ImGui::Button("End")) {
        s.endProtocol();
        return;
    }
    ImGui::Separator();
    for (std::size_t i = 0; i < run.size(); ++i) {
        const auto& st = run.protocol().steps[i];
        const std::string label = std::string(run.done(i) ? "[x] " : "[ ] ") + std::to_string(i + 1) + ". " + st.title;
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(label.c_str(), i == run.index())) {
            run.goTo(i);
            s.showProtocolStep();
        }
        ImGui::PopID();
    }
    if (run.complete()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(kGood, "Every step done.");
        ImGui::TextWrapped("%s", run.protocol().protocol.finish.c_str());
        ImGui::PopTextWrapPos();
    }
}

} // namespace

void drawProtocolPanel(session::AppSession& s, UiState& ui)
{
    // A protocol started from the command line (--protocol) opens the window once.
    if (s.protocolRun() && !ui.protocolOpenedOnce)
        ui.showProtocol = true;
    ui.protocolOpenedOnce = ui.protocolOpenedOnce || s.protocolRun() != nullptr;
    if (!ui.showProtocol)
        return;
    // First placed in the view just left of the docked right-hand panels, below the search box.
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const PanelLayout layout = layoutPanels({vp->WorkPos.x, vp->WorkPos.y}, {vp->WorkSize.x, vp->WorkSize.y}, em);
    const PanelRect& info = layout[Panel::Info];
    const PanelRect& search = layout[Panel::Search];
    const float width = 24.0f * em;
    ImGui::SetNextWindowPos(ImVec2(info.pos.x - width - 0.5f * em, search.max().y + 0.5f * em), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(width, 26.0f * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Protocol", &ui.showProtocol)) {
        ImGui::End();
        return;
    }
    if (session::ProtocolRun* run = s.protocolRun())
        stepper(s, ui, *run);
    else
        chooser(s, ui);
    ImGui::End();
}

} // namespace ta::ui
