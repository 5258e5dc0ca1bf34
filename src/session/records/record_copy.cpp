#include "session/records/record_copy.h"

#include "core/error.h"

namespace ta::session {

namespace rec = core::records;

namespace {

/// The record as content: store-kept counters (row versions) do not count as a difference.
rec::ClientRecord withoutVersions(rec::ClientRecord r)
{
    r.client.version = 0;
    for (auto& s : r.sessions) {
        s.session.version = 0;
        for (auto& f : s.findings)
            f.version = 0;
        for (auto& p : s.painMarks)
            p.version = 0;
    }
    for (auto& j : r.journal)
        j.version = 0;
    return r;
}

} // namespace

std::size_t CopyReport::sessions() const
{
    std::size_t n = 0;
    for (const auto& c : clients)
        n += c.sessions;
    return n;
}

CopyReport copyRecords(const rec::RecordStore& from, rec::RecordStore& to, const std::vector<rec::ClientId>& only)
{
    std::vector<rec::ClientId> ids = only;
    if (ids.empty())
        for (const auto& c : from.listClients())
            ids.push_back(c.id);
    CopyReport report;
    for (const auto& id : ids) {
        if (!from.client(id))
            throw ValidationError(from.describe() + ": client: unknown id \"" + id.str() + "\"");
        const rec::ClientRecord record = from.exportClient(id);
        CopiedClient c{id, record.client.name, record.sessions.size()};
        if (to.client(id)) {
            c.existed = true;
            c.unchanged = withoutVersions(to.exportClient(id)) == withoutVersions(record);
        }
        if (!c.unchanged)
            to.importClient(withoutVersions(record));
        report.clients.push_back(std::move(c));
    }
    return report;
}

} // namespace ta::session
