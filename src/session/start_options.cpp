#include "session/start_options.h"

#include "core/error.h"
#include "core/referral/close_matches.h"

#include <cstdlib>

namespace ta::session {
namespace {

std::string suggestionText(const std::vector<std::string>& matches)
{
    if (matches.empty())
        return "";
    std::string out = " (did you mean ";
    for (std::size_t i = 0; i < matches.size(); ++i)
        out += (i ? ", " : "") + matches[i];
    return out + "?)";
}

} // namespace

std::filesystem::path recordDatabase(const StartOptions& options)
{
    if (!options.db.empty())
        return options.db;
    if (const char* env = std::getenv("TA_DB"); env && *env)
        return env;
    return {};
}

void applyStartOptions(AppSession& session, const StartOptions& o)
{
    if (!o.skinTone.empty()) {
        const auto tone = core::skinToneFromString(o.skinTone);
        if (!tone)
            throw ArgumentError("--skin-tone: expected light, medium or dark, got \"" + o.skinTone + "\"");
        session.display().skinTone = *tone;
    }
    if (!o.layers.empty())
        session.setLayers(o.layers);
    if (!o.tags.empty()) {
        try {
            session.openBodyMap(o.tags);
        } catch (const Error& e) {
            throw IoError(std::string("--tags ") + e.what());
        }
    }
    // Before the trigger point: in presentation mode it is framed beside the 'What helps' text.
    session.display().presentation = o.presentation;
    if (!o.triggerPoint.empty()) {
        const TriggerPointCatalog& catalog = session.catalog();
        if (!catalog.loaded())
            throw ArgumentError("--trigger-point " + o.triggerPoint + ": " + session.message());
        const auto id = catalog.find(o.triggerPoint);
        if (!id)
            throw ArgumentError("--trigger-point: unknown trigger point \"" + o.triggerPoint + "\"" +
                                suggestionText(catalog.suggestions(o.triggerPoint)) +
                                "; `trigger-atlas list trigger-points` lists them");
        session.showTriggerPoint(*id, /*frameMuscle=*/o.select.empty());
    }
    if (!o.protocol.empty()) {
        if (o.protocolSide != "left" && o.protocolSide != "right")
            throw ArgumentError("--protocol-side: expected left or right, got \"" + o.protocolSide + "\"");
        try {
            session.startProtocol(o.protocol, o.protocolSide == "right" ? core::Side::Right : core::Side::Left);
        } catch (const Error& e) {
            throw ArgumentError(std::string("--protocol: ") + e.what());
        }
        ProtocolRun* run = session.protocolRun();
        if (o.protocolStep < 1 || static_cast<std::size_t>(o.protocolStep) > run->size())
            throw ArgumentError("--protocol-step: " + std::to_string(o.protocolStep) + " is not a step of " + o.protocol +
                                " (1 to " + std::to_string(run->size()) + ")");
        run->goTo(static_cast<std::size_t>(o.protocolStep - 1));
        session.showProtocolStep();
    }
    if (!o.select.empty()) {
        const auto id = session.model().find(o.select);
        if (!id) {
            std::vector<std::string> ids;
            for (const auto& s : session.model().structures)
                ids.push_back(s.id);
            throw ArgumentError("--select: unknown structure \"" + o.select + "\"" +
                                suggestionText(core::closeMatches(o.select, ids)) +
                                "; `trigger-atlas list structures` lists them");
        }
        session.select(*id, true);
    }
    if (o.ghost)
        session.visibility().setGhost(true);
    DisplayOptions& display = session.display();
    if (o.landmarks)
        display.showLandmarks = true;
    if (o.referralPath)
        display.referralPath = true;
    // Whatever the options did to the camera happens now, not as an animation.
    session.camera().snap();
    session.update(0.0);
    session.history().reset();
    session.undoStack().clear();
}

} // namespace ta::session
