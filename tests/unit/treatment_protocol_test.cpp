// Treatment protocols: the shipped ones resolve and run in the order the product is built around (the
// front of the chest and the sides of the neck before the back of the head, the suboccipitals last with a
// 30-60 s hold); a protocol file is refused naming the key; the hold timer and Done; and in the app model,
// each step shows its point on the chosen side and Done marks the finding treated in the open session.
#include "test_model_path.h"

#include "core/error.h"
#include "core/referral/referral_data.h"
#include "core/treatment/protocol.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/app_session.h"
#include "session/records/record_services.h"
#include "session/records/report_builder.h"
#include "session/treatment/protocol_run.h"
#include "session/treatment/treatment_service.h"

#include "installed_treatment.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

using namespace ta;
namespace fs = std::filesystem;

namespace {

const core::ReferralData& data() { return test::installedData(); }
const session::TreatmentService& service() { return test::installedTreatment(); }

nlohmann::json headacheJson()
{
    std::ifstream in(io::assetPath("protocols") / "headache.json");
    return nlohmann::json::parse(in);
}

std::string muscleOf(const session::ResolvedStep& s) { return data().muscles[s.muscle].id; }

/// Index of the first / last step on any of these muscles; -1 when none.
int firstOn(const session::ResolvedProtocol& p, std::initializer_list<const char*> muscles, bool last = false)
{
    int found = -1;
    for (int i = 0; i < static_cast<int>(p.steps.size()); ++i)
        for (const char* m : muscles)
            if (muscleOf(p.steps[static_cast<std::size_t>(i)]) == m) {
                if (!last && found < 0)
                    found = i;
                if (last)
                    found = i;
            }
    return found;
}

void expectRefused(const nlohmann::json& doc, const std::string& mustContain)
{
    try {
        (void)session::ProtocolLibrary::resolve(core::Protocol::fromJson(doc, "headache.json"), data(),
                                                service().treatment());
        ADD_FAILURE() << "accepted: " << mustContain;
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find(mustContain), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("headache.json"), std::string::npos) << e.what();
    }
}

} // namespace

TEST(TreatmentProtocols, TheBuiltInOnesResolve)
{
    const auto ids = service().protocols().ids();
    EXPECT_NE(std::find(ids.begin(), ids.end(), "headache"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "stiff-neck"), ids.end());
    for (const auto& p : service().protocols().all()) {
        EXPECT_FALSE(p.screen.empty()) << p.protocol.id << " screens for nothing";
        for (const auto& s : p.steps) {
            // A step's hold lies within what its technique documents, where the technique gives a range.
            const core::Technique* t = service().treatment().technique(s.step.technique);
            ASSERT_NE(t, nullptr);
            if (t->holdSeconds && s.step.holdSeconds > 0) {
                EXPECT_GE(s.step.holdSeconds, t->holdSeconds->minSeconds) << p.protocol.id << " " << s.title;
                EXPECT_LE(s.step.holdSeconds, t->holdSeconds->maxSeconds) << p.protocol.id << " " << s.title;
            }
        }
    }
}

TEST(TreatmentProtocols, HeadacheOpensTheFrontFirstAndEndsAtTheBaseOfTheSkull)
{
    const session::ResolvedProtocol* p = service().protocols().find("headache");
    ASSERT_NE(p, nullptr);
    const int lastFront =
        firstOn(*p, {"pectoralis-minor", "sternocleidomastoid", "scalenus-anterior", "scalenus-medius"}, true);
    const int firstBack = firstOn(*p, {"trapezius-upper", "levator-scapulae", "splenius-capitis", "splenius-cervicis"});
    ASSERT_GE(lastFront, 0);
    ASSERT_GE(firstBack, 0);
    EXPECT_LT(lastFront, firstBack) << "the front of the chest and the sides of the neck come before the back";
    EXPECT_EQ(muscleOf(p->steps.front()), "pectoralis-minor");
    const session::ResolvedStep& last = p->steps.back();
    EXPECT_EQ(muscleOf(last), "suboccipitals");
    EXPECT_EQ(last.step.technique, "ischemic-compression");
    EXPECT_GE(last.step.holdSeconds, 30);
    EXPECT_LE(last.step.holdSeconds, 60);
    // Screened before: red-flag headache, a cervical artery problem, and an active migraine attack.
    for (const char* id : {"red-flag-headache", "cervical-artery", "migraine-attack"})
        EXPECT_TRUE(std::any_of(p->screen.begin(), p->screen.end(), [&](const auto& c) { return c.id == id; })) << id;
    // The order's rationale says where it is our inference.
    EXPECT_TRUE(std::any_of(p->protocol.rationale.begin(), p->protocol.rationale.end(),
                            [](const auto& r) { return r.evidence.inference; }));
}

TEST(TreatmentProtocols, AnUnknownIdIsRefusedNamingTheStepAndTheClosestId)
{
    nlohmann::json doc = headacheJson();
    doc["steps"][5]["trigger_point"] = "trapezius.uper.trp1";
    expectRefused(
        doc,
        "steps[5].trigger_point: unknown trigger point \"trapezius.uper.trp1\"; did you mean trapezius.upper.trp1?");
    doc = headacheJson();
    doc["steps"][0].erase("trigger_point");
    doc["steps"][0]["muscle"] = "pectoralis-minr";
    expectRefused(doc, "steps[0].muscle: unknown muscle");
    doc = headacheJson();
    doc["steps"][1]["technique"] = "massage";
    expectRefused(doc, "steps[1].technique: unknown technique");
    doc = headacheJson();
    doc["screen"] = {"red-flags"};
    expectRefused(doc, "screen: unknown contraindication \"red-flags\"");
}

TEST(TreatmentProtocols, ABadShapeIsRefusedNamingTheKey)
{
    nlohmann::json doc = headacheJson();
    doc["steps"][0]["muscle"] = "suboccipitals"; // and "trigger_point" too
    expectRefused(doc, "steps[0]: needs exactly one of");
    doc = headacheJson();
    doc["steps"][2]["hold_s"] = -5;
    expectRefused(doc, "steps[2].hold_s");
    doc = headacheJson();
    doc["steps"][2]["hold_s"] = 7.5;
    expectRefused(doc, "steps[2].hold_s");
    doc = headacheJson();
    doc["steps"][3]["view"] = "front";
    expectRefused(doc, "steps[3].view: expected anterior, posterior, lateral or superior");
    doc = headacheJson();
    doc["steps"] = nlohmann::json::array();
    expectRefused(doc, "steps: a protocol needs at least one step");
}

TEST(TreatmentProtocols, TheFileNameIsTheId)
{
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("ta-protocol-" + std::to_string(rd()));
    fs::create_directories(dir);
    std::ofstream(dir / "migraine.json") << headacheJson().dump();
    EXPECT_THROW(core::Protocol::load(dir / "migraine.json"), ValidationError);
    fs::remove_all(dir);
}

TEST(ProtocolRun, TheHoldTimerCountsPausesAndCuesOnce)
{
    const session::ResolvedProtocol* p = service().protocols().find("headache");
    ASSERT_NE(p, nullptr);
    session::ProtocolRun run(*p, core::Side::Right);
    EXPECT_EQ(run.side(), core::Side::Right);
    const int hold = run.step().step.holdSeconds;
    ASSERT_GT(hold, 10);
    run.startHold(100.0);
    EXPECT_DOUBLE_EQ(run.held(105.0), 5.0);
    run.pauseHold(105.0);
    EXPECT_DOUBLE_EQ(run.held(200.0), 5.0); // paused: the clock does not run
    run.startHold(200.0);
    EXPECT_FALSE(run.takeCue(200.0 + hold - 6.0));
    EXPECT_DOUBLE_EQ(run.remaining(200.0 + hold - 6.0), 1.0);
    EXPECT_TRUE(run.takeCue(200.0 + hold - 5.0)); // reached: the cue, once
    EXPECT_FALSE(run.takeCue(200.0 + hold + 10.0));
    EXPECT_EQ(run.markDone(200.0 + hold - 3.0), hold + 2);
    EXPECT_TRUE(run.done(0));
    EXPECT_EQ(run.index(), 1u);
    EXPECT_DOUBLE_EQ(run.held(1000.0), 0.0); // a new step starts from zero
}

TEST(ProtocolRun, DoneMovesToTheNextStepNotYetDoneAndCompletes)
{
    const session::ResolvedProtocol* p = service().protocols().find("stiff-neck");
    ASSERT_NE(p, nullptr);
    session::ProtocolRun run(*p, core::Side::Left);
    run.goTo(2);
    EXPECT_EQ(run.markDone(0.0), p->steps[2].step.holdSeconds); // the timer unused: the planned hold is recorded
    EXPECT_EQ(run.index(), 3u);
    run.goTo(run.size() - 1);
    run.markDone(0.0);
    EXPECT_EQ(run.index(), 0u); // wraps round to the first not done
    while (!run.complete())
        run.markDone(0.0);
    EXPECT_EQ(run.doneCount(), run.size());
}

TEST(ProtocolInTheApp, EachStepShowsItsPointOnTheSideAndDoneMarksTheFindingTreated)
{
    const fs::path model = ta::testing::testModelPath();
    if (!fs::exists(model))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << model;
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("ta-protocol-app-" + std::to_string(rd()));
    fs::create_directories(dir);
    {
        session::AppSession s;
        s.camera().setViewport(480, 360);
        s.openModel(io::loadModel(model), model, io::assetPath("data"));
        ASSERT_NE(s.treatment(), nullptr) << s.message();
        s.attachRecords(session::openRecordStore(dir / "records.db", false));
        core::records::Client c;
        c.name = "Protocol Client";
        s.records()->addClient(c);
        s.newRecordSession("2026-12-01T10:00", false);

        s.startProtocol("headache", core::Side::Right);
        ASSERT_NE(s.protocolRun(), nullptr);
        EXPECT_TRUE(s.visibility().ghost()) << "the layers above the step's muscle are x-rayed";
        // Step 1: the pectoralis minor, under the x-rayed pectoralis major.
        ASSERT_TRUE(s.shownTriggerPoint().has_value());
        EXPECT_EQ(s.catalog().key(*s.shownTriggerPoint()), "pectoralis-minor.central-right");
        // Step 3: the SCM's sternal division on the right, shown with its referral.
        s.protocolStep(+1);
        s.protocolStep(+1);
        const auto tp = s.shownTriggerPoint();
        ASSERT_TRUE(tp.has_value());
        EXPECT_EQ(s.catalog().key(*tp), "sternocleidomastoid.sternal.middle-right");
        ASSERT_NE(s.shownSheet(), nullptr);
        EXPECT_EQ(s.shownSheet()->id, "sternocleidomastoid.sternal.middle");

        // Held 31 s, then Done: a finding at that point, treated, with the technique and the seconds.
        s.protocolRun()->startHold(10.0);
        s.update(41.0);
        const std::string said = s.markProtocolStepDone();
        EXPECT_NE(said.find("marked treated"), std::string::npos) << said;
        const auto findings = s.records()->store().listFindings(s.records()->current()->session.id);
        ASSERT_EQ(findings.size(), 1u);
        EXPECT_TRUE(findings[0].treated);
        EXPECT_EQ(findings[0].technique, "Pincer compression");
        ASSERT_TRUE(findings[0].treatedSeconds.has_value());
        EXPECT_EQ(*findings[0].treatedSeconds, 31);
        EXPECT_EQ(findings[0].triggerPoint.value_or(""), "sternocleidomastoid.sternal.middle-right");
        EXPECT_EQ(s.protocolRun()->index(), 3u);

        // Done again on a point that already has a finding marks that one, and adds none.
        s.protocolStep(-1);
        s.markProtocolStepDone();
        EXPECT_EQ(s.records()->store().listFindings(s.records()->current()->session.id).size(), 1u);
    }
    fs::remove_all(dir);
}

TEST(ProtocolInTheApp, TheHandoutSaysInPlainWordsWhatWasTreated)
{
    const fs::path model = ta::testing::testModelPath();
    if (!fs::exists(model))
        GTEST_SKIP() << "SKIPPED LOUDLY: no model at " << model;
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("ta-protocol-handout-" + std::to_string(rd()));
    fs::create_directories(dir);
    {
        session::AppSession s;
        s.openModel(io::loadModel(model), model, io::assetPath("data"));
        s.attachRecords(session::openRecordStore(dir / "records.db", false));
        core::records::Client c;
        c.name = "Handout Client";
        s.records()->addClient(c);
        s.newRecordSession("2026-12-01T11:00", false);
        s.startProtocol("headache", core::Side::Left);
        s.protocolRun()->goTo(12); // the suboccipitals
        s.showProtocolStep();
        s.protocolRun()->startHold(0.0);
        s.update(45.0);
        s.markProtocolStepDone();
        const auto lines =
            session::treatedInPlainWords(*s.records()->current(), s.model(), s.catalog(), s.treatment()->treatment());
        ASSERT_EQ(lines.size(), 1u);
        const core::Technique* ic = s.treatment()->treatment().technique("ischemic-compression");
        EXPECT_NE(lines[0].find("suboccipital"), std::string::npos) << lines[0];
        EXPECT_NE(lines[0].find(ic->plain.substr(1, 30)), std::string::npos) << lines[0];
        EXPECT_NE(lines[0].find("(45 s)"), std::string::npos) << lines[0];
    }
    fs::remove_all(dir);
}
