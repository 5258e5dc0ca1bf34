#include "ui/view_overlay.h"

#include "session/visible_labels.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace ta::ui {
namespace {

struct ScreenBox {
    ImVec2 min{1e9f, 1e9f};
    ImVec2 max{-1e9f, -1e9f};
    bool valid() const { return min.x <= max.x; }
};

ScreenBox projectBox(const core::OrbitCamera& cam, const core::Aabb& b, float pixelRatio)
{
    ScreenBox out;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 c{i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z};
        if (const auto p = cam.project(c)) {
            out.min.x = std::min(out.min.x, p->x / pixelRatio);
            out.min.y = std::min(out.min.y, p->y / pixelRatio);
            out.max.x = std::max(out.max.x, p->x / pixelRatio);
            out.max.y = std::max(out.max.y, p->y / pixelRatio);
        }
    }
    return out;
}

/// A label with a leader line from `anchor` to a box placed beside `avoid` (the thing it names), on the
/// side with more room, clamped to the view. Returns the box so later labels can avoid it.
ImVec4 leaderLabel(ImDrawList* dl, ImFont* font, float size, ImVec2 anchor, const ScreenBox& avoid,
                   const std::string& text, ImU32 colour, const ImVec2& viewMin, const ImVec2& viewMax,
                   float yShift, const ImVec4* taken)
{
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
    const float pad = 0.35f * size;
    const float gap = 1.6f * size;
    const float roomLeft = avoid.min.x - viewMin.x;
    const float roomRight = viewMax.x - avoid.max.x;
    const bool right = roomRight >= roomLeft;
    float x = right ? avoid.max.x + gap : avoid.min.x - gap - ts.x - 2 * pad;
    float y = anchor.y - 0.5f * ts.y - pad + yShift;
    x = std::clamp(x, viewMin.x + pad, viewMax.x - ts.x - 3 * pad);
    y = std::clamp(y, viewMin.y + pad, viewMax.y - ts.y - 3 * pad);
    if (taken && y < taken->w + pad && y + ts.y + 2 * pad > taken->y && x < taken->z && x + ts.x + 2 * pad > taken->x)
        y = taken->w + pad; // below the other label
    const ImVec2 bmin{x, y}, bmax{x + ts.x + 2 * pad, y + ts.y + 2 * pad};
    const ImVec2 attach{right ? bmin.x : bmax.x, 0.5f * (bmin.y + bmax.y)};
    dl->AddLine(anchor, attach, IM_COL32(0, 0, 0, 160), 3.0f);
    dl->AddLine(anchor, attach, colour, 1.5f);
    dl->AddCircleFilled(anchor, 3.5f, colour);
    dl->AddRectFilled(bmin, bmax, IM_COL32(12, 14, 20, 215), 0.3f * size);
    dl->AddRect(bmin, bmax, colour, 0.3f * size, 0, 1.0f);
    dl->AddText(font, size, ImVec2(bmin.x + pad, bmin.y + pad), IM_COL32(240, 240, 240, 255), text.c_str());
    return ImVec4(bmin.x, bmin.y, bmax.x, bmax.y);
}

bool overlaps(const ImVec4& a, const ImVec4& b)
{
    return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w;
}

/// Small leader-line labels for landmarks near the selection (or near the view centre without one),
/// each placed in the first of a few spots around its point that does not cover another label.
void landmarkLabels(const session::AppSession& s, ImDrawList* dl, ImFont* font, float size, float pixelRatio, const ImVec2& viewMin,
                    const ImVec2& viewMax, std::vector<ImVec4>& taken)
{
    core::Aabb near;
    if (const core::Structure* st = s.model().get(s.selected())) {
            const core::Aabb b = st->mesh.bounds();
            near = core::Aabb{b.min - glm::vec3(0.02f), b.max + glm::vec3(0.02f)};
        }
    struct Candidate {
        const core::Landmark* landmark;
        ImVec2 at;
        float score;
    };
    std::vector<Candidate> candidates;
    const ImVec2 centre{0.5f * (viewMin.x + viewMax.x), 0.5f * (viewMin.y + viewMax.y)};
    for (const auto& l : s.model().landmarks) {
        if (near.valid() && !near.contains(l.position))
            continue;
        const auto p = s.camera().project(l.position);
        if (!p)
            continue;
        const ImVec2 at{p->x / pixelRatio, p->y / pixelRatio};
        if (at.x < viewMin.x || at.y < viewMin.y || at.x > viewMax.x || at.y > viewMax.y)
            continue;
        const float dx = at.x - centre.x, dy = at.y - centre.y;
        candidates.push_back({&l, at, dx * dx + dy * dy});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
    if (candidates.size() > 14)
        candidates.resize(14);
    const float gap = 1.4f * size;
    for (const auto& c : candidates) {
        const std::string& text = c.landmark->name.empty() ? c.landmark->id : c.landmark->name;
        const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
        const ImVec2 offsets[] = {{gap, -gap}, {gap, gap}, {-gap - ts.x, -gap}, {-gap - ts.x, gap},
                                  {2.5f * gap, 0.0f}, {-2.5f * gap - ts.x, 0.0f}};
        for (const ImVec2& o : offsets) {
            const ImVec4 box{c.at.x + o.x - 3, c.at.y + o.y - 0.5f * ts.y - 2, c.at.x + o.x + ts.x + 3,
                             c.at.y + o.y + 0.5f * ts.y + 2};
            bool free = box.x > viewMin.x && box.z < viewMax.x && box.y > viewMin.y && box.w < viewMax.y;
            for (const ImVec4& t : taken)
                free = free && !overlaps(box, t);
            if (!free)
                continue;
            const ImVec2 attach{o.x > 0 ? box.x : box.z, 0.5f * (box.y + box.w)};
            dl->AddLine(c.at, attach, IM_COL32(250, 220, 120, 200), 1.0f);
            dl->AddCircleFilled(c.at, 2.5f, IM_COL32(250, 220, 120, 255));
            dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.z, box.w), IM_COL32(12, 14, 20, 190), 3.0f);
            dl->AddText(font, size, ImVec2(box.x + 3, box.y + 2), IM_COL32(250, 230, 170, 255), text.c_str());
            taken.push_back(box);
            break;
        }
    }
}

/// "Label everything visible": labels in two columns at the sides of the free view, each at the height of
/// its point (pushed down past the one above, dropped when the column is full), so no two boxes overlap and
/// the leader lines, sorted by height, do not cross within a column.
void labelEverything(const session::AppSession& s, ImDrawList* dl, ImFont* font, float size, float pixelRatio,
                     const ImVec2& viewMin, const ImVec2& viewMax, std::vector<ImVec4>& taken)
{
    struct Item {
        ImVec2 at;
        std::string text;
    };
    std::vector<Item> left, right;
    const float midX = 0.5f * (viewMin.x + viewMax.x);
    for (const session::ViewLabel& l : session::labelEverythingVisible(s)) {
        const auto p = s.camera().project(l.anchor);
        if (!p)
            continue;
        const ImVec2 at{p->x / pixelRatio, p->y / pixelRatio};
        (at.x < midX ? left : right).push_back({at, l.text});
    }
    const float pad = 0.3f * size;
    for (int side = 0; side < 2; ++side) {
        auto& items = side == 0 ? left : right;
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.at.y < b.at.y; });
        float nextY = viewMin.y + pad;
        for (const Item& it : items) {
            const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, it.text.c_str());
            const float w = ts.x + 2 * pad, h = ts.y + 2 * pad;
            const float x = side == 0 ? viewMin.x + pad : viewMax.x - pad - w;
            float y = std::max(nextY, it.at.y - 0.5f * h);
            ImVec4 box{x, y, x + w, y + h};
            bool free = box.w <= viewMax.y - pad;
            for (int tries = 0; free && tries < 8; ++tries) {
                bool clash = false;
                for (const ImVec4& t : taken)
                    if (overlaps(box, t)) {
                        y = t.w + pad;
                        box = ImVec4(x, y, x + w, y + h);
                        clash = true;
                    }
                free = box.w <= viewMax.y - pad;
                if (!clash)
                    break;
            }
            if (!free)
                continue; // the column is full: fewer labels when there is no room
            const ImVec2 attach{side == 0 ? box.z : box.x, 0.5f * (box.y + box.w)};
            const ImU32 colour = IM_COL32(170, 215, 255, 230);
            dl->AddLine(it.at, attach, IM_COL32(0, 0, 0, 140), 2.5f);
            dl->AddLine(it.at, attach, colour, 1.0f);
            dl->AddCircleFilled(it.at, 2.5f, colour);
            dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.z, box.w), IM_COL32(12, 14, 20, 200), 3.0f);
            dl->AddText(font, size, ImVec2(box.x + pad, box.y + pad), IM_COL32(235, 240, 250, 255), it.text.c_str());
            taken.push_back(box);
            nextY = box.w + 0.2f * pad;
        }
    }
}

/// A legend swatch of stipple: 2 x 2 dots of `radius` (a share of the box, at least `minPixels`) in the box at
/// `at`. Two dots a side rather than three: at the small font of a 1280 x 720 window a box is about 12 pixels,
/// and finer dots shrank below a pixel, so the lighter row could not be told from an empty one.
void stippleSwatch(ImDrawList* dl, const ImVec2& at, float box, float radius, float minPixels, ImU32 colour)
{
    const float r = std::max(radius * box, minPixels);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 2; ++x)
            dl->AddCircleFilled(ImVec2(at.x + (x + 0.5f) * box / 2, at.y + (y + 0.5f) * box / 2), r, colour);
}

/// What the colours on the body mean, in the corner: essential solid and spillover stippled (the chart
/// convention) when a referral is shown, with a row for the lighter stipple of zones felt only occasionally
/// when the trigger point has one (`graded`), and blue hatching when the client's pain drawing is shown.
void legend(ImDrawList* dl, ImFont* font, float size, const ImVec2& corner, bool referral, bool graded, bool pain)
{
    const ImU32 red = IM_COL32(205, 30, 30, 255);
    const ImU32 blue = IM_COL32(40, 90, 235, 255);
    const ImU32 text = IM_COL32(235, 235, 235, 255);
    const float box = 0.9f * size;
    graded = graded && referral;
    const int rows = (referral ? 2 : 0) + (graded ? 1 : 0) + (pain ? 1 : 0);
    if (rows == 0)
        return;
    ImVec2 at{corner.x, corner.y - (1.2f * static_cast<float>(rows) + 0.2f) * size};
    float textWidth = 0.0f;
    for (const char* t : {"spillover (some patients)", "spillover, occasionally", "client's pain"})
        textWidth = std::max(textWidth, font->CalcTextSizeA(size, 1e9f, 0.0f, t).x);
    dl->AddRectFilled(ImVec2(at.x - 0.4f * size, at.y - 0.4f * size),
                      ImVec2(at.x + 1.5f * box + textWidth + 0.5f * size, corner.y), IM_COL32(12, 14, 20, 190), 0.3f * size);
    if (referral) {
        dl->AddRectFilled(at, ImVec2(at.x + box, at.y + box), red);
        dl->AddText(font, size, ImVec2(at.x + 1.5f * box, at.y - 0.05f * size), text, "essential zone");
        at.y += 1.2f * size;
        stippleSwatch(dl, at, box, 0.17f, 2.0f, red);
        dl->AddText(font, size, ImVec2(at.x + 1.5f * box, at.y - 0.05f * size), text, "spillover (some patients)");
        at.y += 1.2f * size;
    }
    if (graded) { // smaller dots, as the shader draws a zone scaled by its frequency
        stippleSwatch(dl, at, box, 0.10f, 1.2f, red);
        dl->AddText(font, size, ImVec2(at.x + 1.5f * box, at.y - 0.05f * size), text, "spillover, occasionally");
        at.y += 1.2f * size;
    }
    if (pain) {
        dl->PushClipRect(at, ImVec2(at.x + box, at.y + box), true);
        for (float d = -box; d < box; d += 0.3f * box)
            dl->AddLine(ImVec2(at.x + d, at.y + box), ImVec2(at.x + d + box, at.y), blue, 0.12f * box);
        dl->PopClipRect();
        dl->AddText(font, size, ImVec2(at.x + 1.5f * box, at.y - 0.05f * size), text, "client's pain");
    }
}

} // namespace

void drawViewOverlay(const session::AppSession& s, const UiState& ui, float pixelRatio, bool messages)
{
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    ImFont* font = ImGui::GetFont();
    const float base = ImGui::GetFontSize();
    const float labelSize = s.display().presentation ? 1.6f * base : 1.0f * base;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 fullMin = vp->WorkPos;
    const ImVec2 fullMax{vp->WorkPos.x + vp->WorkSize.x, vp->WorkPos.y + vp->WorkSize.y};
    // The free part of the view (between the panels) when the UI measured it this frame.
    const bool haveFree = ui.freeMax.x > ui.freeMin.x + 1.0f && ui.freeMax.y > ui.freeMin.y + 1.0f;
    const ImVec2 viewMin = haveFree ? ImVec2(ui.freeMin.x, ui.freeMin.y) : fullMin;
    const ImVec2 labelMax = haveFree ? ImVec2(ui.freeMax.x, ui.freeMax.y) : fullMax;
    // Labels keep clear of the caption band at the bottom in presentation mode.
    const std::string caption = s.display().presentation ? s.caption() : std::string();
    const float captionSize = 2.1f * base;
    const float captionWrap = 0.8f * (fullMax.x - fullMin.x);
    const ImVec2 captionText =
        caption.empty() ? ImVec2(0, 0) : font->CalcTextSizeA(captionSize, 1e9f, captionWrap, caption.c_str());
    const float captionPad = 0.6f * captionSize;
    const ImVec2 viewMax{labelMax.x, caption.empty() ? labelMax.y : labelMax.y - captionText.y - 4.0f * captionPad};
    auto toScreen = [&](const glm::vec3& p) -> std::optional<ImVec2> {
        const auto q = s.camera().project(p);
        if (!q)
            return std::nullopt;
        return ImVec2(q->x / pixelRatio, q->y / pixelRatio);
    };

    // Labels: the selection, then the trigger point shown; the session leaves out what is hidden or on the
    // far side of the body, and names things as people do ("Upper trapezius").
    ImVec4 taken{0, 0, 0, 0};
    bool haveTaken = false;
    for (const session::ViewLabel& label : s.viewLabels()) {
        const auto a = toScreen(label.anchor);
        if (!a)
            continue;
        ScreenBox box;
        box.min = ImVec2(a->x - 2.0f * base, a->y - 2.0f * base);
        box.max = ImVec2(a->x + 2.0f * base, a->y + 2.0f * base);
        const bool structure = label.kind == session::ViewLabel::Kind::Structure;
        if (const core::Structure* st = s.model().get(structure ? std::optional(label.structure) : s.selected()))
            box = projectBox(s.camera(), st->mesh.bounds(), pixelRatio);
        const ImVec4 placed = leaderLabel(dl, font, labelSize, *a, box, label.text,
                                          structure ? IM_COL32(120, 200, 255, 255) : IM_COL32(255, 80, 60, 255), viewMin,
                                          viewMax, 0.0f, haveTaken ? &taken : nullptr);
        if (!haveTaken) {
            taken = placed;
            haveTaken = true;
        }
    }

    std::vector<ImVec4> takenBoxes;
    if (haveTaken)
        takenBoxes.push_back(taken);
    if (ui.labelEverything)
        labelEverything(s, dl, font, 0.85f * labelSize, pixelRatio, viewMin, viewMax, takenBoxes);
    if (s.display().showLandmarks)
        landmarkLabels(s, dl, font, 0.85f * labelSize, pixelRatio, viewMin, viewMax, takenBoxes);
    const bool referral = s.shownTriggerPoint() && s.catalog().loaded();
    bool graded = false;
    if (referral)
        for (float shade : s.catalog().instance(*s.shownTriggerPoint()).spilloverShade)
            graded = graded || shade < 1.0f;
    legend(dl, font, 0.9f * base, ImVec2(viewMin.x + 0.8f * base, viewMax.y - 0.6f * base), referral, graded,
           !s.pain().shownMarks().empty());

    // Referral path: dots travelling from the trigger point to each region of its essential zone.
    if (s.display().referralPath && s.shownTriggerPoint() && s.catalog().loaded()) {
        const auto from = toScreen(s.catalog().instance(*s.shownTriggerPoint()).position);
        const float t0 = static_cast<float>(std::fmod(s.now() * 0.5, 1.0));
        int lane = 0;
        for (const glm::vec3& centre : s.zoneCentres()) {
            const auto to = toScreen(centre);
            if (!from || !to)
                continue;
            const ImVec2 mid{0.5f * (from->x + to->x), 0.5f * (from->y + to->y)};
            const ImVec2 d{to->x - from->x, to->y - from->y};
            const float bend = (lane++ % 2 == 0 ? 0.22f : -0.22f);
            const ImVec2 ctrl{mid.x - bend * d.y, mid.y + bend * d.x};
            dl->AddBezierQuadratic(*from, ctrl, *to, IM_COL32(0, 0, 0, 110), 4.0f);
            dl->AddBezierQuadratic(*from, ctrl, *to, IM_COL32(255, 70, 50, 170), 2.0f);
            for (int k = 0; k < 3; ++k) {
                const float t = std::fmod(t0 + k / 3.0f, 1.0f);
                const float u = 1.0f - t;
                const ImVec2 p{u * u * from->x + 2 * u * t * ctrl.x + t * t * to->x,
                               u * u * from->y + 2 * u * t * ctrl.y + t * t * to->y};
                dl->AddCircleFilled(p, 3.0f + 2.5f * t, IM_COL32(255, 60, 40, static_cast<int>(255 * (0.45f + 0.55f * t))));
            }
            dl->AddCircle(*to, 9.0f, IM_COL32(255, 60, 40, 220), 0, 2.0f);
        }
    }

    // Presentation caption.
    if (!caption.empty()) {
        const ImVec2 at{0.5f * (fullMin.x + fullMax.x) - 0.5f * captionText.x, fullMax.y - captionText.y - 2.5f * captionPad};
        dl->AddRectFilled(ImVec2(at.x - captionPad, at.y - captionPad),
                          ImVec2(at.x + captionText.x + captionPad, at.y + captionText.y + captionPad),
                          IM_COL32(8, 10, 14, 200), 0.4f * captionSize);
        dl->AddText(font, captionSize, at, IM_COL32(255, 255, 255, 255), caption.c_str(), nullptr, captionWrap);
    }

    // Presentation mode: how the trigger point shown is treated, in plain words, in a top corner.
    if (s.display().presentation) {
        if (const auto sheet = s.shownSheet()) {
            const std::vector<std::string> lines = session::plainWords(*sheet);
            if (!lines.empty()) {
                const float size = 1.25f * base;
                const float wrap = std::min(34.0f * size, session::kPresentationTextShare * (fullMax.x - fullMin.x));
                const char* title = "What helps";
                std::string body;
                for (std::size_t i = 0; i < lines.size() && i < 5; ++i)
                    body += (body.empty() ? "- " : "\n- ") + lines[i];
                const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, wrap, body.c_str());
                // In the top corner that covers fewer of the essential zones' centres (with a margin, as a zone
                // spreads round its centre); when both cover as many, on the side away from their mean, so that
                // a pattern with most of its zones on one side still keeps its lone zone on the other clear.
                const float boxW = std::max(ts.x, wrap * 0.5f);
                const float pad = 0.6f * size;
                const float boxH = 1.4f * size + ts.y;
                std::vector<ImVec2> centres;
                for (const glm::vec3& c : s.zoneCentres())
                    if (const auto q = toScreen(c))
                        centres.push_back(*q);
                auto corner = [&](bool onRight) {
                    return ImVec2{onRight ? fullMax.x - boxW - 1.5f * size : fullMin.x + 1.5f * size,
                                  fullMin.y + 1.5f * size};
                };
                auto covered = [&](bool onRight) {
                    const ImVec2 c = corner(onRight);
                    const float margin = 3.0f * size;
                    int n = 0;
                    for (const ImVec2& q : centres)
                        n += q.x > c.x - pad - margin && q.x < c.x + boxW + pad + margin &&
                             q.y < c.y + boxH + pad + margin;
                    return n;
                };
                float meanX = 0.0f;
                for (const ImVec2& q : centres)
                    meanX += q.x / static_cast<float>(centres.size());
                const int onLeft = covered(false), onRightSide = covered(true);
                const bool right = onRightSide != onLeft ? onRightSide < onLeft
                                                         : !centres.empty() && meanX < 0.5f * (fullMin.x + fullMax.x);
                const ImVec2 at = corner(right);
                dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + boxW + pad, at.y + boxH + pad),
                                  IM_COL32(8, 10, 14, 190), 0.4f * size);
                dl->AddText(font, 1.1f * size, at, IM_COL32(150, 220, 150, 255), title);
                dl->AddText(font, size, ImVec2(at.x, at.y + 1.4f * size), IM_COL32(255, 255, 255, 240), body.c_str(), nullptr, wrap);
            }
        }
    }

    // The message line, wrapped to the view.
    const double age = s.messageAge(s.now());
    if (messages && !s.message().empty() && age < 6.0 && !s.display().presentation) {
        const float alpha = static_cast<float>(std::clamp(6.0 - age, 0.0, 1.0));
        const float wrap = 0.85f * (fullMax.x - fullMin.x);
        const ImVec2 ts = font->CalcTextSizeA(base, 1e9f, wrap, s.message().c_str());
        const ImVec2 at{0.5f * (fullMin.x + fullMax.x) - 0.5f * ts.x, fullMax.y - ts.y - 1.2f * base};
        const ImU32 bg = s.messageIsError() ? IM_COL32(110, 20, 20, static_cast<int>(220 * alpha))
                                             : IM_COL32(20, 24, 32, static_cast<int>(220 * alpha));
        dl->AddRectFilled(ImVec2(at.x - 0.6f * base, at.y - 0.3f * base),
                          ImVec2(at.x + ts.x + 0.6f * base, at.y + ts.y + 0.3f * base), bg, 0.3f * base);
        dl->AddText(font, base, at, IM_COL32(255, 255, 255, static_cast<int>(255 * alpha)), s.message().c_str(), nullptr,
                    wrap);
    }
}

} // namespace ta::ui
