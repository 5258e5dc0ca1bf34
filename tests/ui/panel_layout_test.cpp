// The docked panel layout (issue 18): at 1280x720, 1600x1000 and 3840x2160 (UI scale 2) every panel lies
// inside the window, none overlaps another, and the view in the middle keeps most of the width. Plain
// arithmetic, no ImGui frame.
#include "ui/panel_layout.h"

#include <gtest/gtest.h>

using namespace ta;
using ui::Panel;

namespace {

bool overlap(const ui::PanelRect& a, const ui::PanelRect& b)
{
    return a.pos.x < b.max().x && b.pos.x < a.max().x && a.pos.y < b.max().y && b.pos.y < a.max().y;
}

struct Size {
    float w, h, em;
};

} // namespace

TEST(PanelLayout, PanelsFitAndNeverOverlapAtTheThreeSizes)
{
    const float menu = 25.0f; // the menu bar above the work area
    for (const Size s : {Size{1280, 720, 16}, Size{1600, 1000, 16}, Size{3840, 2160, 32}}) {
        const glm::vec2 pos{0.0f, menu}, size{s.w, s.h - menu};
        const ui::PanelLayout l = ui::layoutPanels(pos, size, s.em);
        for (int i = 0; i < static_cast<int>(Panel::Count); ++i) {
            const auto p = static_cast<Panel>(i);
            const ui::PanelRect& r = l[p];
            SCOPED_TRACE(std::string(ui::panelName(p)) + " at " + std::to_string(int(s.w)) + "x" + std::to_string(int(s.h)));
            EXPECT_GE(r.pos.x, 0.0f);
            EXPECT_GE(r.pos.y, menu) << "under the menu bar";
            EXPECT_LE(r.max().x, s.w);
            EXPECT_LE(r.max().y, s.h) << "runs off the bottom";
            EXPECT_GT(r.size.x, 8.0f * s.em) << "too narrow to read";
            if (p != Panel::Search) {
                EXPECT_GT(r.size.y, 1.5f * s.em);
            }
            for (int j = i + 1; j < static_cast<int>(Panel::Count); ++j) {
                ui::PanelRect other = l[static_cast<Panel>(j)];
                ui::PanelRect self = r;
                // The search box grows with its results: give it room for ten of them.
                if (p == Panel::Search)
                    self.size.y = 14.0f * s.em;
                if (static_cast<Panel>(j) == Panel::Search)
                    other.size.y = 14.0f * s.em;
                EXPECT_FALSE(overlap(self, other)) << "overlaps " << ui::panelName(static_cast<Panel>(j));
            }
        }
        const float view = l[Panel::Info].pos.x - l[Panel::Layers].max().x;
        EXPECT_GT(view, 0.4f * s.w) << "the 3D view keeps at least 40 % of the width";
    }
}
