// PgRecordStore: connecting, clients, sessions, signing, addenda, export and import. Findings, pain marks,
// journal and questionnaires are in pg_record_rows.cpp.
#include "io/records/pg_record_store.h"

#include "core/records/record_validation.h"
#include "core/records/row_version.h"
#include "core/records/store_helpers.h"
#include "core/records/sqlite_schema.h"
#include "io/records/pg_rows.h"
#include "io/records/pg_schema.h"

#include <algorithm>

namespace ta::io::records {

using namespace detail;
using core::records::detail::likePattern;

namespace {


const std::string kClientUpsert =
    std::string("INSERT INTO ta.clients (") + kClientColumns +
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, "
    "reference = EXCLUDED.reference, date_of_birth = EXCLUDED.date_of_birth, contact = EXCLUDED.contact, "
    "notes = EXCLUDED.notes, consent_date = EXCLUDED.consent_date, consent_agreed = EXCLUDED.consent_agreed, "
    "consent_recorded_by = EXCLUDED.consent_recorded_by, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version";

const std::string kClientUpdate =
    "UPDATE ta.clients SET name = $2, reference = $3, date_of_birth = $4, contact = $5, notes = $6, "
    "consent_date = $7, consent_agreed = $8, consent_recorded_by = $9, updated_at = $10, version = $11 + 1 "
    "WHERE id = $1 AND version = $11";

const std::string kClientOrder = " ORDER BY lower(name) COLLATE \"C\", reference COLLATE \"C\", seq";

} // namespace

PgRecordStore::PgRecordStore(std::string conninfo, std::function<std::optional<std::string>(const std::string&)> askPassword)
    : m_conn(std::make_unique<PgConnection>(std::move(conninfo), std::move(askPassword)))
{
    const int version = clinicSchemaVersion(*m_conn);
    if (version == 0)
        throw rec::DatabaseRefusedError(describe() + ": refused: not a TriggerAtlas clinic database (no schema \"ta\"); "
                                                     "set it up with `trigger-atlas clinic init --db URI`");
    if (version > rec::kSchemaVersion)
        throw rec::DatabaseRefusedError(describe() + ": refused: made by a newer TriggerAtlas (schema version " +
                                        std::to_string(version) + ", this version knows up to " +
                                        std::to_string(rec::kSchemaVersion) + ")");
    if (version < rec::kSchemaVersion)
        throw rec::DatabaseRefusedError(describe() + ": refused: the clinic schema is at version " + std::to_string(version) +
                                        ", this version needs " + std::to_string(rec::kSchemaVersion) +
                                        "; the clinic's owner upgrades it with `trigger-atlas clinic init --db URI`");
}

PgRecordStore::~PgRecordStore() = default;

PgConnection& PgRecordStore::db() const
{
    if (!m_conn->connected()) {
        if (m_conn->inTransaction())
            throw ConnectionLostError(describe() + ": lost the connection to the server in the middle of a change; "
                                                   "nothing of it was stored");
        m_conn->reconnect();
    }
    return *m_conn;
}

std::string PgRecordStore::describe() const { return m_conn->describe(); }

std::string PgRecordStore::where(std::string_view kind, const std::string& id) const
{
    return describe() + ": " + std::string(kind) + " " + id;
}

void PgRecordStore::refuseUpdate(std::string_view table, std::string_view kind, const std::string& id,
                                 std::int64_t given) const
{
    const auto r = db().exec("SELECT version FROM ta." + std::string(table) + " WHERE id = $1", {id});
    if (r.rows() == 0)
        throw ValidationError(describe() + ": " + std::string(kind) + ": unknown id \"" + id + "\"");
    rec::detail::nextVersion(where(kind, id), r.int64(0, 0), given);
    throw ValidationError(where(kind, id) + ": belongs to another " + (table == "sessions" || table == "journal" ? "client" : "session"));
}

// --- Clients ---------------------------------------------------------------------------------------------

void PgRecordStore::writeClient(const rec::Client& c, bool upsert)
{
    db().exec(upsert ? kClientUpsert : insertSql("clients", kClientColumns, false), params(c));
}

rec::ClientId PgRecordStore::addClient(rec::Client c)
{
    if (c.id.empty())
        c.id = rec::ClientId::generate();
    c.createdAt = c.updatedAt = rec::nowUtcTimestamp();
    c.version = 1;
    rec::validate(c, where("client", c.id.str()));
    PgTransaction tx(db());
    writeClient(c, false);
    tx.commit();
    return c.id;
}

void PgRecordStore::updateClient(const rec::Client& client)
{
    rec::Client c = client;
    c.updatedAt = rec::nowUtcTimestamp();
    rec::validate(c, where("client", c.id.str()));
    PgTransaction tx(db());
    auto values = params(c);
    values.erase(values.begin() + 9); // created_at never changes
    if (db().exec(kClientUpdate, values).affected() == 0)
        refuseUpdate("clients", "client", c.id.str(), c.version);
    tx.commit();
}

std::optional<rec::Client> PgRecordStore::client(const rec::ClientId& id) const
{
    const auto r = db().exec(std::string("SELECT ") + kClientColumns + " FROM ta.clients WHERE id = $1", {id.str()});
    if (r.rows() == 0)
        return std::nullopt;
    return readClient(r, 0);
}

std::vector<rec::Client> PgRecordStore::listClients() const
{
    const auto r = db().exec(std::string("SELECT ") + kClientColumns + " FROM ta.clients" + kClientOrder);
    std::vector<rec::Client> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readClient(r, i));
    return out;
}

std::vector<rec::Client> PgRecordStore::searchClients(std::string_view text, std::size_t limit) const
{
    std::vector<rec::Client> out;
    if (limit == 0)
        return out;
    const auto lim = static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX));
    // lower(...) LIKE lower(pattern): the trigram indexes answer it from three characters on.
    const auto r = text.empty()
                       ? db().exec(std::string("SELECT ") + kClientColumns + " FROM ta.clients" + kClientOrder + " LIMIT $1",
                                   {pgParam(lim)})
                       : db().exec(std::string("SELECT ") + kClientColumns +
                                       " FROM ta.clients WHERE lower(name) LIKE lower($1) OR lower(reference) LIKE lower($1)" +
                                       kClientOrder + " LIMIT $2",
                                   {likePattern(text), pgParam(lim)});
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readClient(r, i));
    return out;
}

void PgRecordStore::deleteClient(const rec::ClientId& id)
{
    PgTransaction tx(db());
    if (!client(id))
        throw ValidationError(describe() + ": client: unknown id \"" + id.str() + "\"");
    if (db().exec("DELETE FROM ta.clients WHERE id = $1", {id.str()}).affected() == 0)
        throw PermissionError(where("client", id.str()) + ": only the client's own therapist deletes a client");
    tx.commit();
}

// --- Sessions --------------------------------------------------------------------------------------------

void PgRecordStore::writeSession(const rec::Session& s, bool upsert)
{
    if (db().exec(insertSql("sessions", kSessionColumns, upsert), params(s)).affected() == 0)
        throw ValidationError(where("session", s.id.str()) + ": client: the session belongs to another client");
}

rec::SessionId PgRecordStore::addSession(rec::Session s)
{
    if (s.id.empty())
        s.id = rec::SessionId::generate();
    rec::validate(s, where("session", s.id.str()));
    if (s.signature)
        throw ValidationError(where("session", s.id.str()) + ": signature: sign with signSession");
    s.version = 1;
    PgTransaction tx(db());
    if (!client(s.client))
        throw ValidationError(describe() + ": client: unknown id \"" + s.client.str() + "\"");
    writeSession(s, false);
    tx.commit();
    return s.id;
}

void PgRecordStore::requireUnlocked(const rec::SessionId& session, std::string_view what) const
{
    const auto r = db().exec("SELECT signed_at, signed_by FROM ta.sessions WHERE id = $1", {session.str()});
    if (r.rows() == 0)
        throw ValidationError(describe() + ": session: unknown id \"" + session.str() + "\"");
    if (!r.isNull(0, 0))
        throw rec::LockedError(where("session", session.str()) + ": signed " + r.text(0, 0) + " by " + r.text(0, 1) +
                               ", so " + std::string(what) + " is refused; add an addendum instead");
}

void PgRecordStore::updateSession(const rec::Session& s)
{
    rec::validate(s, where("session", s.id.str()));
    PgTransaction tx(db());
    requireUnlocked(s.id, "changing it");
    if (s.signature)
        throw ValidationError(where("session", s.id.str()) + ": signature: sign with signSession");
    if (db().exec(updateSql("sessions", kSessionColumns), params(s)).affected() == 0)
        refuseUpdate("sessions", "session", s.id.str(), s.version);
    tx.commit();
}

std::optional<rec::Session> PgRecordStore::session(const rec::SessionId& id) const
{
    const auto r = db().exec(std::string("SELECT ") + kSessionColumns + " FROM ta.sessions WHERE id = $1", {id.str()});
    if (r.rows() == 0)
        return std::nullopt;
    return readSession(r, 0);
}

std::vector<rec::Session> PgRecordStore::listSessions(const rec::ClientId& client) const
{
    const auto r = db().exec(std::string("SELECT ") + kSessionColumns +
                                 " FROM ta.sessions WHERE client_id = $1 ORDER BY date_time, seq",
                             {client.str()});
    std::vector<rec::Session> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readSession(r, i));
    return out;
}

void PgRecordStore::signSession(const rec::SessionId& id, std::string_view by, std::string_view at)
{
    if (by.empty())
        throw ValidationError(where("session", id.str()) + ": signed_by: who signs must be given");
    PgTransaction tx(db());
    requireUnlocked(id, "signing it again");
    db().exec("UPDATE ta.sessions SET signed_at = $2, signed_by = $3, version = version + 1 WHERE id = $1",
              {id.str(), at.empty() ? rec::nowUtcTimestamp() : std::string(at), std::string(by)});
    tx.commit();
}

void PgRecordStore::writeAddendum(const rec::Addendum& a, bool ignoreExisting)
{
    db().exec(insertSql("addenda", kAddendumColumns, false) + (ignoreExisting ? " ON CONFLICT (id) DO NOTHING" : ""),
              params(a));
}

rec::AddendumId PgRecordStore::addAddendum(rec::Addendum a)
{
    if (a.id.empty())
        a.id = rec::AddendumId::generate();
    if (a.at.empty())
        a.at = rec::nowUtcTimestamp();
    rec::validate(a, where("addendum", a.id.str()));
    PgTransaction tx(db());
    if (!session(a.session))
        throw ValidationError(describe() + ": session: unknown id \"" + a.session.str() + "\"");
    writeAddendum(a, false);
    tx.commit();
    return a.id;
}

std::vector<rec::Addendum> PgRecordStore::listAddenda(const rec::SessionId& session) const
{
    const auto r = db().exec(std::string("SELECT ") + kAddendumColumns +
                                 " FROM ta.addenda WHERE session_id = $1 ORDER BY at, seq",
                             {session.str()});
    std::vector<rec::Addendum> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(readAddendum(r, i));
    return out;
}

// --- Exchange --------------------------------------------------------------------------------------------

rec::ClientRecord PgRecordStore::exportClient(const rec::ClientId& id) const
{
    // One snapshot, so the record is consistent even while a colleague writes to it.
    PgTransaction tx(db());
    db().exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    rec::ClientRecord r = rec::detail::readClientRecord(*this, id);
    tx.commit();
    return r;
}

void PgRecordStore::importClient(const rec::ClientRecord& record)
{
    const rec::ClientId& cid = record.client.id;
    rec::Client c = record.client;
    if (c.createdAt.empty())
        c.createdAt = rec::nowUtcTimestamp();
    if (c.updatedAt.empty())
        c.updatedAt = c.createdAt;
    rec::validateImport(record, [&](std::string_view kind, const std::string& id) { return where(kind, id); });

    PgTransaction tx(db());
    const auto storedClient = client(cid);
    if (storedClient)
        c.createdAt = storedClient->createdAt; // an update changes only what the file says
    c.version = rec::detail::importedVersion(storedClient, c);
    writeClient(c, true);
    for (const auto& sr : record.sessions) {
        const auto stored = session(sr.session.id);
        if (stored && stored->client != cid)
            throw ValidationError(where("session", sr.session.id.str()) + ": client: belongs to another client");
        if (!(stored && stored->isSigned())) {
            // Unsigned first so its parts can go in, then the signature that locks it.
            rec::Session unsignedSession = sr.session;
            unsignedSession.signature.reset();
            unsignedSession.version = rec::detail::importedVersion(stored, unsignedSession);
            writeSession(unsignedSession, true);
            for (rec::Finding f : sr.findings) {
                f.version = rec::detail::importedVersion(finding(f.id), f);
                writeFinding(f, true);
            }
            for (rec::PainMark p : sr.painMarks) {
                p.version = rec::detail::importedVersion(painMark(p.id), p);
                writePainMark(p, true);
            }
            for (const auto& q : sr.questionnaires)
                writeQuestionnaire(q, true);
            if (sr.session.signature)
                db().exec("UPDATE ta.sessions SET signed_at = $2, signed_by = $3, version = version + 1 WHERE id = $1",
                          {sr.session.id.str(), sr.session.signature->at, sr.session.signature->by});
        }
        for (const auto& a : sr.addenda)
            writeAddendum(a, true);
    }
    for (rec::JournalEntry j : record.journal) {
        j.version = rec::detail::importedVersion(journalEntry(j.id), j);
        writeJournal(j, true);
    }
    tx.commit();
}

} // namespace ta::io::records
