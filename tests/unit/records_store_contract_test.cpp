// The RecordStore contract (see records_store_contract.h): every backend passes these.
#include "records_store_contract.h"

#include "core/error.h"
#include "core/records/client_exchange.h"

#include <algorithm>
#include <random>

namespace fs = std::filesystem;
using namespace ta::core::records;

void RecordStoreContract::SetUp()
{
    std::random_device rd;
    m_dir = fs::temp_directory_path() / ("ta-records-contract-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(m_dir);
    m_store = GetParam().make(m_dir);
}

void RecordStoreContract::TearDown()
{
    m_store.reset();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

namespace {

Client fullClient(std::string name = "Anna Schmidt")
{
    Client c;
    c.name = std::move(name);
    c.reference = "K-0042";
    c.dateOfBirth = "1980-04-01";
    c.contact = "anna@example.org, 0123 456";
    c.notes = "prefers mornings";
    c.consent = Consent{"2026-11-01", "treatment and record keeping", "T. Therapist"};
    return c;
}

Session fullSession(const ClientId& client, std::string dateTime = "2026-11-20T09:30")
{
    Session s;
    s.client = client;
    s.dateTime = std::move(dateTime);
    s.reason = "headache at the left temple";
    s.painBefore = 7;
    s.painAfter = 3;
    s.soap = {"worse after desk work", "taut band upper trapezius", "myofascial", "stretch daily"};
    s.techniques = {"ischaemic compression", "stretch and spray"};
    return s;
}

Finding fullFinding(const SessionId& session, std::string structure = "trapezius-descending-left")
{
    Finding f;
    f.session = session;
    f.structure = std::move(structure);
    f.position = {0.071f, 1.52f, -0.031f};
    f.triggerPoint = "trapezius-1";
    f.state = FindingState::Latent;
    f.severity = 7;
    f.note = "jump sign";
    f.treated = true;
    f.technique = "compression";
    f.treatedSeconds = 90;
    return f;
}

PainMark fullPain(const SessionId& session, float x = 0.06f)
{
    PainMark p;
    p.session = session;
    p.structure = "skin";
    p.position = {x, 1.68f, 0.05f};
    p.radius = 0.025f;
    p.intensity = 6;
    p.quality = PainQuality::Throbbing;
    p.region = "temple";
    p.side = Side::Left;
    p.coveredRegions = {"temple", "forehead"};
    p.note = "pulsing";
    return p;
}

std::vector<std::string> names(const std::vector<Client>& cs)
{
    std::vector<std::string> out;
    for (const auto& c : cs)
        out.push_back(c.name);
    return out;
}

} // namespace

TEST_P(RecordStoreContract, ClientRoundTripAndUpdate)
{
    const ClientId id = store().addClient(fullClient());
    EXPECT_TRUE(id.valid());
    auto got = store().client(id);
    ASSERT_TRUE(got);
    Client want = fullClient();
    want.id = id;
    want.createdAt = got->createdAt;
    want.updatedAt = got->updatedAt;
    want.version = 1; // a stored record starts at row version 1
    EXPECT_EQ(*got, want);
    EXPECT_EQ(got->createdAt.size(), 20u) << got->createdAt;

    got->name = "Anna Schmidt-Berg";
    got->consent.reset();
    got->dateOfBirth.reset();
    store().updateClient(*got);
    const auto again = store().client(id);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->name, "Anna Schmidt-Berg");
    EXPECT_FALSE(again->consent);
    EXPECT_FALSE(again->dateOfBirth);
    EXPECT_EQ(again->createdAt, want.createdAt);
    EXPECT_FALSE(store().client(ClientId::generate()));
}

TEST_P(RecordStoreContract, ClientRulesAreEnforced)
{
    Client bad = fullClient("");
    EXPECT_THROW(store().addClient(bad), ta::ValidationError);
    bad = fullClient();
    bad.dateOfBirth = "1980-13-01";
    try {
        store().addClient(bad);
        FAIL() << "a bad date of birth was accepted";
    } catch (const ta::ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("dateOfBirth"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(store().describe()), std::string::npos) << e.what();
    }
    Client unknown = fullClient();
    unknown.id = ClientId::generate();
    EXPECT_THROW(store().updateClient(unknown), ta::ValidationError);
    EXPECT_THROW(store().deleteClient(ClientId::generate()), ta::ValidationError);
    const ClientId id = store().addClient(fullClient());
    Client dup = fullClient("Other");
    dup.id = id;
    EXPECT_THROW(store().addClient(dup), ta::ValidationError);
    EXPECT_EQ(store().listClients().size(), 1u);
}

TEST_P(RecordStoreContract, ListAndSearchClients)
{
    for (const char* n : {"hans Meier", "Anna Schmidt", "Johanna Berg", "Peter Müller", "Zoe Annan"})
        store().addClient(fullClient(n));
    Client byRef = fullClient("Kurt Vogel");
    byRef.reference = "PX-7781";
    store().addClient(byRef);

    EXPECT_EQ(names(store().listClients()),
              (std::vector<std::string>{"Anna Schmidt", "hans Meier", "Johanna Berg", "Kurt Vogel", "Peter Müller",
                                        "Zoe Annan"}));
    EXPECT_EQ(names(store().searchClients("ANN", 10)),
              (std::vector<std::string>{"Anna Schmidt", "Johanna Berg", "Zoe Annan"}));
    EXPECT_EQ(names(store().searchClients("an", 10)),
              (std::vector<std::string>{"Anna Schmidt", "hans Meier", "Johanna Berg", "Zoe Annan"}));
    EXPECT_EQ(names(store().searchClients("ann", 2)), (std::vector<std::string>{"Anna Schmidt", "Johanna Berg"}));
    EXPECT_EQ(names(store().searchClients("x-77", 10)), (std::vector<std::string>{"Kurt Vogel"}));
    EXPECT_EQ(names(store().searchClients("MÜLL", 10)), (std::vector<std::string>{"Peter Müller"}));
    EXPECT_EQ(names(store().searchClients("\"%_", 10)), std::vector<std::string>{});
    EXPECT_EQ(names(store().searchClients("qqq", 10)), std::vector<std::string>{});
    EXPECT_EQ(store().searchClients("", 3).size(), 3u);
    EXPECT_TRUE(store().searchClients("ann", 0).empty());

    // The index follows renames and deletions.
    auto hans = store().searchClients("Meier", 1).at(0);
    hans.name = "Hans Maier";
    store().updateClient(hans);
    EXPECT_TRUE(store().searchClients("Meier", 10).empty());
    EXPECT_EQ(names(store().searchClients("maier", 10)), (std::vector<std::string>{"Hans Maier"}));
    store().deleteClient(hans.id);
    EXPECT_TRUE(store().searchClients("maier", 10).empty());
}

TEST_P(RecordStoreContract, SessionRoundTripAndOrder)
{
    const ClientId c = store().addClient(fullClient());
    const SessionId late = store().addSession(fullSession(c, "2026-12-01T14:00"));
    const SessionId early = store().addSession(fullSession(c, "2026-11-20T09:30"));
    auto got = store().session(early);
    ASSERT_TRUE(got);
    Session want = fullSession(c, "2026-11-20T09:30");
    want.id = early;
    want.version = 1;
    EXPECT_EQ(*got, want);
    const auto list = store().listSessions(c);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, early);
    EXPECT_EQ(list[1].id, late);

    got->painBefore.reset();
    got->techniques = {"dry needling"};
    got->soap.plan = "review in two weeks";
    store().updateSession(*got);
    ++got->version; // every change adds one
    EXPECT_EQ(*store().session(early), *got);

    Session bad = fullSession(c, "2026-11-20 09:30");
    EXPECT_THROW(store().addSession(bad), ta::ValidationError);
    bad = fullSession(c);
    bad.painAfter = 11;
    EXPECT_THROW(store().addSession(bad), ta::ValidationError);
    EXPECT_THROW(store().addSession(fullSession(ClientId::generate())), ta::ValidationError);
    EXPECT_EQ(store().listSessions(c).size(), 2u);
}

TEST_P(RecordStoreContract, FindingsAddUpdateDelete)
{
    const ClientId c = store().addClient(fullClient());
    const SessionId s = store().addSession(fullSession(c));
    const FindingId a = store().addFinding(fullFinding(s));
    Finding plain;
    plain.session = s;
    plain.structure = "levator-scapulae-right";
    const FindingId b = store().addFinding(plain);

    Finding want = fullFinding(s);
    want.id = a;
    want.version = 1;
    EXPECT_EQ(*store().finding(a), want);
    auto list = store().listFindings(s);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, a);
    EXPECT_EQ(list[1].id, b);
    EXPECT_FALSE(list[1].triggerPoint);
    EXPECT_FALSE(list[1].treatedSeconds);

    want.severity = 2;
    want.triggerPoint.reset();
    want.state = FindingState::Active;
    store().updateFinding(want);
    ++want.version;
    EXPECT_EQ(*store().finding(a), want);

    Finding bad = want;
    bad.severity = 11;
    EXPECT_THROW(store().updateFinding(bad), ta::ValidationError);
    EXPECT_EQ(store().finding(a)->severity, 2);
    bad = fullFinding(SessionId::generate());
    EXPECT_THROW(store().addFinding(bad), ta::ValidationError);

    store().deleteFinding(b);
    EXPECT_FALSE(store().finding(b));
    EXPECT_EQ(store().listFindings(s).size(), 1u);
    EXPECT_THROW(store().deleteFinding(b), ta::ValidationError);
}

TEST_P(RecordStoreContract, PainStrokeIsOneTransaction)
{
    const ClientId c = store().addClient(fullClient());
    const SessionId s = store().addSession(fullSession(c));
    std::vector<PainMark> stroke;
    for (int i = 0; i < 20; ++i)
        stroke.push_back(fullPain(s, 0.001f * float(i)));
    const auto ids = store().addPainMarks(stroke);
    ASSERT_EQ(ids.size(), 20u);
    const auto list = store().listPainMarks(s);
    ASSERT_EQ(list.size(), 20u);
    PainMark want = stroke[7];
    want.id = ids[7];
    want.version = 1;
    EXPECT_EQ(list[7], want);

    // A stroke with one bad mark adds nothing.
    std::vector<PainMark> broken = {fullPain(s), fullPain(s), fullPain(s)};
    broken[2].intensity = -1;
    EXPECT_THROW(store().addPainMarks(broken), ta::ValidationError);
    broken[2].intensity = 3;
    broken[2].session = SessionId::generate();
    EXPECT_THROW(store().addPainMarks(broken), ta::ValidationError);
    EXPECT_EQ(store().listPainMarks(s).size(), 20u);

    PainMark plain;
    plain.session = s;
    const PainMarkId one = store().addPainMark(plain);
    plain.id = one;
    plain.version = 1; // as stored
    plain.quality = PainQuality::Numbness;
    store().updatePainMark(plain);
    ++plain.version;
    EXPECT_EQ(store().listPainMarks(s).back(), plain);

    // An erase stroke with one unknown id deletes nothing.
    std::vector<PainMarkId> erase = {ids[0], ids[1], PainMarkId::generate()};
    EXPECT_THROW(store().deletePainMarks(erase), ta::ValidationError);
    EXPECT_EQ(store().listPainMarks(s).size(), 21u);
    erase.pop_back();
    store().deletePainMarks(erase);
    EXPECT_EQ(store().listPainMarks(s).size(), 19u);
    EXPECT_EQ(store().listPainMarks(s).front().id, ids[2]);
}

TEST_P(RecordStoreContract, SignedSessionIsLockedAndTakesAddenda)
{
    const ClientId c = store().addClient(fullClient());
    const SessionId s = store().addSession(fullSession(c));
    const FindingId f = store().addFinding(fullFinding(s));
    const PainMarkId p = store().addPainMark(fullPain(s));
    store().signSession(s, "T. Therapist", "2026-11-20T10:30:00Z");
    const Session signedSession = *store().session(s);
    ASSERT_TRUE(signedSession.signature);
    EXPECT_EQ(signedSession.signature->by, "T. Therapist");
    EXPECT_EQ(signedSession.signature->at, "2026-11-20T10:30:00Z");

    Session change = signedSession;
    change.signature.reset();
    change.reason = "rewritten";
    EXPECT_THROW(store().updateSession(change), LockedError);
    EXPECT_THROW(store().signSession(s, "Someone"), LockedError);
    EXPECT_THROW(store().addFinding(fullFinding(s)), LockedError);
    Finding fc = *store().finding(f);
    fc.severity = 1;
    EXPECT_THROW(store().updateFinding(fc), LockedError);
    EXPECT_THROW(store().deleteFinding(f), LockedError);
    EXPECT_THROW(store().confirmFinding(f), LockedError);
    EXPECT_THROW(store().addPainMark(fullPain(s)), LockedError);
    PainMark pc = store().listPainMarks(s).at(0);
    pc.intensity = 0;
    EXPECT_THROW(store().updatePainMark(pc), LockedError);
    const std::vector<PainMarkId> erase = {p};
    EXPECT_THROW(store().deletePainMarks(erase), LockedError);
    QuestionnaireResponse q;
    q.session = s;
    q.kind = QuestionnaireKind::Hit6;
    q.answers = {0, 1, 2, 3, 4, 4};
    EXPECT_THROW(store().addQuestionnaire(q), LockedError);
    EXPECT_THROW(store().carryOverFindings(s), LockedError);
    try {
        store().updateSession(change);
    } catch (const LockedError& e) {
        EXPECT_NE(std::string(e.what()).find(s.str()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("addendum"), std::string::npos) << e.what();
    }

    EXPECT_EQ(*store().session(s), signedSession);
    EXPECT_EQ(store().finding(f)->severity, 7);
    EXPECT_EQ(store().listPainMarks(s).size(), 1u);

    const AddendumId a1 = store().addAddendum({{}, s, "2026-11-21T08:00:00Z", "T. Therapist", "pain after was 4, not 3"});
    const AddendumId a2 = store().addAddendum({{}, s, "", "T. Therapist", "called: better"});
    const auto addenda = store().listAddenda(s);
    ASSERT_EQ(addenda.size(), 2u);
    EXPECT_EQ(addenda[0].id, a1);
    EXPECT_EQ(addenda[0].text, "pain after was 4, not 3");
    EXPECT_EQ(addenda[1].id, a2);
    EXPECT_FALSE(addenda[1].at.empty());
    EXPECT_THROW(store().addAddendum({{}, s, "", "x", ""}), ta::ValidationError);
    EXPECT_THROW(store().addAddendum({{}, SessionId::generate(), "", "x", "text"}), ta::ValidationError);
}

TEST_P(RecordStoreContract, CarryOverAndConfirm)
{
    const ClientId c = store().addClient(fullClient());
    const SessionId first = store().addSession(fullSession(c, "2026-11-01T09:00"));
    const SessionId second = store().addSession(fullSession(c, "2026-11-08T09:00"));
    const SessionId third = store().addSession(fullSession(c, "2026-11-15T09:00"));
    EXPECT_EQ(store().carryOverFindings(first), 0u);
    store().addFinding(fullFinding(first, "old-one"));
    store().addFinding(fullFinding(second, "trapezius-descending-left"));
    store().addFinding(fullFinding(second, "levator-scapulae-left"));

    ASSERT_EQ(store().carryOverFindings(third), 2u); // from the latest earlier session, not the first
    const auto carried = store().listFindings(third);
    ASSERT_EQ(carried.size(), 2u);
    const auto from = store().listFindings(second);
    for (std::size_t i = 0; i < carried.size(); ++i) {
        EXPECT_TRUE(carried[i].carriedOver);
        EXPECT_FALSE(carried[i].treated);
        EXPECT_NE(carried[i].id, from[i].id);
        EXPECT_EQ(carried[i].structure, from[i].structure);
        EXPECT_EQ(carried[i].position, from[i].position);
        EXPECT_EQ(carried[i].severity, from[i].severity);
        EXPECT_FALSE(from[i].carriedOver);
    }
    store().confirmFinding(carried[0].id);
    EXPECT_FALSE(store().finding(carried[0].id)->carriedOver);
    EXPECT_TRUE(store().finding(carried[1].id)->carriedOver);
    EXPECT_THROW(store().carryOverFindings(SessionId::generate()), ta::ValidationError);
}

TEST_P(RecordStoreContract, JournalByClientAndDate)
{
    const ClientId c = store().addClient(fullClient());
    const ClientId other = store().addClient(fullClient("Other"));
    JournalEntry e;
    e.client = c;
    e.date = "2026-11-03";
    e.headache = true;
    e.peakIntensity = 6;
    e.hours = 3.5;
    e.regions = {"temple-left", "neck-left"};
    e.triggers = {HeadacheTrigger::ScreenTime, HeadacheTrigger::Sleep};
    e.medication = "ibuprofen 400 mg";
    e.note = "after a long day";
    const JournalEntryId id = store().addJournalEntry(e);
    e.id = id;
    e.version = 1; // as stored
    for (const char* d : {"2026-11-01", "2026-11-05", "2026-11-10"}) {
        JournalEntry x;
        x.client = c;
        x.date = d;
        store().addJournalEntry(x);
    }
    JournalEntry o;
    o.client = other;
    o.date = "2026-11-03";
    store().addJournalEntry(o); // same day, another client: fine

    JournalEntry dup;
    dup.client = c;
    dup.date = "2026-11-03";
    EXPECT_THROW(store().addJournalEntry(dup), ta::ValidationError);
    JournalEntry bad = e;
    bad.id = {};
    bad.date = "2026-11-04";
    bad.peakIntensity = 12;
    EXPECT_THROW(store().addJournalEntry(bad), ta::ValidationError);

    const auto all = store().listJournal(c);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[1], e);
    const auto range = store().listJournal(c, "2026-11-02", "2026-11-05");
    ASSERT_EQ(range.size(), 2u);
    EXPECT_EQ(range[0].date, "2026-11-03");
    EXPECT_EQ(range[1].date, "2026-11-05");
    EXPECT_EQ(store().listJournal(c, "2026-11-06").size(), 1u);
    EXPECT_EQ(store().listJournal(c, {}, "2026-11-01").size(), 1u);

    e.headache = false;
    e.peakIntensity.reset();
    e.hours.reset();
    e.triggers = {HeadacheTrigger::Other};
    store().updateJournalEntry(e);
    ++e.version;
    EXPECT_EQ(store().listJournal(c, "2026-11-03", "2026-11-03").at(0), e);
    JournalEntry moved = store().listJournal(c, "2026-11-05", "2026-11-05").at(0);
    moved.date = "2026-11-03"; // onto the day that already has an entry
    EXPECT_THROW(store().updateJournalEntry(moved), ta::ValidationError);
}

TEST_P(RecordStoreContract, Questionnaires)
{
    const ClientId c = store().addClient(fullClient());
    const SessionId s = store().addSession(fullSession(c));
    QuestionnaireResponse ndi{{}, s, QuestionnaireKind::Ndi, {0, 1, 2, 3, 4, 5, 0, 1, 2, 3}, "2026-11-20T09:00:00Z"};
    QuestionnaireResponse hit{{}, s, QuestionnaireKind::Hit6, {6, 8, 10, 11, 13, 13}, "2026-11-20T09:05:00Z"};
    ndi.id = store().addQuestionnaire(ndi);
    hit.id = store().addQuestionnaire(hit);
    const auto list = store().listQuestionnaires(s);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0], ndi);
    EXPECT_EQ(list[1], hit);
    QuestionnaireResponse bad{{}, s, QuestionnaireKind::Ndi, {0, 1, 2}, ""};
    EXPECT_THROW(store().addQuestionnaire(bad), ta::ValidationError);
    bad = {{}, s, QuestionnaireKind::Hit6, {0, 1, 2, 3, 4, 7}, ""};
    EXPECT_THROW(store().addQuestionnaire(bad), ta::ValidationError);
    EXPECT_EQ(store().listQuestionnaires(s).size(), 2u);
}

TEST_P(RecordStoreContract, DeleteClientRemovesEverything)
{
    const ClientId c = store().addClient(fullClient());
    const ClientId keep = store().addClient(fullClient("Keep Me"));
    const SessionId s = store().addSession(fullSession(c));
    const SessionId ks = store().addSession(fullSession(keep));
    const FindingId f = store().addFinding(fullFinding(s));
    store().addFinding(fullFinding(ks));
    store().addPainMark(fullPain(s));
    store().addQuestionnaire({{}, s, QuestionnaireKind::Ndi, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, ""});
    JournalEntry j;
    j.client = c;
    j.date = "2026-11-03";
    store().addJournalEntry(j);
    store().signSession(s, "T. Therapist");
    store().addAddendum({{}, s, "", "T", "note"});

    store().deleteClient(c);
    EXPECT_FALSE(store().client(c));
    EXPECT_FALSE(store().session(s));
    EXPECT_FALSE(store().finding(f));
    EXPECT_TRUE(store().listPainMarks(s).empty());
    EXPECT_TRUE(store().listQuestionnaires(s).empty());
    EXPECT_TRUE(store().listAddenda(s).empty());
    EXPECT_TRUE(store().listJournal(c).empty());
    EXPECT_TRUE(store().searchClients("Schmidt", 10).empty());
    EXPECT_EQ(store().listFindings(ks).size(), 1u);
    EXPECT_EQ(names(store().listClients()), (std::vector<std::string>{"Keep Me"}));
}

TEST_P(RecordStoreContract, ExportImportRoundTripIsIdempotent)
{
    const ClientId c = store().addClient(fullClient());
    const SessionId s1 = store().addSession(fullSession(c, "2026-11-01T09:00"));
    const SessionId s2 = store().addSession(fullSession(c, "2026-11-08T09:00"));
    store().addFinding(fullFinding(s1));
    store().addPainMarks({fullPain(s1), fullPain(s1, 0.01f)});
    store().addQuestionnaire({{}, s1, QuestionnaireKind::Hit6, {0, 1, 2, 3, 4, 0}, ""});
    store().signSession(s1, "T. Therapist");
    store().addAddendum({{}, s1, "", "T", "correction"});
    store().carryOverFindings(s2);
    JournalEntry j;
    j.client = c;
    j.date = "2026-11-03";
    j.triggers = {HeadacheTrigger::Weather};
    store().addJournalEntry(j);

    const ClientRecord before = store().exportClient(c);
    ASSERT_EQ(before.sessions.size(), 2u);
    EXPECT_EQ(before.sessions[0].painMarks.size(), 2u);
    EXPECT_EQ(before.sessions[1].findings.size(), 1u);
    EXPECT_EQ(before.journal.size(), 1u);

    // Through JSON, into the same store twice: no duplicates, nothing changes.
    const ClientRecord parsed = clientRecordFromJson(clientRecordToJson(before), "mem.json");
    EXPECT_EQ(parsed, withoutRowVersions(before)); // a file carries the content, not the store's counters
    store().importClient(parsed);
    store().importClient(parsed);
    EXPECT_EQ(store().listClients().size(), 1u);
    EXPECT_EQ(store().exportClient(c), before);

    // Into an empty store after deletion: everything comes back, signature and all.
    store().deleteClient(c);
    store().importClient(parsed);
    EXPECT_EQ(store().exportClient(c), before);

    // An import that changes an unsigned session updates it; a signed one is kept as stored.
    ClientRecord changed = parsed;
    changed.client.notes = "updated by import";
    changed.sessions[0].session.reason = "tampered";
    changed.sessions[0].findings[0].severity = 0;
    changed.sessions[0].addenda.push_back({AddendumId::generate(), s1, "2026-12-01T10:00:00Z", "T", "second"});
    changed.sessions[1].session.reason = "edited elsewhere";
    store().importClient(changed);
    const ClientRecord after = store().exportClient(c);
    EXPECT_EQ(after.client.notes, "updated by import");
    EXPECT_EQ(after.sessions[0].session.reason, before.sessions[0].session.reason);
    EXPECT_EQ(after.sessions[0].findings[0].severity, before.sessions[0].findings[0].severity);
    EXPECT_EQ(after.sessions[0].addenda.size(), 2u);
    EXPECT_EQ(after.sessions[1].session.reason, "edited elsewhere");

    // A record whose parts disagree is refused whole.
    ClientRecord broken = parsed;
    broken.client.notes = "must not land";
    broken.sessions[1].findings[0].session = s1;
    EXPECT_THROW(store().importClient(broken), ta::ValidationError);
    EXPECT_EQ(store().client(c)->notes, "updated by import");
}

TEST_P(RecordStoreContract, AnUpdateFromAnOlderCopyIsRefusedAndNothingIsLost)
{
    const ClientId c = store().addClient(fullClient());
    Client first = *store().client(c);
    Client second = first;
    EXPECT_EQ(first.version, 1);
    first.notes = "prefers mornings";
    store().updateClient(first);
    second.contact = "changed from an old copy";
    EXPECT_THROW(store().updateClient(second), ConflictError);
    Client now = *store().client(c);
    EXPECT_EQ(now.notes, "prefers mornings");
    EXPECT_EQ(now.contact, fullClient().contact);
    EXPECT_EQ(now.version, 2);
    now.contact = "changed after a reload";
    store().updateClient(now);
    EXPECT_EQ(store().client(c)->contact, "changed after a reload");
    EXPECT_EQ(store().client(c)->version, 3);

    const SessionId s = store().addSession(fullSession(c));
    Session sa = *store().session(s), sb = sa;
    sa.reason = "first";
    store().updateSession(sa);
    sb.reason = "second";
    EXPECT_THROW(store().updateSession(sb), ConflictError);
    EXPECT_EQ(store().session(s)->reason, "first");

    const FindingId f = store().addFinding(fullFinding(s));
    Finding fa = *store().finding(f), fb = fa;
    fa.severity = 3;
    store().updateFinding(fa);
    fb.severity = 9;
    EXPECT_THROW(store().updateFinding(fb), ConflictError);
    EXPECT_EQ(store().finding(f)->severity, 3);
    store().confirmFinding(f); // a confirmation is a change too
    EXPECT_THROW(store().updateFinding(fa), ConflictError);

    const PainMarkId p = store().addPainMark(fullPain(s));
    PainMark pa = store().listPainMarks(s).front(), pb = pa;
    pa.intensity = 2;
    store().updatePainMark(pa);
    pb.intensity = 9;
    EXPECT_THROW(store().updatePainMark(pb), ConflictError);
    EXPECT_EQ(store().listPainMarks(s).front().intensity, 2);
    EXPECT_EQ(store().listPainMarks(s).front().id, p);

    JournalEntry j;
    j.client = c;
    j.date = "2026-11-21";
    store().addJournalEntry(j);
    JournalEntry ja = store().listJournal(c).front(), jb = ja;
    ja.note = "first";
    store().updateJournalEntry(ja);
    jb.note = "second";
    EXPECT_THROW(store().updateJournalEntry(jb), ConflictError);
    EXPECT_EQ(store().listJournal(c).front().note, "first");

    // Importing what is stored changes no version; importing a change adds one.
    const ClientRecord r = store().exportClient(c);
    store().importClient(r);
    EXPECT_EQ(store().exportClient(c), r);
    ClientRecord changed = r;
    changed.client.notes = "by import";
    store().importClient(changed);
    EXPECT_EQ(store().client(c)->version, r.client.version + 1);
    EXPECT_EQ(store().session(s)->version, r.sessions[0].session.version);
}
