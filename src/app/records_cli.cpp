#include "app/records_cli.h"

#include "app/password_prompt.h"

#include "core/error.h"
#include "core/records/records.h"
#include "core/referral/close_matches.h"
#include "io/asset_paths.h"
#include "io/gltf_reader.h"
#include "session/records/record_services.h"

#include <cstdlib>
#include <string_view>

namespace ta::app::records {

namespace rec = core::records;

void addDbOption(CLI::App& cmd, std::string& db)
{
    cmd.add_option("--db", db,
                   "The record database: a file, or a clinic server postgresql://LOGIN@HOST/DB (default: $TA_DB, else "
                   "$XDG_DATA_HOME/trigger-atlas/records.db)");
}

std::filesystem::path databasePath(const std::string& db)
{
    if (!db.empty())
        return db;
    if (const char* env = std::getenv("TA_DB"); env && *env)
        return env;
    return {};
}

std::unique_ptr<rec::RecordStore> openStore(const std::string& db)
{
    return session::openRecordStore(databasePath(db), true, &askPasswordOnTerminal);
}

std::unique_ptr<Anatomy> loadAnatomy(const std::filesystem::path& model)
{
    auto a = std::make_unique<Anatomy>();
    a->model = io::loadModel(model.empty() ? io::defaultModelPath() : model);
    a->catalog.load(io::assetPath("data"), a->model);
    return a;
}

int nrs(const std::string& cmd, const std::string& option, int value)
{
    if (value < 0 || value > rec::kMaxNrs)
        throw ArgumentError(cmd + ": " + option + " must be 0-10, got " + std::to_string(value));
    return value;
}

void requireDate(const std::string& cmd, const std::string& option, const std::string& value)
{
    if (value.size() != 10 || !rec::isLocalDateTime(value + "T00:00"))
        throw ArgumentError(cmd + ": " + option + " must be a date YYYY-MM-DD, got \"" + value + "\"");
}

void requireTime(const std::string& cmd, const std::string& option, const std::string& value)
{
    if (value.size() != 5 || !rec::isLocalDateTime("2000-01-01T" + value))
        throw ArgumentError(cmd + ": " + option + " must be a time HH:MM, got \"" + value + "\"");
}

rec::Client requireClient(const rec::RecordStore& store, const std::string& cmd, const std::string& id)
{
    std::optional<rec::Client> c;
    if (rec::isUuid(id))
        c = store.client(rec::ClientId(id));
    if (!c)
        throw ArgumentError(cmd + ": unknown client \"" + id + "\" in " + store.describe() +
                            " (`trigger-atlas client list` shows the ids)");
    return *c;
}

rec::SessionRecord requireSession(const rec::RecordStore& store, const std::string& cmd, const std::string& id)
{
    std::optional<rec::Session> s;
    if (rec::isUuid(id))
        s = store.session(rec::SessionId(id));
    if (!s)
        throw ArgumentError(cmd + ": unknown session \"" + id + "\" in " + store.describe());
    rec::SessionRecord r;
    r.session = *s;
    r.findings = store.listFindings(s->id);
    r.painMarks = store.listPainMarks(s->id);
    r.questionnaires = store.listQuestionnaires(s->id);
    r.addenda = store.listAddenda(s->id);
    return r;
}

std::vector<int> integerList(const std::string& cmd, const std::string& option, const std::string& text)
{
    std::vector<int> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        std::size_t used = 0;
        int v = 0;
        try {
            v = std::stoi(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (item.empty() || used != item.size())
            throw ArgumentError(cmd + ": " + option + ": item " + std::to_string(out.size() + 1) +
                                " is not an integer: \"" + item + "\"");
        out.push_back(v);
        start = comma + 1;
    }
    return out;
}

std::string regionId(const core::ReferralData& data, const std::string& cmd, const std::string& name)
{
    if (const auto r = data.findRegion(name))
        return data.regions[*r].id;
    std::vector<std::string> names;
    for (const auto& reg : data.regions) {
        names.push_back(reg.id);
        names.insert(names.end(), reg.aliases.begin(), reg.aliases.end());
    }
    std::string msg = cmd + ": unknown region \"" + name + "\"";
    const auto close = core::closeMatches(name, names);
    for (std::size_t i = 0; i < close.size(); ++i)
        msg += (i ? ", " : "; close matches: ") + close[i];
    throw ArgumentError(msg + " (`trigger-atlas list regions` shows all)");
}

} // namespace ta::app::records
