#include "ui/explore_ui.h"

#include "ui/action_dispatch.h"
#include "ui/client_panel.h"
#include "ui/about_model.h"
#include "ui/model_dialogs.h"
#include "ui/protocol_panel.h"
#include "ui/quiz_panel.h"
#include "ui/info_panel.h"
#include "ui/layers_panel.h"
#include "ui/menu_bar.h"
#include "ui/search_box.h"
#include "ui/shortcut_help.h"
#include "ui/status_line.h"
#include "ui/tag_panel.h"
#include "ui/trigger_point_panel.h"
#include "ui/view_overlay.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <GLFW/glfw3.h>

namespace ta::ui {
namespace {

constexpr float kClickSlopPixels = 4.0f;   // a press that moves farther is a drag, not a click
constexpr float kMarkerPickRadius = 9.0f;  // in ImGui units

} // namespace

void ExploreUi::shortcuts(bool uiWantsKeyboard)
{
    // Every press since the last frame, in order, however long that frame took (see input_queue.h).
    m_ui.frameEvents = m_ui.input.take();
    m_ui.input.putBack(keysAfterAClick(m_ui.frameEvents));
    const bool textInput = ImGui::GetIO().WantTextInput && uiWantsKeyboard;
    // A model dialog open, or opened by an earlier press of this batch, has the keyboard although ImGui
    // gives its field the focus only a frame or two later: letters typed at once must not peel or x-ray.
    const auto dialogOpen = [&] { return m_ui.models.showOpen || m_ui.models.showImport; };
    for (const InputEvent& e : m_ui.frameEvents) {
        const bool dialog = dialogOpen();
        for (ActionId id : actionsFor({e}, uiWantsKeyboard || dialog, textInput || dialog))
            runAction(id, m_s, m_ui);
    }
}

void ExploreUi::mouse(float pixelRatio, bool uiWantsMouse)
{
    const ImGuiIO& io = ImGui::GetIO();
    const glm::vec2 pixel{io.MousePos.x * pixelRatio, io.MousePos.y * pixelRatio};
    const bool mouseValid = ImGui::IsMousePosValid();

    // Hover: markers first (they are small and on top), then surfaces.
    m_hoveredMarker.reset();
    if (!uiWantsMouse && mouseValid && !ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
        !ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
        m_hoveredMarker = m_s.pickMarker(pixel, kMarkerPickRadius * pixelRatio);
        const auto hit = m_s.pick(pixel);
        m_s.hover(hit ? std::optional<core::StructureId>(hit->structure) : std::nullopt);
    } else if (!uiWantsMouse) {
        m_s.hover(std::nullopt);
    }

    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        m_pressInView = !uiWantsMouse;
    const bool released = ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    const session::Tool tool = m_s.tool();
    if (tool == session::Tool::Pain) {
        // The brush: left press or drag paints where the cursor meets the body, Ctrl+drag erases today's
        // marks there (Shift+drag still pans).
        if (m_pressInView && ImGui::IsMouseDown(ImGuiMouseButton_Left) && !io.KeyShift && mouseValid)
            if (const auto hit = m_s.pick(pixel)) {
                if (io.KeyCtrl)
                    m_s.eraseAt(*hit);
                else
                    m_s.painAt(*hit);
            }
        if (released)
            m_s.endPainStroke();
    } else if (released && m_pressInView &&
        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] <= kClickSlopPixels * kClickSlopPixels) {
        const bool tagTool = tool == session::Tool::Tag;
        const auto* markerTp = m_hoveredMarker ? std::get_if<core::TriggerPointId>(&m_hoveredMarker->target) : nullptr;
        const auto* markerTag = m_hoveredMarker ? std::get_if<core::TagId>(&m_hoveredMarker->target) : nullptr;
        if (m_hoveredMarker && !(tagTool && markerTp)) {
            if (markerTp)
                m_s.showTriggerPoint(*markerTp);
            else if (markerTag)
                m_s.selectTag(*markerTag);
        } else if (const auto hit = tagTool ? m_s.pickUnderSkin(pixel) : m_s.pick(pixel)) {
            if (tagTool)
                m_s.tagAt(*hit);
            else
                m_s.select(hit->structure);
        } else if (!tagTool) {
            m_s.select(std::nullopt);
        }
    }
    // Double clicks frame what they land on; timed by the events, not the frames (a slow frame must not
    // turn a double click into two single ones).
    for (const DoubleClick& d : doubleClicks(m_ui.frameEvents, m_ui.lastLeftPress)) {
        if (uiWantsMouse || tool != session::Tool::None)
            continue;
        const glm::vec2 at = d.position * pixelRatio;
        const auto marker = m_s.pickMarker(at, kMarkerPickRadius * pixelRatio);
        const auto* markerTp = marker ? std::get_if<core::TriggerPointId>(&marker->target) : nullptr;
        if (markerTp)
            m_s.showTriggerPoint(*markerTp, true);
        else if (const auto hit = m_s.pick(at))
            m_s.select(hit->structure, true);
    }
    if (released || ImGui::IsMouseReleased(ImGuiMouseButton_Right) || ImGui::IsMouseReleased(ImGuiMouseButton_Middle)) {
        m_pressInView = false;
        m_s.history().endGesture();
    }
}

void ExploreUi::hoverTooltip()
{
    if (ImGui::IsAnyMouseDown())
        return;
    std::string text;
    if (m_hoveredMarker) {
        const auto* markerTp = std::get_if<core::TriggerPointId>(&m_hoveredMarker->target);
        const auto* markerTag = std::get_if<core::TagId>(&m_hoveredMarker->target);
        if (markerTp && m_s.catalog().loaded()) {
            text = m_s.catalog().record(*markerTp).name + " (" +
                   std::string(core::toString(m_s.catalog().instance(*markerTp).key.side)) + ")\n" +
                   "refers to " + m_s.catalog().zoneText(*markerTp, true);
        } else if (const auto* t = markerTag ? m_s.bodyMap().tag(*markerTag) : nullptr) {
            const auto where = m_s.model().find(t->structure);
            text = "Tag: " + (where ? m_s.labelName(*where) : t->structure) + ", " + std::string(core::toString(t->state)) + " " +
                   std::to_string(t->severity) + "/10" + (t->note.empty() ? "" : "\n" + t->note);
        }
    } else if (m_s.hovered()) {
        if (m_s.model().get(*m_s.hovered()))
            text = m_s.labelName(*m_s.hovered()) + (m_s.tool() == session::Tool::Tag    ? "\nclick to tag"
                              : m_s.tool() == session::Tool::Pain ? "\ndrag to mark pain"
                                                                  : "");
    }
    if (!text.empty() && !m_s.display().presentation) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(text.c_str());
        ImGui::EndTooltip();
    }
}

void ExploreUi::frame(float pixelRatio, bool uiWantsMouse, bool uiWantsKeyboard, double now)
{
    shortcuts(uiWantsKeyboard);
    mouse(pixelRatio, uiWantsMouse);
    if (!m_s.display().presentation) {
        drawMenuBar(m_s, m_ui);
        // While a quiz question is on screen, the panels that name what is selected or hovered (and list
        // trigger points and their zones) stay closed: they would give the answer away, and afterwards the
        // feedback stays readable in front. They come back with the summary.
        const auto quizPhase = m_ui.quiz.phase();
        const bool quizAsking = quizPhase == session::QuizSession::Phase::Asking ||
                                quizPhase == session::QuizSession::Phase::Feedback;
        if (m_ui.showPanels) {
            if (!quizAsking) {
                drawLayersPanel(m_s, m_ui);
                drawInfoPanel(m_s, m_ui);
                drawTriggerPointPanel(m_s, m_ui);
                drawTagPanel(m_s, m_ui);
                drawClientPanel(m_s, m_ui);
                drawSearchBox(m_s, m_ui);
            }
            drawQuizPanel(m_s, m_ui);
            if (!quizAsking)
                drawProtocolPanel(m_s, m_ui);
            drawStatusLine(m_s, m_ui);
        }
        drawShortcutHelp(m_s, m_ui);
        drawAboutModel(m_s, m_ui);
        drawModelDialogs(m_s, m_ui);
        if (!uiWantsMouse && !quizAsking)
            hoverTooltip();
    }
    drawPendingFileQuestion(m_s, m_ui); // also in presentation mode: Quit may ask
    // Labels go between the panels: find the free middle of the view.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    glm::vec2 lo{vp->WorkPos.x, vp->WorkPos.y}, hi{vp->WorkPos.x + vp->WorkSize.x, vp->WorkPos.y + vp->WorkSize.y};
    const float midX = vp->WorkPos.x + 0.5f * vp->WorkSize.x;
    if (!m_s.display().presentation && m_ui.showPanels) {
        for (const char* name : {"Layers", "Info", "Trigger points", "###bodymap", "###client"}) {
            const ImGuiWindow* w = ImGui::FindWindowByName(name);
            if (!w || !w->WasActive)
                continue;
            if (w->Pos.x + 0.5f * w->Size.x < midX)
                lo.x = std::max(lo.x, w->Pos.x + w->Size.x);
            else
                hi.x = std::min(hi.x, w->Pos.x);
        }
        if (const ImGuiWindow* w = ImGui::FindWindowByName("##find"); w && w->WasActive)
            lo.y = std::max(lo.y, w->Pos.y + w->Size.y);
        if (const ImGuiWindow* w = ImGui::FindWindowByName("##status"); w && w->WasActive)
            hi.y = std::min(hi.y, w->Pos.y);
    }
    if (hi.x - lo.x < 0.3f * vp->WorkSize.x) { // panels cover most of the view: use all of it
        lo.x = vp->WorkPos.x;
        hi.x = vp->WorkPos.x + vp->WorkSize.x;
    }
    m_ui.freeMin = lo;
    m_ui.freeMax = hi;
    // With the panels, messages go to the status line; without them, over the view.
    drawViewOverlay(m_s, m_ui, pixelRatio, m_s.display().presentation || !m_ui.showPanels);
    m_s.update(now);
}

} // namespace ta::ui
