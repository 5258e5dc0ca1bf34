#pragma once
// Small pieces every RecordStore backend shares (SQLite here, PostgreSQL in io/records), so that both
// behave alike by construction: LIKE patterns for search, column lists, and what carrying a finding over
// into the next session means.
#include "core/error.h"
#include "core/records/record_store.h"

#include <string>
#include <string_view>
#include <vector>

namespace ta::core::records::detail {

/// "%text%" for `LIKE ... ESCAPE '\'`, with %, _ and \ in `text` matched literally.
inline std::string likePattern(std::string_view text)
{
    std::string p = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            p += '\\';
        p += c;
    }
    return p + "%";
}

/// The names in a column list "id, name, reference" (spaces after commas dropped).
inline std::vector<std::string_view> splitColumns(std::string_view columns)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= columns.size()) {
        std::size_t end = columns.find(',', start);
        if (end == std::string_view::npos)
            end = columns.size();
        std::string_view name = columns.substr(start, end - start);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        out.push_back(name);
        start = end + 1;
    }
    return out;
}

/// `f` as carried over into session `into`: a new id, not yet confirmed, not treated, version 1.
inline Finding carriedOver(Finding f, const SessionId& into)
{
    f.id = FindingId::generate();
    f.session = into;
    f.carriedOver = true;
    f.treated = false;
    f.treatedSeconds.reset();
    f.technique.clear();
    f.version = 1;
    return f;
}

/// The whole record of client `id` read through `store`'s own list calls (the backend wraps it in one
/// read transaction, so it is a consistent snapshot). Unknown id: ValidationError.
inline ClientRecord readClientRecord(const RecordStore& store, const ClientId& id)
{
    ClientRecord r;
    auto c = store.client(id);
    if (!c)
        throw ValidationError(store.describe() + ": client: unknown id \"" + id.str() + "\"");
    r.client = std::move(*c);
    for (auto& s : store.listSessions(id)) {
        SessionRecord sr;
        sr.findings = store.listFindings(s.id);
        sr.painMarks = store.listPainMarks(s.id);
        sr.questionnaires = store.listQuestionnaires(s.id);
        sr.addenda = store.listAddenda(s.id);
        sr.session = std::move(s);
        r.sessions.push_back(std::move(sr));
    }
    r.journal = store.listJournal(id);
    return r;
}

} // namespace ta::core::records::detail
