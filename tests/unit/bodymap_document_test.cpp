// Body-map documents: sessions in date order, ids unique across the document, tags found and removed by id.
#include "core/bodymap/body_map.h"

#include <gtest/gtest.h>

namespace {

using namespace ta::core;

TEST(BodymapDocument, SessionsAreKeptInDateOrderAndReused)
{
    BodyMap map;
    map.sessionFor("2026-11-22");
    map.sessionFor("2026-10-01");
    map.sessionFor("2026-11-22");
    map.sessionFor("2026-12-24");
    ASSERT_EQ(map.sessions.size(), 3u);
    EXPECT_EQ(map.sessions[0].date, "2026-10-01");
    EXPECT_EQ(map.sessions[1].date, "2026-11-22");
    EXPECT_EQ(map.sessions[2].date, "2026-12-24");
}

TEST(BodymapDocument, IdsAreUniqueAcrossTagsAndMarks)
{
    BodyMap map;
    const TagId a = map.addTag("2026-11-22", {.structure = "trapezius-descending-left", .severity = 14});
    const PainMarkId b = map.addPainMark("2026-11-22", {.structure = "skin"});
    const TagId c = map.addTag("2026-11-29", {.structure = "levator-scapulae-right"});
    EXPECT_EQ(a.value, 1u);
    EXPECT_EQ(b.value, 2u);
    EXPECT_EQ(c.value, 3u);
    ASSERT_NE(map.findTag(a), nullptr);
    EXPECT_EQ(map.findTag(a)->severity, kMaxSeverity); // clamped
    EXPECT_EQ(map.findTag(TagId{b.value}), nullptr);                // b is a pain mark
    EXPECT_NE(map.findPainMark(b), nullptr);
    EXPECT_EQ(map.tagCount(), 2u);

    EXPECT_TRUE(map.remove(a));
    EXPECT_FALSE(map.remove(a));
    EXPECT_EQ(map.findTag(a), nullptr);
    EXPECT_TRUE(map.remove(b));
    EXPECT_EQ(map.tagCount(), 1u);
    EXPECT_EQ(map.nextId(), 4u);
}

TEST(BodymapDocument, IsoDates)
{
    EXPECT_TRUE(isIsoDate("2026-11-22"));
    EXPECT_TRUE(isIsoDate("2024-02-29"));
    EXPECT_FALSE(isIsoDate("2026-02-29"));
    EXPECT_FALSE(isIsoDate("2026-13-01"));
    EXPECT_FALSE(isIsoDate("2026-04-31"));
    EXPECT_FALSE(isIsoDate("2026-4-03"));
    EXPECT_FALSE(isIsoDate("22/11/2026"));
    EXPECT_FALSE(isIsoDate(""));
}

TEST(BodymapDocument, TagStateNames)
{
    EXPECT_EQ(toString(TagState::Latent), "latent");
    EXPECT_EQ(tagStateFromString("active"), TagState::Active);
    EXPECT_FALSE(tagStateFromString("Active").has_value());
}

} // namespace
