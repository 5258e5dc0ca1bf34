#include "session/records/record_copy.h"

#include "core/error.h"

namespace ta::session {

namespace rec = core::records;

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
            c.unchanged = rec::withoutRowVersions(to.exportClient(id)) == rec::withoutRowVersions(record);
        }
        if (!c.unchanged)
            to.importClient(rec::withoutRowVersions(record));
        report.clients.push_back(std::move(c));
    }
    return report;
}

} // namespace ta::session
