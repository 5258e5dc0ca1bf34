// A clinic on a real PostgreSQL server: therapists see only their own clients and those shared with
// them, through the app and through plain SQL; two therapists writing at once lose nothing; signed
// sessions are locked for every role; the audit trail records who did what and cannot be changed.
#include "core/records/record_store.h"
#include "io/records/clinic_admin.h"
#include "io/records/pg_record_store.h"
#include "pg_test_server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <thread>

using namespace ta::core::records;
using ta::io::records::PgConnection;
using ta::io::records::PgRecordStore;
using ta::testing_pg::PgTestServer;

namespace {

class Clinic : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = server().freshClinic();
        const std::string s = PgTestServer::suffix();
        anna = "anna_" + s;
        ben = "ben_" + s;
        boss = "boss_" + s;
        PgConnection owner(server().conninfo(db));
        ta::io::records::addTherapist(owner, anna, "Anna Adler", std::nullopt, false);
        ta::io::records::addTherapist(owner, ben, "Ben Berg", std::nullopt, false);
        ta::io::records::addTherapist(owner, boss, "Clinic Admin", std::nullopt, true);
    }

    static PgTestServer& server() { return PgTestServer::shared(); }
    std::unique_ptr<PgRecordStore> storeAs(const std::string& login) const
    {
        return std::make_unique<PgRecordStore>(server().conninfo(db, login));
    }
    std::pair<int, std::string> psqlAs(const std::string& login, const std::string& sql) const
    {
        return server().psql(db, login, sql);
    }
    static ClientId addClient(RecordStore& store, const std::string& name)
    {
        Client c;
        c.name = name;
        return store.addClient(c);
    }
    static SessionId addSession(RecordStore& store, const ClientId& client, const std::string& when)
    {
        Session s;
        s.client = client;
        s.dateTime = when;
        s.reason = "headache";
        return store.addSession(s);
    }

    std::string db, anna, ben, boss;
};

std::vector<std::string> namesOf(const std::vector<Client>& cs)
{
    std::vector<std::string> out;
    for (const auto& c : cs)
        out.push_back(c.name);
    return out;
}

} // namespace

TEST_F(Clinic, EachTherapistSeesOnlyTheirOwnClients)
{
    auto a = storeAs(anna);
    auto b = storeAs(ben);
    const ClientId ofAnna = addClient(*a, "Carla Client");
    const ClientId ofBen = addClient(*b, "Dieter Dorn");
    addSession(*a, ofAnna, "2026-11-30T10:00");

    EXPECT_EQ(namesOf(a->listClients()), std::vector<std::string>{"Carla Client"});
    EXPECT_EQ(namesOf(b->listClients()), std::vector<std::string>{"Dieter Dorn"});
    EXPECT_FALSE(b->client(ofAnna));
    EXPECT_TRUE(b->listSessions(ofAnna).empty());
    EXPECT_TRUE(b->searchClients("Carla", 10).empty());
    // Ben cannot write into Anna's client either: to him it does not exist.
    EXPECT_THROW(addSession(*b, ofAnna, "2026-11-30T11:00"), ta::ValidationError);
    Client stolen = *a->client(ofAnna);
    stolen.notes = "written by ben";
    EXPECT_THROW(b->updateClient(stolen), ta::ValidationError);
    EXPECT_EQ(a->client(ofAnna)->notes, "");
    // The admin manages therapists and reads the audit, but sees no clinical content.
    EXPECT_TRUE(storeAs(boss)->listClients().empty());
    EXPECT_FALSE(storeAs(boss)->client(ofBen));
}

TEST_F(Clinic, PlainSqlAsOneTherapistCannotReadOrChangeTheOthersClients)
{
    auto a = storeAs(anna);
    const ClientId ofAnna = addClient(*a, "Carla Client");
    const SessionId s = addSession(*a, ofAnna, "2026-11-30T10:00");
    Finding f;
    f.session = s;
    f.structure = "trapezius-descending-left";
    a->addFinding(f);

    const std::string id = "'" + ofAnna.str() + "'";
    auto [rc, out] = psqlAs(ben, "SELECT count(*) FROM ta.clients; SELECT count(*) FROM ta.sessions; "
                                 "SELECT count(*) FROM ta.findings; SELECT count(*) FROM ta.clients WHERE id = " + id + ";"
                                 "UPDATE ta.clients SET notes = 'x' WHERE id = " + id + ";"
                                 "DELETE FROM ta.findings; SELECT 'done';");
    EXPECT_EQ(rc, 0) << out;
    EXPECT_EQ(out, "0\n0\n0\n0\ndone\n");
    EXPECT_EQ(a->listFindings(s).size(), 1u);
    EXPECT_EQ(a->client(ofAnna)->notes, "");
    // A client made in Anna's name by Ben is refused by the insert policy.
    std::tie(rc, out) = psqlAs(ben, "INSERT INTO ta.clients (id, owner, name, created_at, updated_at) VALUES "
                                    "('11111111-1111-4111-8111-111111111111', '" + anna + "', 'Forged', 'x', 'x');");
    EXPECT_NE(rc, 0);
    EXPECT_NE(out.find("row-level security"), std::string::npos) << out;
    // Anna herself, in plain SQL, sees her client.
    std::tie(rc, out) = psqlAs(anna, "SELECT name FROM ta.clients;");
    EXPECT_EQ(out, "Carla Client\n");
    // Nobody outside the clinic's groups gets in at all.
    psqlAs("ta_owner", "CREATE ROLE outsider_" + db + " LOGIN;");
    std::tie(rc, out) = psqlAs("outsider_" + db, "SELECT count(*) FROM ta.clients;");
    EXPECT_NE(rc, 0);
    EXPECT_NE(out.find("permission denied"), std::string::npos) << out;
}

TEST_F(Clinic, SharingOneClientLetsAColleagueWorkOnItUntilUnshared)
{
    auto a = storeAs(anna);
    auto b = storeAs(ben);
    const ClientId shared = addClient(*a, "Carla Client");
    const ClientId privateOne = addClient(*a, "Erna Eigen");
    PgConnection annaConn(server().conninfo(db, anna));
    PgConnection benConn(server().conninfo(db, ben));
    // Only the owner shares.
    EXPECT_THROW(ta::io::records::shareClient(benConn, shared, ben), ta::Error);
    ta::io::records::shareClient(annaConn, shared, ben);
    EXPECT_EQ(ta::io::records::sharesOf(annaConn, shared), std::vector<std::string>{ben});

    EXPECT_EQ(namesOf(b->listClients()), std::vector<std::string>{"Carla Client"});
    const SessionId bySession = addSession(*b, shared, "2026-11-30T12:00");
    EXPECT_EQ(a->listSessions(shared).size(), 1u);
    EXPECT_FALSE(b->client(privateOne));
    // A colleague works on a shared client but does not delete it.
    EXPECT_THROW(b->deleteClient(shared), ta::io::records::PermissionError);

    EXPECT_TRUE(ta::io::records::unshareClient(annaConn, shared, ben));
    EXPECT_FALSE(ta::io::records::unshareClient(annaConn, shared, ben));
    EXPECT_TRUE(b->listClients().empty());
    EXPECT_FALSE(b->session(bySession));
    EXPECT_TRUE(a->session(bySession)); // what Ben wrote stays in Anna's record
}

TEST_F(Clinic, TwoTherapistsWritingAtOnceLoseNoChange)
{
    auto a = storeAs(anna);
    const ClientId id = addClient(*a, "Carla Client");
    PgConnection annaConn(server().conninfo(db, anna));
    ta::io::records::shareClient(annaConn, id, ben);
    auto b = storeAs(ben);

    // Both open the record; Anna saves first; Ben's save from the older copy is refused, with a reload.
    Client annaCopy = *a->client(id);
    Client benCopy = *b->client(id);
    annaCopy.notes = "prefers mornings";
    a->updateClient(annaCopy);
    benCopy.contact = "0123 456";
    try {
        b->updateClient(benCopy);
        FAIL() << "a stale update went through";
    } catch (const ConflictError& e) {
        EXPECT_NE(std::string(e.what()).find("reload"), std::string::npos) << e.what();
    }
    Client reloaded = *b->client(id);
    reloaded.contact = "0123 456";
    b->updateClient(reloaded);
    const Client final = *a->client(id);
    EXPECT_EQ(final.notes, "prefers mornings");
    EXPECT_EQ(final.contact, "0123 456");

    // Many read-modify-write rounds from two connections at once: every increment survives.
    auto bump = [&](const std::string& login, int times) {
        auto store = storeAs(login);
        for (int i = 0; i < times;) {
            Client c = *store->client(id);
            c.reference = std::to_string(std::stoi(c.reference.empty() ? "0" : c.reference) + 1);
            try {
                store->updateClient(c);
                ++i;
            } catch (const ConflictError&) {
                // someone else was first: read again and retry
            }
        }
    };
    std::thread t1(bump, anna, 40);
    std::thread t2(bump, ben, 40);
    t1.join();
    t2.join();
    EXPECT_EQ(a->client(id)->reference, "80");
}

TEST_F(Clinic, SignedSessionsAreLockedForEveryRole)
{
    auto a = storeAs(anna);
    const ClientId id = addClient(*a, "Carla Client");
    const SessionId s = addSession(*a, id, "2026-11-30T10:00");
    Finding f;
    f.session = s;
    f.structure = "levator-scapulae-left";
    a->addFinding(f);
    a->signSession(s, "Anna Adler");
    PgConnection annaConn(server().conninfo(db, anna));
    ta::io::records::shareClient(annaConn, id, ben);

    Session changed = *storeAs(ben)->session(s);
    changed.reason = "rewritten";
    EXPECT_THROW(storeAs(ben)->updateSession(changed), LockedError);
    for (const std::string& who : {anna, std::string("ta_owner")}) {
        auto [rc, out] = psqlAs(who, "UPDATE ta.sessions SET reason = 'rewritten' WHERE id = '" + s.str() + "';");
        EXPECT_NE(rc, 0) << who;
        EXPECT_NE(out.find("signed and locked"), std::string::npos) << out;
        std::tie(rc, out) = psqlAs(who, "DELETE FROM ta.findings WHERE session_id = '" + s.str() + "';");
        EXPECT_NE(rc, 0) << who;
    }
    EXPECT_EQ(a->session(s)->reason, "headache");
    EXPECT_EQ(a->listFindings(s).size(), 1u);
    // Addenda still go in.
    Addendum add;
    add.session = s;
    add.author = "Ben Berg";
    add.text = "client called: better";
    storeAs(ben)->addAddendum(add);
    EXPECT_EQ(a->listAddenda(s).size(), 1u);
}

TEST_F(Clinic, TheAuditTrailShowsWhoDidWhatAndCannotBeChanged)
{
    auto a = storeAs(anna);
    const ClientId id = addClient(*a, "Carla Client");
    PgConnection annaConn(server().conninfo(db, anna));
    ta::io::records::shareClient(annaConn, id, ben);
    auto b = storeAs(ben);
    Client c = *b->client(id);
    c.notes = "seen by ben";
    b->updateClient(c);

    PgConnection bossConn(server().conninfo(db, boss));
    const auto audit = ta::io::records::listAudit(bossConn, id, std::nullopt);
    auto has = [&](const std::string& who, const std::string& action, const std::string& record) {
        return std::any_of(audit.begin(), audit.end(), [&](const auto& e) {
            return e.who == who && e.action == action && e.record == record && e.clientId == id.str();
        });
    };
    EXPECT_TRUE(has(anna, "create", "clients"));
    EXPECT_TRUE(has(anna, "share", "client_shares"));
    EXPECT_TRUE(has(ben, "read", "clients"));
    EXPECT_TRUE(has(ben, "change", "clients"));
    const auto change = std::find_if(audit.begin(), audit.end(), [&](const auto& e) { return e.action == "change"; });
    ASSERT_NE(change, audit.end());
    EXPECT_EQ(change->detail, "notes");
    EXPECT_EQ(change->address, "local");
    EXPECT_EQ(change->at.size(), 20u) << change->at;
    // --since filters by day; a therapist sees the audit of their own clients only.
    EXPECT_TRUE(ta::io::records::listAudit(bossConn, id, std::string("2999-01-01")).empty());
    PgConnection other(server().conninfo(db, boss));
    const auto ofClient = ta::io::records::listAudit(annaConn, std::nullopt, std::nullopt);
    EXPECT_FALSE(ofClient.empty());

    // Append-only for everyone, the owner included.
    for (const std::string& who : {anna, boss, std::string("ta_owner")}) {
        auto [rc, out] = psqlAs(who, "DELETE FROM ta.audit;");
        EXPECT_NE(rc, 0) << who << ": " << out;
        std::tie(rc, out) = psqlAs(who, "UPDATE ta.audit SET who = 'nobody';");
        EXPECT_NE(rc, 0) << who << ": " << out;
    }
    auto [rc, out] = psqlAs("ta_owner", "TRUNCATE ta.audit;");
    EXPECT_NE(rc, 0) << out;
    EXPECT_EQ(ta::io::records::listAudit(bossConn, id, std::nullopt).size(), audit.size() + 0u);
}

TEST_F(Clinic, PasswordsGoToTheServerOnlyAsAHashAndTcpLogsTheAddress)
{
    psqlAs("ta_owner", "ALTER DATABASE " + db + " SET log_statement = 'all';");
    const std::string password = "Horse-Battery-" + PgTestServer::suffix();
    const std::string carl = "carl_" + PgTestServer::suffix();
    {
        PgConnection owner(server().conninfo(db));
        ta::io::records::addTherapist(owner, carl, "Carl Cox", password, false);
    }
    // Over TCP the server asks for the password: from PGPASSWORD, as libpq reads it.
    ::setenv("PGPASSWORD", password.c_str(), 1);
    {
        PgRecordStore store(server().tcpUri(db, carl));
        EXPECT_EQ(store.describe().find(password), std::string::npos);
        addClient(store, "Over TCP");
    }
    ::setenv("PGPASSWORD", "wrong", 1);
    try {
        PgRecordStore store(server().tcpUri(db, carl));
        FAIL() << "a wrong password was accepted";
    } catch (const ta::io::records::ConnectionLostError& e) {
        EXPECT_NE(std::string(e.what()).find("password authentication failed"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    }
    // sslmode in the URI is honoured: the test server has no TLS, so "require" must refuse to go on.
    ::setenv("PGPASSWORD", password.c_str(), 1);
    std::string uri = server().tcpUri(db, carl);
    uri.replace(uri.find("sslmode=disable"), 15, "sslmode=require");
    try {
        PgRecordStore store(uri);
        FAIL() << "sslmode=require connected without TLS";
    } catch (const ta::io::records::ConnectionLostError& e) {
        EXPECT_NE(std::string(e.what()).find("SSL"), std::string::npos) << e.what();
    }
    ::unsetenv("PGPASSWORD");
    PgConnection bossConn(server().conninfo(db, boss));
    const auto audit = ta::io::records::listAudit(bossConn, std::nullopt, std::nullopt);
    EXPECT_TRUE(std::any_of(audit.begin(), audit.end(),
                            [&](const auto& e) { return e.who == carl && e.address == "127.0.0.1"; }));
    std::ifstream log(server().dir() + "/server.log");
    const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("add_therapist"), std::string::npos) << "log_statement did not log: the check proves nothing";
    EXPECT_EQ(text.find(password), std::string::npos);
}

TEST_F(Clinic, TextFieldsHoldQuotesSemicolonsAndSqlVerbatim)
{
    auto a = storeAs(anna);
    Client c;
    c.name = "Robert'); DROP TABLE ta.clients; --";
    c.notes = "50% better; \"quoted\" \\ back\\slash $1 $$ E'\\x00' ümlaut";
    c.reference = "_%";
    const ClientId id = a->addClient(c);
    const Client got = *a->client(id);
    EXPECT_EQ(got.name, c.name);
    EXPECT_EQ(got.notes, c.notes);
    EXPECT_EQ(namesOf(a->searchClients("); DROP", 5)), std::vector<std::string>{c.name});
    EXPECT_EQ(a->searchClients("_%", 5).size(), 1u);
    EXPECT_TRUE(a->searchClients("x_%", 5).empty());
    EXPECT_EQ(a->listClients().size(), 1u);
}
