#pragma once
// Value rules of the record types, shared by every RecordStore backend and by import, so that a value
// refused by one is refused by all. Each throws ta::ValidationError "<where>: <key>: <reason>", where
// `where` names the file and the record (e.g. "records.db: finding 1b4e...", "alice.json: sessions[0]").
#include "core/records/records.h"

#include <functional>
#include <string>
#include <string_view>

namespace ta::core::records {

void validate(const Client& c, const std::string& where);
void validate(const Session& s, const std::string& where);
void validate(const Addendum& a, const std::string& where);
void validate(const Finding& f, const std::string& where);
void validate(const PainMark& p, const std::string& where);
void validate(const JournalEntry& j, const std::string& where);
/// Also checks the answers against the questionnaire's scoring (questionnaires.h).
void validate(const QuestionnaireResponse& q, const std::string& where);
/// A whole client record before import (RecordStore::importClient): every value, and that each session,
/// finding, pain mark, questionnaire, addendum and journal entry names the record it sits in.
/// `where(kind, id)` names the store and the record ("records.db: finding 1b4e...").
void validateImport(const ClientRecord& record,
                    const std::function<std::string(std::string_view kind, const std::string& id)>& where);

} // namespace ta::core::records
