// AppSession: treatment (the treatment service loaded with the model's data) and stepping through a
// protocol: each step shows its trigger point or muscle on the side worked on, from the step's view,
// with the layers above it x-rayed; Done marks the finding treated in the open record session.
#include "session/app_session.h"

#include "core/error.h"
#include "core/records/records.h"

namespace ta::session {

namespace {

core::ViewPreset presetOf(core::ProtocolView view, core::Side side)
{
    switch (view) {
    case core::ProtocolView::Anterior: return core::ViewPreset::Anterior;
    case core::ProtocolView::Posterior: return core::ViewPreset::Posterior;
    case core::ProtocolView::Superior: return core::ViewPreset::Superior;
    case core::ProtocolView::Lateral: break;
    }
    return side == core::Side::Right ? core::ViewPreset::Right : core::ViewPreset::Left;
}

const char* sideSuffix(core::Side side) { return side == core::Side::Right ? "-right" : "-left"; }

} // namespace

void AppSession::loadTreatment(const std::filesystem::path& dataDir)
{
    m_protocolRun.reset();
    m_sheetCache.reset();
    m_treatment.reset();
    if (!m_catalog.loaded())
        return;
    try {
        const std::filesystem::path protocols = (dataDir / "..").lexically_normal() / "protocols";
        m_treatment = TreatmentService::load(dataDir, protocols, m_catalog.data());
    } catch (const Error& e) {
        notify(std::string("treatment data not available: ") + e.what(), true);
    }
}

const TriggerPointSheet* AppSession::shownSheet() const
{
    if (!m_treatment || !m_shownTriggerPoint || !m_catalog.loaded())
        return nullptr;
    if (!m_sheetCache || m_sheetCache->first != *m_shownTriggerPoint)
        m_sheetCache.emplace(*m_shownTriggerPoint,
                             m_treatment->sheet(m_catalog.instance(*m_shownTriggerPoint).key.index));
    return &m_sheetCache->second;
}

void AppSession::startProtocol(std::string_view id, core::Side side)
{
    if (!m_treatment)
        throw ValidationError("protocols are not available: the treatment data did not load");
    const ResolvedProtocol* p = m_treatment->protocols().find(id);
    if (!p) {
        std::string known;
        for (const auto& k : m_treatment->protocols().ids())
            known += (known.empty() ? "" : ", ") + k;
        throw ArgumentError("unknown protocol \"" + std::string(id) + "\" (known: " + known + ")");
    }
    m_protocolRun.emplace(*p, side);
    showProtocolStep();
    notify("Protocol " + p->protocol.name + ": step 1 of " + std::to_string(p->steps.size()));
}

void AppSession::endProtocol()
{
    if (!m_protocolRun)
        return;
    notify("Protocol ended: " + std::to_string(m_protocolRun->doneCount()) + " of " +
           std::to_string(m_protocolRun->size()) + " steps done");
    m_protocolRun.reset();
}

void AppSession::protocolStep(int delta)
{
    if (!m_protocolRun)
        return;
    if (delta > 0)
        m_protocolRun->next();
    if (delta < 0)
        m_protocolRun->previous();
    showProtocolStep();
}

std::optional<core::TriggerPointId> AppSession::protocolTriggerPoint() const
{
    if (!m_protocolRun || !m_catalog.loaded())
        return std::nullopt;
    return protocolTriggerPointFor(m_protocolRun->step(), m_protocolRun->side());
}

std::optional<core::StructureId> AppSession::protocolMuscle() const
{
    if (!m_protocolRun || !m_catalog.loaded())
        return std::nullopt;
    const core::MuscleRecord& m = m_catalog.data().muscles[m_protocolRun->step().muscle];
    for (const std::string& structure : m.structures)
        if (const auto id = m_model.find(structure + sideSuffix(m_protocolRun->side())))
            return id;
    return std::nullopt;
}

void AppSession::showProtocolStep()
{
    if (!m_protocolRun)
        return;
    const ResolvedStep& s = m_protocolRun->step();
    // Every layer shown, those above the step's muscle x-rayed, so a deep muscle is seen where it lies.
    m_visibility.showAll();
    m_visibility.setGhost(true);
    m_camera.applyPreset(presetOf(s.step.view, m_protocolRun->side()));
    if (const auto tp = protocolTriggerPoint()) {
        showTriggerPoint(*tp, true);
    } else {
        showTriggerPoint(std::nullopt);
        if (const auto muscle = protocolMuscle()) {
            select(muscle);
            if (const core::Structure* st = m_model.get(*muscle))
                m_camera.frame(st->mesh.bounds());
        }
    }
}

std::string AppSession::markProtocolStepDone()
{
    if (!m_protocolRun)
        return {};
    const ResolvedStep s = m_protocolRun->step();
    const int seconds = m_protocolRun->markDone(m_now);
    std::string said = s.title + " done (" + std::to_string(seconds) + " s)";
    if (m_records && m_records->current()) {
        if (m_records->currentSigned()) {
            said += "; the session is signed, so nothing was recorded";
        } else {
            try {
                said += recordTreated(s, seconds);
            } catch (const Error& e) {
                said += std::string("; not recorded: ") + e.what();
                notify(said, true);
                return said;
            }
        }
    } else {
        said += "; no client session is open, so it was not recorded";
    }
    if (m_protocolRun->complete())
        said += ". Every step is done: " + m_protocolRun->protocol().protocol.finish;
    else
        showProtocolStep();
    notify(said);
    return said;
}

std::string AppSession::recordTreated(const ResolvedStep& s, int seconds)
{
    const core::Side side = m_protocolRun->side();
    const std::string suffix = sideSuffix(side);
    const core::MuscleRecord& muscle = m_catalog.data().muscles[s.muscle];
    const std::string tpKey =
        s.triggerPoint ? m_catalog.data().triggerPoints[*s.triggerPoint].id + suffix : std::string();
    auto onStep = [&](const core::TriggerPointTag& t) {
        if (!tpKey.empty())
            return t.triggerPoint == tpKey;
        for (const std::string& st : muscle.structures)
            if (t.structure == st + suffix)
                return true;
        return false;
    };
    std::vector<core::TagId> tags;
    for (const core::Session& bs : m_bodyMap.map().sessions)
        if (bs.date == m_bodyMap.sessionDate())
            for (const core::TriggerPointTag& t : bs.tags)
                if (onStep(t))
                    tags.push_back(t.id);
    if (tags.empty()) {
        // No finding there yet: the therapist treated it, so record it as a finding at the documented point.
        const auto tp = protocolTriggerPointFor(s, side);
        if (!tp)
            return "; no finding on " + muscle.name + " in this session to mark treated";
        const core::TriggerPointInstance& inst = m_catalog.instance(*tp);
        const core::Structure* st = m_model.get(inst.structure);
        if (!st)
            return "; its muscle is not in this model, so nothing was recorded";
        core::TriggerPointTag tag;
        tag.structure = st->id;
        tag.position = inst.position;
        tag.triggerPoint = tpKey;
        tags.push_back(m_bodyMap.addTag(tag));
        syncRecords();
    }
    int marked = 0;
    for (core::TagId tag : tags)
        if (const core::records::Finding* f = m_records->findingOf(tag)) {
            core::records::Finding changed = *f;
            changed.treated = true;
            changed.technique = s.techniqueName;
            changed.treatedSeconds = seconds;
            m_records->updateFinding(changed);
            ++marked;
        }
    recordsChanged();
    return marked ? "; marked treated in this session" : "; could not find the stored finding to mark";
}

std::optional<core::TriggerPointId> AppSession::protocolTriggerPointFor(const ResolvedStep& s, core::Side side) const
{
    if (!s.triggerPoint)
        return std::nullopt;
    return m_catalog.find(m_catalog.data().triggerPoints[*s.triggerPoint].id + sideSuffix(side));
}

} // namespace ta::session
