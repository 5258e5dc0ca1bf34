#pragma once
// Row versions, shared by every RecordStore backend (record_store.h: "Row versions").
#include "core/records/record_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ta::core::records::detail {

/// The version an update stores: `stored + 1` when `given` is the stored version; otherwise throws
/// ConflictError (`where` names the store and record; `changedAt`, when known, says when it changed).
inline std::int64_t nextVersion(std::string_view where, std::int64_t stored, std::int64_t given,
                                std::string_view changedAt = {})
{
    if (given != stored)
        throw ConflictError(std::string(where) + ": changed by someone else" +
                            (changedAt.empty() ? std::string() : " at " + std::string(changedAt)) +
                            " since it was opened (version " + std::to_string(given) + ", now " +
                            std::to_string(stored) + "); nothing was written: reload it and make the change again");
    return stored + 1;
}

/// The version an import stores for `incoming`: 1 for a new row, the stored version when the row is
/// unchanged (importing twice changes nothing), else one more.
template <class T>
std::int64_t importedVersion(const std::optional<T>& stored, T incoming)
{
    if (!stored)
        return 1;
    incoming.version = stored->version;
    return incoming == *stored ? stored->version : stored->version + 1;
}

} // namespace ta::core::records::detail
