// The clinic server stopped in the middle of work (pg_ctl stop -m immediate): the store says so in one
// line, the change it was writing is not acknowledged, nothing acknowledged is lost, and the same store
// works again when the server is back. Also: copying records between a SQLite file and the server.
#include "core/records/sqlite_record_store.h"
#include "io/records/clinic_admin.h"
#include "io/records/pg_record_store.h"
#include "pg_test_server.h"
#include "session/records/record_copy.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>

using namespace ta::core::records;
using ta::io::records::PgConnection;
using ta::io::records::PgRecordStore;
using ta::testing_pg::PgTestServer;

namespace {

std::string makeTherapist(const std::string& db)
{
    const std::string login = "t_" + PgTestServer::suffix();
    PgConnection owner(PgTestServer::shared().conninfo(db));
    ta::io::records::addTherapist(owner, login, "Test Therapist", std::nullopt, false);
    return login;
}

} // namespace

TEST(ClinicFaults, ServerStoppedMidWorkLosesNothingAcknowledged)
{
    auto& server = PgTestServer::shared();
    const std::string db = server.freshClinic();
    const std::string login = makeTherapist(db);
    PgRecordStore store(server.conninfo(db, login));
    Client c;
    c.name = "Acknowledged";
    const ClientId id = store.addClient(c);
    std::vector<SessionId> acknowledged;
    for (int i = 0; i < 5; ++i) {
        Session s;
        s.client = id;
        s.dateTime = "2026-11-2" + std::to_string(i) + "T10:00";
        acknowledged.push_back(store.addSession(s));
    }

    auto outage = server.crash(); // back on resume() or at the end of the test, however it ends
    Session pending;
    pending.client = id;
    pending.dateTime = "2026-11-30T10:00";
    pending.id = SessionId::generate(); // the app keeps the change with its id, to write it again later
    try {
        store.addSession(pending);
        ADD_FAILURE() << "a write to a stopped server was acknowledged";
    } catch (const ta::io::records::ConnectionLostError& e) {
        const std::string msg = e.what();
        EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
        EXPECT_NE(msg.find(store.describe()), std::string::npos) << msg;
    }
    // While it is down, every call fails the same way; nothing hangs.
    EXPECT_THROW(store.listClients(), ta::io::records::ConnectionLostError);

    outage.resume();
    // The same store connects again on its next call; the kept change goes in now.
    store.addSession(pending);
    const auto sessions = store.listSessions(id);
    ASSERT_EQ(sessions.size(), acknowledged.size() + 1);
    for (const auto& s : acknowledged)
        EXPECT_TRUE(store.session(s)) << s.str();
    EXPECT_TRUE(store.session(pending.id));
}

TEST(ClinicCopy, RecordsCopyBetweenAFileAndTheServerEitherWayIdempotently)
{
    auto& server = PgTestServer::shared();
    const std::string db = server.freshClinic();
    const std::string login = makeTherapist(db);
    const auto dir = std::filesystem::temp_directory_path() / ("ta-copy-" + PgTestServer::suffix());
    std::filesystem::create_directories(dir);
    {
        SqliteRecordStore laptop(dir / "laptop.db", SqliteStoreOptions{.dailyBackup = false});
        Client c;
        c.name = "Carla Client";
        const ClientId id = laptop.addClient(c);
        Session s;
        s.client = id;
        s.dateTime = "2026-11-20T09:30";
        const SessionId sid = laptop.addSession(s);
        Finding f;
        f.session = sid;
        f.structure = "sternocleidomastoid-sternal-left";
        f.position = {0.031f, 1.451f, 0.052f};
        laptop.addFinding(f);
        laptop.signSession(sid, "Test Therapist");
        JournalEntry j;
        j.client = id;
        j.date = "2026-11-21";
        j.headache = true;
        j.peakIntensity = 6;
        laptop.addJournalEntry(j);

        PgRecordStore clinic(server.conninfo(db, login));
        auto report = ta::session::copyRecords(laptop, clinic);
        ASSERT_EQ(report.clients.size(), 1u);
        EXPECT_FALSE(report.clients[0].existed);
        EXPECT_EQ(report.sessions(), 1u);
        // Again: nothing changes.
        report = ta::session::copyRecords(laptop, clinic);
        EXPECT_TRUE(report.clients[0].unchanged);
        const ClientRecord there = clinic.exportClient(id);
        EXPECT_TRUE(there.sessions[0].session.isSigned());
        EXPECT_EQ(there.sessions[0].findings.at(0).position, f.position);

        // And back into a new file: the same record, the same UUIDs.
        SqliteRecordStore other(dir / "other.db", SqliteStoreOptions{.dailyBackup = false});
        ta::session::copyRecords(clinic, other);
        ClientRecord back = other.exportClient(id);
        ClientRecord original = laptop.exportClient(id);
        EXPECT_EQ(back.client.name, original.client.name);
        EXPECT_EQ(back.sessions.size(), 1u);
        EXPECT_EQ(back.sessions[0].session.signature, original.sessions[0].session.signature);
        EXPECT_EQ(back.sessions[0].findings.at(0).id, original.sessions[0].findings.at(0).id);
        EXPECT_EQ(back.journal, original.journal);
    }
    std::filesystem::remove_all(dir);
}
