// The committed clinical data (assets/data/) loads, covers the fact sheet, and broken files give errors
// that name the file and the key.
#include "core/error.h"
#include "core/referral/referral_data.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>

namespace fs = std::filesystem;
using ta::core::PainGuide;
using ta::core::PainGuideArea;
using ta::core::ReferralData;

namespace {

fs::path dataDir() { return fs::path(TA_TEST_DIR) / ".." / "assets" / "data"; }

nlohmann::json readJson(const fs::path& p)
{
    std::ifstream in(p);
    return nlohmann::json::parse(in);
}

/// A temporary copy of assets/data with one file rewritten by `edit`.
class BrokenData {
public:
    BrokenData(const std::string& file, const std::function<void(nlohmann::json&)>& edit)
    {
        std::random_device rd;
        m_dir = fs::temp_directory_path() / ("ta-trp-" + std::to_string(rd()));
        fs::create_directories(m_dir);
        for (const char* f : {ReferralData::kMusclesFile, ReferralData::kRegionsFile, ReferralData::kTriggerPointsFile,
                              PainGuide::kFile})
            fs::copy_file(dataDir() / f, m_dir / f);
        if (edit) {
            nlohmann::json j = readJson(m_dir / file);
            edit(j);
            std::ofstream(m_dir / file) << j.dump(1);
        }
    }
    ~BrokenData() { fs::remove_all(m_dir); }
    const fs::path& dir() const { return m_dir; }
    void write(const std::string& file, const std::string& text) const { std::ofstream(m_dir / file) << text; }

private:
    fs::path m_dir;
};

template <typename E>
std::string errorOf(const fs::path& dir)
{
    try {
        ReferralData::load(dir);
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("wrong exception type: ") + e.what();
    }
    return "no error";
}

nlohmann::json& byId(nlohmann::json& list, const std::string& id)
{
    for (auto& x : list)
        if (x["id"] == id)
            return x;
    throw std::runtime_error("no " + id);
}

} // namespace

TEST(TriggerData, CommittedDataLoadsAndCoversTheSheet)
{
    const auto d = ReferralData::load(dataDir());
    EXPECT_GE(d.muscles.size(), 16u);
    EXPECT_GE(d.triggerPoints.size(), 35u);
    // The fact sheet's whole region vocabulary (tags with a slash are accepted through aliases).
    for (const char* tag :
         {"vertex", "forehead", "supraorbital/eyebrow", "periorbital", "retro-orbital", "temple", "parietal-lateral",
          "occiput", "occipital-ridge", "mastoid", "postauricular", "ear-deep", "TMJ/preauricular", "cheek/zygoma",
          "maxilla", "upper-incisors", "upper-premolars", "upper-molars", "mandible-body", "lower-incisors",
          "lower-molars", "angle-of-mandible", "chin", "throat", "tongue", "suboccipital", "posterior-neck",
          "posterolateral-neck", "lateral-neck", "anterior-neck", "angle-of-neck", "suprascapular", "acromion",
          "scapula-vertebral-border", "interscapular", "scapula-inferior-angle", "infraspinous-fossa", "sternum-upper",
          "pectoral", "shoulder-anterior", "shoulder-lateral", "shoulder-posterior", "arm-anterior",
          "arm-anterolateral", "arm-lateral", "arm-posterior", "lateral-epicondyle", "forearm-radial",
          "forearm-dorsal", "hand-radial/dorsal", "thumb", "index-finger"})
        EXPECT_TRUE(d.findRegion(tag).has_value()) << tag;
    // Deep regions: pain felt inside, each with a volume to show.
    for (const char* deep : {"retro-orbital", "ear-deep", "upper-molars", "lower-incisors", "tongue"}) {
        const auto i = d.findRegion(deep);
        ASSERT_TRUE(i.has_value()) << deep;
        EXPECT_TRUE(d.regions[*i].deep) << deep;
        EXPECT_TRUE(d.regions[*i].volume.has_value()) << deep;
    }
    EXPECT_FALSE(d.regions[d.findRegion("temple").value()].deep);
    // The mastoid keeps one shape on the bone (not moved onto the skin) so it shows with the skin hidden.
    const auto& mastoid = d.regions[d.findRegion("mastoid").value()];
    ASSERT_EQ(mastoid.shapes.size(), 2u);
    EXPECT_TRUE(mastoid.shapes[0].snapToSurface);
    EXPECT_FALSE(mastoid.shapes[1].snapToSurface);
}

TEST(TriggerData, EveryMuscleOfTheSheetIsThere)
{
    const auto d = ReferralData::load(dataDir());
    std::set<std::string> withTrps;
    for (const auto& t : d.triggerPoints)
        withTrps.insert(t.muscle);
    for (const char* m : {"trapezius-upper", "trapezius-middle", "trapezius-lower", "levator-scapulae",
                          "sternocleidomastoid", "suboccipitals", "splenius-capitis", "splenius-cervicis",
                          "semispinalis-capitis", "scalenus-anterior", "scalenus-medius", "scalenus-posterior",
                          "temporalis", "masseter", "frontalis", "occipitalis", "digastric", "supraspinatus",
                          "infraspinatus", "rhomboids"}) {
        EXPECT_TRUE(d.findMuscle(m).has_value()) << m;
        EXPECT_TRUE(withTrps.count(m)) << m << " has no trigger point";
    }
    for (const auto& m : d.muscles) {
        EXPECT_FALSE(m.origin.empty());
        EXPECT_FALSE(m.structures.empty());
    }
}

// The second sheet (trigger-points-more.md): its 16 muscles with trigger points, the cervical multifidi
// (which add to PC-L3d rather than bring a point of their own), FMA ids, and the 8 proposed region tags.
TEST(TriggerData, EveryMuscleOfTheSecondSheetIsThere)
{
    const auto d = ReferralData::load(dataDir());
    std::map<std::string, int> trps;
    for (const auto& t : d.triggerPoints)
        ++trps[t.muscle];
    // FMA ids we could not confirm are left empty rather than guessed.
    const std::set<std::string> noFma = {"subscapularis", "serratus-anterior", "multifidi-cervical"};
    int points = 0;
    for (const char* m : {"pectoralis-minor", "pectoralis-major", "lateral-pterygoid", "medial-pterygoid",
                          "zygomaticus-major", "orbicularis-oculi", "platysma", "deltoid", "subscapularis", "teres-minor",
                          "teres-major", "latissimus-dorsi", "serratus-anterior", "serratus-posterior-superior",
                          "subclavius", "buccinator", "multifidi-cervical"}) {
        const auto i = d.findMuscle(m);
        ASSERT_TRUE(i.has_value()) << m;
        const auto& rec = d.muscles[*i];
        EXPECT_EQ(rec.structures, std::vector<std::string>{m}) << m;
        EXPECT_FALSE(rec.latin.empty()) << m;
        if (noFma.count(m)) {
            EXPECT_EQ(rec.fma, "") << m;
        } else {
            EXPECT_EQ(rec.fma.rfind("FMA", 0), 0u) << m << ": " << rec.fma;
        }
        if (std::string(m) != "multifidi-cervical") {
            EXPECT_GT(trps[m], 0) << m << " has no trigger point";
        }
        points += trps[m];
    }
    // 27 rows in the sheet; SSC-lat (two points) and TMaj-MTJ (two ends) are split, and PMaj-arrhythmia
    // (right side only, no pain zone) is left out because every point is instantiated on both sides.
    EXPECT_EQ(points, 27 + 2 - 1);
    EXPECT_EQ(trps["multifidi-cervical"], 0);
    const auto& pcl3d = d.triggerPoints[d.findTriggerPoint("semispinalis-capitis.level3-deep").value()];
    EXPECT_NE(std::find(pcl3d.sources.begin(), pcl3d.sources.end(), "S4"), pcl3d.sources.end());

    // The proposed tags are regions, each used by some zone; pectoralis minor reaches down the inner arm.
    std::set<std::string> used;
    for (const auto& t : d.triggerPoints)
        for (const auto* zone : {&t.essential, &t.spillover})
            for (const auto& z : *zone)
                used.insert(z.region);
    for (const char* r : {"arm-medial", "medial-epicondyle", "forearm-ulnar", "hand-ulnar", "wrist", "lateral-chest",
                          "sternum-mid", "nose"}) {
        const auto ri = d.findRegion(r);
        ASSERT_TRUE(ri.has_value()) << r;
        EXPECT_FALSE(d.regions[*ri].shapes.empty()) << r;
        EXPECT_TRUE(used.count(r)) << r << " is used by no zone";
    }
    const auto& pmin = d.triggerPoints[d.findTriggerPoint("pectoralis-minor.central").value()];
    for (const char* r : {"pectoral", "arm-medial", "forearm-ulnar", "hand-ulnar"})
        EXPECT_TRUE(std::any_of(pmin.spillover.begin(), pmin.spillover.end(), [&](const auto& z) { return z.region == r; }))
            << r;
    for (const char* k : {"S33", "S35", "S36", "S37", "S38", "S39", "S40", "S41"})
        EXPECT_TRUE(d.sources.count(k)) << k;
}

TEST(TriggerData, DocumentedPatternsAndDisagreementsAreRecorded)
{
    const auto d = ReferralData::load(dataDir());
    auto tp = [&](const char* id) -> const ta::core::TriggerPointRecord& {
        const auto i = d.findTriggerPoint(id);
        EXPECT_TRUE(i.has_value()) << id;
        return d.triggerPoints.at(i.value_or(0));
    };
    auto has = [](const std::vector<ta::core::ZoneRef>& z, const char* r) {
        return std::any_of(z.begin(), z.end(), [&](const auto& x) { return x.region == r; });
    };
    const auto& ut1 = tp("trapezius.upper.trp1");
    EXPECT_TRUE(has(ut1.essential, "temple"));
    EXPECT_TRUE(has(ut1.essential, "mastoid"));
    EXPECT_EQ(ut1.confidence, ta::core::Confidence::High);
    EXPECT_EQ(ut1.type, ta::core::TriggerPointType::Central);
    EXPECT_TRUE(has(tp("sternocleidomastoid.sternal.middle").essential, "retro-orbital"));
    EXPECT_TRUE(has(tp("sternocleidomastoid.sternal.middle").essential, "supraorbital")); // alias "eyebrow" resolved
    EXPECT_TRUE(has(tp("splenius-capitis.trp").essential, "vertex"));
    EXPECT_TRUE(has(tp("levator-scapulae.upper").essential, "angle-of-neck"));
    EXPECT_EQ(tp("trapezius.lower.trp4").type, ta::core::TriggerPointType::Attachment);
    // Contested points are flagged for the UI.
    EXPECT_FALSE(tp("trapezius.lower.trp3").disagreements.empty());
    EXPECT_FALSE(tp("trapezius.lower.trp4").disagreements.empty());
    EXPECT_FALSE(tp("sternocleidomastoid.sternal.middle").disagreements.empty());
    EXPECT_TRUE(tp("trapezius.upper.trp2").disagreements.empty());
    // The pilomotor TrP is not a pain source.
    EXPECT_FALSE(tp("trapezius.middle.trp7").refersPain);
    // Clavicular SCM forehead pain may cross to the other side.
    const auto opp = d.zoneRegions(tp("sternocleidomastoid.clavicular.middle").spillover, ta::core::Side::Left);
    ASSERT_EQ(opp.size(), 1u);
    EXPECT_EQ(opp[0].side, ta::core::Side::Right);
    for (const auto& t : d.triggerPoints)
        for (const auto& s : t.sources)
            EXPECT_TRUE(d.sources.count(s)) << t.id << " " << s;
}

TEST(TriggerData, SchemaErrorsNameFileAndKey)
{
    {
        BrokenData b("regions.json",
                     [](nlohmann::json& j) { byId(j["regions"], "vertex")["shapes"][0].erase("radii"); });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("regions.json"), std::string::npos) << msg;
        EXPECT_NE(msg.find("regions[vertex].shapes[0].radii"), std::string::npos) << msg;
    }
    {
        BrokenData b("trigger-points.json", [](nlohmann::json& j) {
            byId(j["trigger_points"], "trapezius.upper.trp1")["essential"][1] = "mastiod";
        });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("trigger-points.json"), std::string::npos) << msg;
        EXPECT_NE(msg.find("trigger_points[trapezius.upper.trp1].essential[1]"), std::string::npos) << msg;
        EXPECT_NE(msg.find("mastiod"), std::string::npos) << msg;
    }
    {
        BrokenData b("trigger-points.json", [](nlohmann::json& j) {
            byId(j["trigger_points"], "splenius-capitis.trp")["confidence"] = "very high";
        });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("trigger_points[splenius-capitis.trp].confidence"), std::string::npos) << msg;
    }
    {
        BrokenData b("muscles.json", [](nlohmann::json& j) { byId(j["muscles"], "masseter")["layer"] = "skin"; });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("muscles.json"), std::string::npos) << msg;
        EXPECT_NE(msg.find("muscles[masseter].layer"), std::string::npos) << msg;
    }
    {
        BrokenData b("muscles.json", [](nlohmann::json& j) { j["version"] = 7; });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("muscles.json: version"), std::string::npos) << msg;
    }
    {
        BrokenData b("trigger-points.json", [](nlohmann::json& j) {
            byId(j["trigger_points"], "temporalis.atrp1")["muscle"] = "temporal";
        });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("trigger_points[temporalis.atrp1].muscle"), std::string::npos) << msg;
    }
    {
        BrokenData b("regions.json", [](nlohmann::json& j) { j["regions"].push_back(j["regions"][0]); });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("duplicate id"), std::string::npos) << msg;
    }
}

// Where a source grades how often a spillover zone is felt ("occasionally the occiput"), the data says so; an
// essential zone (felt by every patient) cannot be graded, and an unknown grade names its key.
TEST(TriggerData, SpilloverZonesCarryTheFrequencyTheSourcesGive)
{
    const ReferralData d = ReferralData::load(dataDir());
    const auto grade = [&](const char* tp, const char* region) {
        const auto i = d.findTriggerPoint(tp);
        EXPECT_TRUE(i.has_value()) << tp;
        for (const auto& z : d.triggerPoints[i.value_or(0)].spillover)
            if (z.region == region)
                return z.frequency;
        ADD_FAILURE() << tp << " has no spillover " << region;
        return ta::core::ZoneFrequency::Usual;
    };
    using ta::core::ZoneFrequency;
    EXPECT_EQ(grade("trapezius.upper.trp1", "occiput"), ZoneFrequency::Occasional);     // S1: occasionally the occiput
    EXPECT_EQ(grade("trapezius.upper.trp1", "retro-orbital"), ZoneFrequency::Usual);
    EXPECT_EQ(grade("sternocleidomastoid.clavicular.upper", "cheek"), ZoneFrequency::Occasional);
    EXPECT_EQ(grade("digastric.anterior", "chin"), ZoneFrequency::Occasional);
    EXPECT_LT(ta::core::frequencyShade(ZoneFrequency::Rare), ta::core::frequencyShade(ZoneFrequency::Occasional));
    EXPECT_LT(ta::core::frequencyShade(ZoneFrequency::Occasional), ta::core::frequencyShade(ZoneFrequency::Usual));
    {
        BrokenData b("trigger-points.json", [](nlohmann::json& j) {
            byId(j["trigger_points"], "trapezius.upper.trp1")["essential"][0] = {{"region", "temple"}, {"frequency", "rare"}};
        });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("trigger_points[trapezius.upper.trp1].essential[0].frequency"), std::string::npos) << msg;
    }
    {
        BrokenData b("trigger-points.json", [](nlohmann::json& j) {
            byId(j["trigger_points"], "trapezius.upper.trp1")["spillover"][0] = {{"region", "retro-orbital"},
                                                                                 {"frequency", "sometimes"}};
        });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("trigger_points[trapezius.upper.trp1].spillover[0].frequency"), std::string::npos) << msg;
        EXPECT_NE(msg.find("sometimes"), std::string::npos) << msg;
    }
}

// The pain guide (S4) as data: every area and entry resolves to the loaded records, ranks as the guide gives
// them, its source key kept.
TEST(TriggerData, PainGuideLoadsWithTheGuidesOrder)
{
    const ReferralData d = ReferralData::load(dataDir());
    const PainGuide& g = d.painGuide;
    EXPECT_EQ(g.source, "S4");
    ASSERT_EQ(g.areas.size(), 10u);
    for (const auto& a : g.areas) {
        EXPECT_FALSE(a.entries.empty()) << a.id;
        EXPECT_FALSE(a.sources.empty()) << a.id;
        for (const auto& r : a.regions)
            EXPECT_TRUE(d.findRegion(r)) << a.id << " " << r;
        for (std::size_t i = 0; i < a.entries.size(); ++i) {
            EXPECT_TRUE(d.findMuscle(a.entries[i].muscle)) << a.id << " " << a.entries[i].muscle;
            EXPECT_LE(a.entries[i].rank, a.listed) << a.id;
            if (i > 0) {
                EXPECT_LT(a.entries[i - 1].rank, a.entries[i].rank) << a.id;
            }
        }
    }
    auto area = [&](const char* id) {
        return *std::find_if(g.areas.begin(), g.areas.end(), [&](const PainGuideArea& a) { return a.id == id; });
    };
    const auto& ut1 = d.triggerPoints[d.findTriggerPoint("trapezius.upper.trp1").value()];
    const auto& ut2 = d.triggerPoints[d.findTriggerPoint("trapezius.upper.trp2").value()];
    ASSERT_NE(area("temporal-headache").entryFor(ut1), nullptr);
    EXPECT_EQ(area("temporal-headache").entryFor(ut1)->rank, 1);
    EXPECT_EQ(area("temporal-headache").entryFor(ut2), nullptr); // the guide names TrP1 only
    EXPECT_EQ(area("eye-eyebrow-pain").entryFor(ut1)->rank, 8);  // rank 7 waits for orbicularis oculi
    const auto& deep = d.triggerPoints[d.findTriggerPoint("masseter.deep").value()];
    EXPECT_EQ(area("ear-tmj-pain").entryFor(deep)->rank, 2);
}

TEST(TriggerData, PainGuideErrorsNameFileAndKey)
{
    {
        BrokenData b("pain-guide.json", [](nlohmann::json& j) { j["areas"][7]["muscles"][0]["muscle"] = "stylohyoid"; });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("pain-guide.json"), std::string::npos) << msg;
        EXPECT_NE(msg.find("areas[toothache].muscles[0].muscle"), std::string::npos) << msg;
        EXPECT_NE(msg.find("unknown muscle \"stylohyoid\""), std::string::npos) << msg;
    }
    {
        BrokenData b("pain-guide.json", [](nlohmann::json& j) { j["areas"][2]["muscles"][0]["trigger_points"][0] = "trapezius.upper.trp9"; });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("areas[temporal-headache].muscles[0].trigger_points"), std::string::npos) << msg;
    }
    {
        BrokenData b("pain-guide.json", [](nlohmann::json& j) { j["areas"][2]["muscles"][1]["rank"] = 1; });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("unique and ascending"), std::string::npos) << msg;
    }
    {
        BrokenData b("pain-guide.json", [](nlohmann::json& j) { j["areas"][2]["regions"][0] = "temples"; });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("areas[temporal-headache].regions"), std::string::npos) << msg;
    }
    {
        BrokenData b("pain-guide.json", [](nlohmann::json& j) { j["areas"][0]["sources"][0] = "S99"; });
        const auto msg = errorOf<ta::ValidationError>(b.dir());
        EXPECT_NE(msg.find("unknown source key \"S99\""), std::string::npos) << msg;
    }
}

TEST(TriggerData, DamagedAndMissingFilesAreReported)
{
    {
        BrokenData b("regions.json", nullptr);
        b.write("regions.json", "{\n \"schema\": \"trigger-atlas/regions\",\n \"version\": 1,,\n}");
        const auto msg = errorOf<ta::ParseError>(b.dir());
        EXPECT_NE(msg.find("regions.json"), std::string::npos) << msg;
        EXPECT_NE(msg.find("line 3"), std::string::npos) << msg;
    }
    {
        BrokenData b("muscles.json", nullptr);
        fs::remove(b.dir() / "trigger-points.json");
        const auto msg = errorOf<ta::IoError>(b.dir());
        EXPECT_NE(msg.find("trigger-points.json"), std::string::npos) << msg;
    }
}
