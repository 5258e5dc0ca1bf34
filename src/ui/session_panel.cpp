#include "ui/session_panel.h"

#include "core/records/questionnaires.h"
#include "core/split_list.h"
#include "ui/client_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace ta::ui {
namespace {

namespace rec = core::records;

std::string joinTechniques(const std::vector<std::string>& v)
{
    std::string out;
    for (const auto& t : v)
        out += (out.empty() ? "" : ", ") + t;
    return out;
}

/// An NRS 0-10 that may be not recorded yet.
bool nrsField(const char* label, std::optional<int>& value)
{
    bool recorded = value.has_value();
    bool changed = false;
    ImGui::PushID(label);
    if (ImGui::Checkbox("##has", &recorded)) {
        value = recorded ? std::optional<int>(value.value_or(5)) : std::nullopt;
        changed = true;
    }
    ImGui::SameLine();
    int v = value.value_or(0);
    ImGui::BeginDisabled(!recorded);
    ImGui::SetNextItemWidth(-8.0f * ImGui::GetFontSize());
    ImGui::SliderInt(label, &v, 0, rec::kMaxNrs);
    if (ImGui::IsItemDeactivatedAfterEdit() && recorded) {
        value = v;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
    return changed;
}

void sessionFields(session::AppSession& s, bool locked)
{
    session::RecordBook& book = *s.records();
    rec::Session session = book.current()->session;
    bool changed = false;
    ImGui::BeginDisabled(locked);
    ImGui::PushItemWidth(-8.0f * ImGui::GetFontSize());
    ImGui::InputText("Reason", &session.reason);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::PopItemWidth();
    changed |= nrsField("Pain before", session.painBefore);
    changed |= nrsField("Pain after", session.painAfter);
    const float h = 2.6f * ImGui::GetFontSize();
    for (auto [label, text] : {std::pair<const char*, std::string*>{"Subjective", &session.soap.subjective},
                               {"Objective", &session.soap.objective},
                               {"Assessment", &session.soap.assessment},
                               {"Plan", &session.soap.plan}}) {
        ImGui::TextDisabled("%s", label);
        ImGui::InputTextMultiline((std::string("##") + label).c_str(), text, ImVec2(-1.0f, h));
        changed |= ImGui::IsItemDeactivatedAfterEdit();
    }
    std::string techniques = joinTechniques(session.techniques);
    ImGui::PushItemWidth(-8.0f * ImGui::GetFontSize());
    if (ImGui::InputTextWithHint("Techniques", "ischemic compression, stretch...", &techniques), ImGui::IsItemDeactivatedAfterEdit()) {
        session.techniques = core::splitList(techniques);
        changed = true;
    }
    ImGui::PopItemWidth();
    ImGui::EndDisabled();
    if (changed)
        storeAction(s, [&] { book.updateSession(session); });
}

void findings(session::AppSession& s, bool locked)
{
    session::RecordBook& book = *s.records();
    const auto& list = book.current()->findings;
    ImGui::TextDisabled("Findings (tag tool T places them on the model)");
    if (list.empty())
        ImGui::TextDisabled("None yet.");
    for (const rec::Finding& stored : list) {
        rec::Finding f = stored;
        ImGui::PushID(f.id.str().c_str());
        const core::Structure* st = s.model().get(s.model().find(f.structure));
        std::string name = st ? st->name : f.structure;
        if (f.triggerPoint)
            if (const auto tp = s.catalog().find(*f.triggerPoint))
                name = s.catalog().record(*tp).name + " (" + std::string(core::toString(s.catalog().instance(*tp).key.side)) + ")";
        ImGui::TextColored(f.state == rec::FindingState::Active ? ImVec4(1.0f, 0.55f, 0.05f, 1.0f) : ImVec4(0.25f, 0.55f, 1.0f, 1.0f),
                           "*");
        ImGui::SameLine();
        ImGui::Text("%s  %s %d/10", name.c_str(), std::string(rec::toString(f.state)).c_str(), f.severity);
        if (f.carriedOver) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.3f, 1.0f), "carried over");
            ImGui::SameLine();
            ImGui::BeginDisabled(locked);
            if (ImGui::SmallButton("Confirm")) {
                f.carriedOver = false;
                storeAction(s, [&] { book.updateFinding(f); });
            }
            ImGui::EndDisabled();
        }
        ImGui::BeginDisabled(locked);
        bool changed = ImGui::Checkbox("Treated", &f.treated);
        if (f.treated) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(9.0f * ImGui::GetFontSize());
            ImGui::InputTextWithHint("##tech", "technique", &f.technique);
            changed |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::SameLine();
            int seconds = f.treatedSeconds.value_or(0);
            ImGui::SetNextItemWidth(4.0f * ImGui::GetFontSize());
            if (ImGui::InputInt("s##secs", &seconds, 0), ImGui::IsItemDeactivatedAfterEdit()) {
                f.treatedSeconds = std::max(0, seconds);
                changed = true;
            }
        }
        ImGui::EndDisabled();
        if (changed)
            storeAction(s, [&] { book.updateFinding(f); });
        ImGui::PopID();
    }
}

void questionnaires(session::AppSession& s, UiState& ui, bool locked)
{
    session::RecordBook& book = *s.records();
    for (const rec::QuestionnaireResponse& q : book.current()->questionnaires) {
        try {
            if (q.kind == rec::QuestionnaireKind::Ndi) {
                const auto sc = rec::scoreNdi(q.answers);
                ImGui::BulletText("NDI %d/50 (%d %%)", sc.total, sc.percent);
            } else {
                const auto sc = rec::scoreHit6(q.answers);
                ImGui::BulletText("HIT-6 %d: %s", sc.total, std::string(rec::toString(sc.band)).c_str());
            }
        } catch (const std::exception& e) {
            ImGui::BulletText("%s", e.what());
        }
    }
    if (locked)
        return;
    static const char* kNdiItems[] = {"Pain intensity", "Personal care", "Lifting", "Reading", "Headaches",
                                      "Concentration", "Work", "Driving", "Sleeping", "Recreation"};
    static const char* kNdiLevels = "0\0" "1\0" "2\0" "3\0" "4\0" "5\0";
    if (ImGui::TreeNode("Neck Disability Index (0 = no problem, 5 = the worst)")) {
        for (int i = 0; i < 10; ++i) {
            ImGui::SetNextItemWidth(3.5f * ImGui::GetFontSize());
            ImGui::Combo(kNdiItems[i], &ui.ndiAnswers[i], kNdiLevels);
        }
        const auto preview = rec::scoreNdi(std::span<const int>(ui.ndiAnswers, 10));
        if (ImGui::Button("Record NDI"))
            storeAction(s, [&] { book.addQuestionnaire(rec::QuestionnaireKind::Ndi, std::vector<int>(ui.ndiAnswers, ui.ndiAnswers + 10)); });
        ImGui::SameLine();
        ImGui::TextDisabled("%d/50 (%d %%)", preview.total, preview.percent);
        ImGui::TreePop();
    }
    static const char* kHit6Items[] = {"Severe pain", "Limits daily activities", "Wish to lie down",
                                       "Too tired", "Fed up or irritated", "Limits concentration"};
    static const char* kHit6Levels = "never\0" "rarely\0" "sometimes\0" "very often\0" "always\0";
    if (ImGui::TreeNode("HIT-6 (how often, in the past 4 weeks)")) {
        for (int i = 0; i < 6; ++i) {
            ImGui::SetNextItemWidth(6.5f * ImGui::GetFontSize());
            ImGui::Combo(kHit6Items[i], &ui.hit6Answers[i], kHit6Levels);
        }
        const auto preview = rec::scoreHit6(std::span<const int>(ui.hit6Answers, 6));
        if (ImGui::Button("Record HIT-6"))
            storeAction(s, [&] { book.addQuestionnaire(rec::QuestionnaireKind::Hit6, std::vector<int>(ui.hit6Answers, ui.hit6Answers + 6)); });
        ImGui::SameLine();
        ImGui::TextDisabled("%d: %s", preview.total, std::string(rec::toString(preview.band)).c_str());
        ImGui::TreePop();
    }
}

void signature(session::AppSession& s, UiState& ui)
{
    session::RecordBook& book = *s.records();
    const rec::SessionRecord& r = *book.current();
    if (r.session.signature) {
        ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.5f, 1.0f), "Signed by %s at %s: locked", r.session.signature->by.c_str(),
                           r.session.signature->at.c_str());
        for (const rec::Addendum& a : r.addenda)
            ImGui::TextWrapped("Addendum %s (%s): %s", a.at.c_str(), a.author.c_str(), a.text.c_str());
        ImGui::InputTextMultiline("##addendum", &ui.addendumText, ImVec2(-1.0f, 2.6f * ImGui::GetFontSize()));
        ImGui::BeginDisabled(ui.addendumText.empty() || ui.signerName.empty());
        if (ImGui::Button("Add addendum") &&
            storeAction(s, [&] { book.addAddendum(ui.signerName, ui.addendumText); }))
            ui.addendumText.clear();
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::InputTextWithHint("##author", "your name", &ui.signerName);
        return;
    }
    ImGui::SetNextItemWidth(10.0f * ImGui::GetFontSize());
    ImGui::InputTextWithHint("##signer", "your name", &ui.signerName);
    ImGui::SameLine();
    ImGui::BeginDisabled(ui.signerName.empty());
    if (ImGui::Button("Sign and lock..."))
        ImGui::OpenPopup("sign");
    ImGui::EndDisabled();
    if (ImGui::BeginPopup("sign")) {
        ImGui::TextUnformatted("After signing, the session cannot be changed; corrections go in as dated addenda.");
        if (ImGui::Button("Sign"))
            storeAction(s, [&] { book.signSession(ui.signerName); }), ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

std::string defaultPdfPath(const session::RecordBook& book, bool handout)
{
    const char* home = std::getenv("HOME");
    std::string name = book.client()->name + "-" + book.current()->session.dateTime.substr(0, 10) +
                       (handout ? "-handout.pdf" : "-report.pdf");
    for (char& c : name)
        if (c == ' ' || c == '/')
            c = '-';
    return (home ? std::string(home) : std::string(".")) + "/trigger-atlas/reports/" + name;
}

void handouts(session::AppSession& s, UiState& ui)
{
    const session::RecordBook& book = *s.records();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##pdf", "PDF file (empty: a name from the client and the date)", &ui.pdfFile);
    ImGui::Checkbox("Letter (else A4)", &ui.pdfLetter);
    for (bool handout : {false, true}) {
        if (handout)
            ImGui::SameLine();
        if (ImGui::Button(handout ? "Client handout (PDF)" : "Session report (PDF)")) {
            UiState::PdfRequest r{handout, ui.pdfFile.empty() ? defaultPdfPath(book, handout) : ui.pdfFile, false, ui.pdfLetter};
            if (std::filesystem::exists(r.file)) {
                ui.pdfRequest = r; // held until the user says to replace it
                ImGui::OpenPopup("replacepdf");
            } else {
                ui.pdfRequest = r;
            }
        }
    }
    if (ImGui::BeginPopup("replacepdf")) {
        ImGui::Text("%s exists. Replace it?", ui.pdfRequest ? ui.pdfRequest->file.c_str() : "");
        if (ImGui::Button("Replace") && ui.pdfRequest) {
            ui.pdfRequest->overwrite = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            ui.pdfRequest.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

} // namespace

void drawSessionTab(session::AppSession& s, UiState& ui)
{
    session::RecordBook& book = *s.records();
    if (!book.current()) {
        ImGui::TextWrapped("No session is open: start one in the Clients tab.");
        return;
    }
    const bool locked = book.currentSigned();
    std::string when = book.current()->session.dateTime;
    when[10] = ' ';
    ImGui::Text("Session %s", when.c_str());
    ImGui::BeginChild("sessiontab");
    sessionFields(s, locked);
    ImGui::Separator();
    findings(s, locked);
    ImGui::Separator();
    questionnaires(s, ui, locked);
    ImGui::Separator();
    signature(s, ui);
    ImGui::Separator();
    handouts(s, ui);
    ImGui::EndChild();
}

} // namespace ta::ui
