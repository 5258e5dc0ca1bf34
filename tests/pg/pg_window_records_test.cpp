// The window on a clinic server that stops in the middle of work: the tag being written stays on the
// body map, the status line says so in one line, and it is stored by itself once the server is back.
#include "test_scene.h"

#include "io/records/clinic_admin.h"
#include "pg_test_server.h"
#include "session/app_session.h"
#include "session/records/record_services.h"

#include <gtest/gtest.h>

using namespace ta;
namespace rec = ta::core::records;
using ta::testing_pg::PgTestServer;

TEST(ClinicWindow, AChangeMadeWhileTheServerIsDownIsKeptAndStoredWhenItIsBack)
{
    auto& server = PgTestServer::shared();
    const std::string db = server.freshClinic();
    const std::string login = "w_" + PgTestServer::suffix();
    {
        io::records::PgConnection owner(server.conninfo(db));
        io::records::addTherapist(owner, login, "Window Therapist", std::nullopt, false);
    }
    session::AppSession s;
    s.camera().setViewport(800, 500);
    s.openModel(ta::testing::makeTestModel(), "test-scene", "/nonexistent-data-dir");
    s.camera().applyPreset(core::ViewPreset::Posterior, true);
    s.camera().snap();
    s.attachRecords(session::openRecordStore(server.conninfo(db, login)));
    s.update(0.0);
    rec::Client c;
    c.name = "Carla Client";
    s.records()->addClient(c);
    s.newRecordSession("2026-11-30T10:00", false);
    const rec::SessionId sid = s.records()->current()->session.id;
    auto pixelOf = [&](const glm::vec3& p) {
        const auto q = s.camera().project(p);
        return q ? glm::vec2(q->x, q->y) : glm::vec2(-1.0f);
    };
    s.setTool(session::Tool::Tag);
    s.tagAt(*s.pickUnderSkin(pixelOf({0.09f, 1.45f, -0.08f})));
    ASSERT_EQ(s.records()->store().listFindings(sid).size(), 1u) << s.message();

    auto outage = server.crash(); // back on resume() or at the end of the test, however it ends
    s.tagAt(*s.pickUnderSkin(pixelOf({-0.09f, 1.45f, -0.08f})));
    s.update(1.0);
    EXPECT_TRUE(s.messageIsError()) << s.message() << " tags " << s.bodyMap().map().tagCount();
    EXPECT_NE(s.message().find("kept"), std::string::npos) << s.message();
    EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
    EXPECT_EQ(s.bodyMap().map().tagCount(), 2u) << "the unsaved tag must stay on the body map";

    outage.resume();
    s.update(2.0); // before the retry time: nothing yet
    s.update(10.0);
    EXPECT_FALSE(s.messageIsError()) << s.message();
    const auto stored = s.records()->store().listFindings(sid);
    ASSERT_EQ(stored.size(), 2u) << s.message();
    EXPECT_EQ(s.bodyMap().map().tagCount(), 2u);
}
