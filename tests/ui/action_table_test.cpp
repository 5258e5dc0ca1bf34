// The action table the menus, the shortcuts and the help window are built from: every action has a menu
// and a key, no key is used twice. No GL context needed.
#include "ui/action_table.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace ta;

TEST(ExploreActions, EveryActionHasAMenuAndUniqueShortcuts)
{
    std::set<std::pair<int, unsigned>> seen;
    for (const auto& a : ui::allActions()) {
        EXPECT_NE(std::string(a.menu), "") << a.label;
        EXPECT_GE(a.shortcut.key, 0) << a.label << " has no shortcut";
        for (const auto& s : {a.shortcut, a.alternate}) {
            if (s.key < 0)
                continue;
            EXPECT_TRUE(seen.insert({s.key, s.modifiers}).second) << "shortcut " << ui::shortcutText(s) << " used twice";
        }
        EXPECT_EQ(ui::action(a.id).label, a.label);
    }
    EXPECT_EQ(ui::shortcutText(ui::action(ui::ActionId::SaveBodyMapAs).shortcut), "Ctrl+Shift+S");
    EXPECT_EQ(ui::shortcutText(ui::action(ui::ActionId::ShortcutHelp).shortcut), "F1");
}
