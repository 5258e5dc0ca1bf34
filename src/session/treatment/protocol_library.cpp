#include "session/treatment/protocol_library.h"

#include "core/error.h"
#include "core/referral/close_matches.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace ta::session {

namespace {

[[noreturn]] void unknown(const core::Protocol& p, const core::ProtocolStep& s, const char* key, const char* what,
                          const std::string& id, const std::vector<std::string>& candidates)
{
    std::string msg = p.file + ": " + s.path + "." + key + ": unknown " + what + " \"" + id + "\"";
    const auto close = core::closeMatches(id, candidates, 3);
    if (!close.empty())
        msg += "; did you mean " + close.front() + "?";
    throw ValidationError(msg);
}

template <class T> std::vector<std::string> idsOf(const std::vector<T>& records)
{
    std::vector<std::string> out;
    out.reserve(records.size());
    for (const auto& r : records)
        out.push_back(r.id);
    return out;
}

} // namespace

int ResolvedProtocol::totalHoldSeconds() const
{
    int total = 0;
    for (const ResolvedStep& s : steps)
        total += s.step.holdSeconds;
    return total;
}

ResolvedProtocol ProtocolLibrary::resolve(core::Protocol protocol, const core::ReferralData& data,
                                          const core::TreatmentLibrary& treatment)
{
    ResolvedProtocol r;
    for (const std::string& id : protocol.screen) {
        const core::Contraindication* c = treatment.contraindication(id);
        if (!c) {
            std::vector<std::string> known = idsOf(treatment.contraindications());
            std::string msg = protocol.file + ": screen: unknown contraindication \"" + id + "\"";
            const auto close = core::closeMatches(id, known, 3);
            if (!close.empty())
                msg += "; did you mean " + close.front() + "?";
            throw ValidationError(msg);
        }
        r.screen.push_back(*c);
    }
    for (const core::ProtocolStep& s : protocol.steps) {
        ResolvedStep rs;
        rs.step = s;
        if (!s.triggerPoint.empty()) {
            const auto tp = data.findTriggerPoint(s.triggerPoint);
            if (!tp)
                unknown(protocol, s, "trigger_point", "trigger point", s.triggerPoint, idsOf(data.triggerPoints));
            rs.triggerPoint = *tp;
            const auto m = data.findMuscle(data.triggerPoints[*tp].muscle);
            rs.muscle = m.value_or(0);
            rs.title = data.triggerPoints[*tp].name;
        } else {
            const auto m = data.findMuscle(s.muscle);
            if (!m)
                unknown(protocol, s, "muscle", "muscle", s.muscle, idsOf(data.muscles));
            rs.muscle = *m;
            rs.title = data.muscles[*m].name;
        }
        const core::Technique* t = treatment.technique(s.technique);
        if (!t)
            unknown(protocol, s, "technique", "technique", s.technique, idsOf(treatment.techniques()));
        rs.techniqueName = t->name;
        r.steps.push_back(std::move(rs));
    }
    r.protocol = std::move(protocol);
    return r;
}

ProtocolLibrary ProtocolLibrary::load(const std::filesystem::path& dir, const core::ReferralData& data,
                                      const core::TreatmentLibrary& treatment)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw IoError(dir.string() + ": no protocol folder there");
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.path().extension() == ".json")
            files.push_back(e.path());
    if (ec)
        throw IoError(dir.string() + ": cannot list the folder: " + ec.message());
    std::sort(files.begin(), files.end());
    ProtocolLibrary lib;
    for (const auto& f : files)
        lib.m_protocols.push_back(resolve(core::Protocol::load(f), data, treatment));
    return lib;
}

const ResolvedProtocol* ProtocolLibrary::find(std::string_view id) const
{
    for (const ResolvedProtocol& p : m_protocols)
        if (p.protocol.id == id)
            return &p;
    return nullptr;
}

std::vector<std::string> ProtocolLibrary::ids() const
{
    std::vector<std::string> out;
    for (const ResolvedProtocol& p : m_protocols)
        out.push_back(p.protocol.id);
    return out;
}

nlohmann::json toJson(const ResolvedProtocol& p, const core::ReferralData& data)
{
    nlohmann::json steps = nlohmann::json::array();
    for (std::size_t i = 0; i < p.steps.size(); ++i) {
        const ResolvedStep& s = p.steps[i];
        nlohmann::json j = {{"number", i + 1},
                            {"title", s.title},
                            {"muscle", data.muscles[s.muscle].id},
                            {"technique", s.step.technique},
                            {"technique_name", s.techniqueName},
                            {"hold_s", s.step.holdSeconds},
                            {"view", std::string(core::toString(s.step.view))},
                            {"note", s.step.note}};
        if (s.triggerPoint)
            j["trigger_point"] = data.triggerPoints[*s.triggerPoint].id;
        steps.push_back(std::move(j));
    }
    nlohmann::json screen = nlohmann::json::array();
    for (const auto& c : p.screen)
        screen.push_back({{"id", c.id}, {"key", c.key}, {"title", c.title}, {"action", c.action}});
    nlohmann::json rationale = nlohmann::json::array();
    for (const auto& r : p.protocol.rationale)
        rationale.push_back({{"text", r.text},
                             {"sources", r.evidence.sources},
                             {"confidence", r.evidence.confidence},
                             {"inference", r.evidence.inference}});
    return {{"id", p.protocol.id},
            {"name", p.protocol.name},
            {"summary", p.protocol.summary},
            {"screen", screen},
            {"rationale", rationale},
            {"finish", p.protocol.finish},
            {"total_hold_s", p.totalHoldSeconds()},
            {"steps", steps}};
}

std::string toText(const ResolvedProtocol& p, const core::ReferralData& data)
{
    std::ostringstream o;
    o << p.protocol.name << " (" << p.protocol.id << ")\n" << p.protocol.summary << "\n\nBefore you start, check:\n";
    for (const auto& c : p.screen)
        o << "  " << c.key << " " << c.title << ": " << c.action << "\n";
    o << "\nSteps:\n";
    for (std::size_t i = 0; i < p.steps.size(); ++i) {
        const ResolvedStep& s = p.steps[i];
        o << "  " << (i + 1) << ". " << s.title;
        if (s.triggerPoint)
            o << " [" << data.triggerPoints[*s.triggerPoint].id << "]";
        else
            o << " [muscle " << data.muscles[s.muscle].id << "]";
        o << ": " << s.techniqueName;
        if (s.step.holdSeconds > 0)
            o << ", hold " << s.step.holdSeconds << " s";
        o << " (" << core::toString(s.step.view) << " view)\n";
        if (!s.step.note.empty())
            o << "     " << s.step.note << "\n";
    }
    if (!p.protocol.finish.empty())
        o << "\nFinish: " << p.protocol.finish << "\n";
    o << "\nWhy this order:\n";
    for (const auto& r : p.protocol.rationale)
        o << "  - " << r.text << " [" << core::describe(r.evidence) << "]\n";
    return o.str();
}

} // namespace ta::session
