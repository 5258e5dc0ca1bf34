#pragma once
// Moving records between stores: a laptop's SQLite file and a clinic server, either way. Copies whole
// client records by UUID (RecordStore::importClient), so copying again changes nothing and a client copied
// back keeps its identity; signed sessions stay as signed.
#include "core/records/record_store.h"

#include <string>
#include <vector>

namespace ta::session {

struct CopiedClient {
    core::records::ClientId id;
    std::string name;
    std::size_t sessions = 0;
    bool existed = false;  ///< the target had this client already (updated or unchanged)
    bool unchanged = false; ///< the target's record was already the same
};

struct CopyReport {
    std::vector<CopiedClient> clients;
    std::size_t sessions() const;
};

/// Copies `only` (every client `from` shows when empty) into `to`. Each client is one transaction in `to`;
/// a client that fails stops the copy with its error, the clients before it stay copied.
/// Throws ValidationError (an unknown id in `only`), what the stores throw.
CopyReport copyRecords(const core::records::RecordStore& from, core::records::RecordStore& to,
                       const std::vector<core::records::ClientId>& only = {});

} // namespace ta::session
