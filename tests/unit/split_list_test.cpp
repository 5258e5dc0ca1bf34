#include "core/split_list.h"

#include <gtest/gtest.h>

TEST(SplitList, TrimsAndDropsEmptyItems)
{
    using ta::core::splitList;
    EXPECT_EQ(splitList("skin, bone"), (std::vector<std::string>{"skin", "bone"}));
    EXPECT_EQ(splitList(" ischemic compression ,, stretch "), (std::vector<std::string>{"ischemic compression", "stretch"}));
    EXPECT_TRUE(splitList(" , ").empty());
    EXPECT_TRUE(splitList("").empty());
    EXPECT_EQ(splitList("a;b", ';'), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(splitList("a;b"), (std::vector<std::string>{"a;b"}));
}
