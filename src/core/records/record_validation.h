#pragma once
// Value rules of the record types, shared by every RecordStore backend and by import, so that a value
// refused by one is refused by all. Each throws ta::ValidationError "<where>: <key>: <reason>", where
// `where` names the file and the record (e.g. "records.db: finding 1b4e...", "alice.json: sessions[0]").
#include "core/records/records.h"

#include <string>

namespace ta::core::records {

void validate(const Client& c, const std::string& where);
void validate(const Session& s, const std::string& where);
void validate(const Addendum& a, const std::string& where);
void validate(const Finding& f, const std::string& where);
void validate(const PainMark& p, const std::string& where);
void validate(const JournalEntry& j, const std::string& where);
/// Also checks the answers against the questionnaire's scoring (questionnaires.h).
void validate(const QuestionnaireResponse& q, const std::string& where);

} // namespace ta::core::records
