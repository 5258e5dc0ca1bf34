#include "ui/explore_state.h"

#include "core/bodymap/tag_placement.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ta::ui {
namespace {

constexpr glm::vec3 kTrpColour{0.55f, 0.04f, 0.04f};
constexpr glm::vec3 kTrpSelectedMuscleColour{0.85f, 0.08f, 0.06f};
constexpr glm::vec3 kTrpShownColour{1.0f, 0.05f, 0.02f};
constexpr glm::vec3 kDeepZoneColour{1.0f, 0.08f, 0.04f};
constexpr glm::vec3 kTagActiveColour{1.0f, 0.55f, 0.05f};
constexpr glm::vec3 kTagLatentColour{0.25f, 0.55f, 1.0f};
constexpr glm::vec3 kTagSelectedColour{1.0f, 0.95f, 0.3f};

} // namespace

const char* layerLabel(core::Layer l)
{
    switch (l) {
    case core::Layer::Skin: return "Skin";
    case core::Layer::Superficial: return "Superficial muscles";
    case core::Layer::Intermediate: return "Intermediate muscles";
    case core::Layer::Deep: return "Deep muscles";
    case core::Layer::Bone: return "Bones";
    }
    return "?";
}

ExploreState::ExploreState(AppState& appState) : app(appState) {}

void ExploreState::modelChanged(const std::filesystem::path& dataDir)
{
    m_bvh = core::Bvh(app.model);
    search = core::StructureSearch(app.model);
    std::string error;
    if (!catalog.load(dataDir, app.model, error))
        notify(error, true);
    m_candidates = catalog.candidates();
    m_shownTriggerPoint.reset();
    m_peeled.clear();
    m_referralTargets.clear();
    undo.clear();
    history.reset(app);
}

core::PickFilter ExploreState::pickFilter() const
{
    return core::PickFilter::from(app.model, [&](core::StructureId id) {
        if (!app.isVisible(id) || app.isGhosted(id))
            return false;
        const core::Structure* s = app.model.get(id);
        const float opacity = app.layer(s->layer).opacity *
                              (id.value < app.structures.size() ? app.structures[id.value].opacity : 1.0f);
        return opacity >= 0.35f; // fainter than this lets the click through
    });
}

std::optional<core::PickHit> ExploreState::pick(glm::vec2 pixel) const
{
    return pickRay(app.camera.rayFromPixel(pixel));
}

std::optional<core::PickHit> ExploreState::pickRay(const core::PixelRay& r) const
{
    return m_bvh.raycast(core::Ray{r.origin, r.direction}, pickFilter());
}

std::optional<core::PickHit> ExploreState::pickUnderSkin(glm::vec2 pixel) const
{
    core::PickFilter filter = pickFilter();
    for (std::uint32_t i = 0; i < app.model.structures.size(); ++i)
        if (app.model.structures[i].kind == core::Kind::Skin)
            filter.set(core::StructureId{i}, false);
    const core::PixelRay r = app.camera.rayFromPixel(pixel);
    return m_bvh.raycast(core::Ray{r.origin, r.direction}, filter);
}

std::optional<PickableMarker> ExploreState::pickMarker(glm::vec2 pixel, float radiusPixels) const
{
    std::optional<PickableMarker> best;
    float bestDistance = radiusPixels;
    const core::PickFilter filter = pickFilter();
    const glm::vec3 eye = app.camera.eye();
    for (const auto& m : m_pickable) {
        const auto p = app.camera.project(m.position);
        if (!p)
            continue;
        const float d = glm::length(glm::vec2(p->x, p->y) - pixel);
        if (d > bestDistance)
            continue;
        // Behind an opaque surface and not drawn on top: not clickable.
        const bool onTop = m.kind == PickableMarker::Kind::Tag || m.onTop;
        if (!onTop) {
            const glm::vec3 toMarker = m.position - eye;
            const float dist = glm::length(toMarker);
            const auto hit = m_bvh.raycast(core::Ray{eye, toMarker}, filter, dist - 0.004f);
            if (hit)
                continue;
        }
        best = m;
        bestDistance = d;
    }
    return best;
}

void ExploreState::select(std::optional<core::StructureId> id, bool frameIt)
{
    if (id && !app.model.get(*id))
        id.reset();
    if (id != app.selected)
        focusTreeOnSelection = true;
    app.selected = id;
    if (m_shownTriggerPoint && catalog.loaded()) {
        // Keep the referral while the selection is the trigger point's own muscle.
        const core::Structure* sel = id ? app.model.get(*id) : nullptr;
        const auto tps = sel ? catalog.triggerPointsOf(*sel) : std::vector<std::size_t>{};
        if (std::find(tps.begin(), tps.end(), *m_shownTriggerPoint) == tps.end())
            showTriggerPoint(std::nullopt);
    }
    if (id && frameIt)
        frame(*id);
}

void ExploreState::frame(core::StructureId id)
{
    const core::Structure* s = app.model.get(id);
    if (!s)
        return;
    // Some surroundings in view, so one sees where the structure sits: a box 1.8 times as large, at
    // least 12 cm across.
    const core::Aabb b = s->mesh.bounds();
    const glm::vec3 half = glm::max(0.9f * b.size(), glm::vec3(0.06f));
    app.camera.frame(core::Aabb{b.centre() - half, b.centre() + half});
}

void ExploreState::frameSelection()
{
    if (app.selected)
        frame(*app.selected);
    else
        frameAll();
}

void ExploreState::frameAll() { app.camera.frame(app.homeBounds()); }

std::optional<core::Layer> ExploreState::peel()
{
    int visible = 0;
    for (core::Layer l : core::kAllLayers)
        visible += app.layer(l).visible ? 1 : 0;
    if (visible <= 1) {
        notify("Only one layer is left to see");
        return std::nullopt;
    }
    for (core::Layer l : core::kAllLayers)
        if (app.layer(l).visible) {
            app.layer(l).visible = false;
            m_peeled.push_back(l);
            notify(std::string("Peeled: ") + layerLabel(l));
            return l;
        }
    return std::nullopt;
}

std::optional<core::Layer> ExploreState::restore()
{
    while (!m_peeled.empty()) {
        const core::Layer l = m_peeled.back();
        m_peeled.pop_back();
        if (!app.layer(l).visible) {
            app.layer(l).visible = true;
            notify(std::string("Restored: ") + layerLabel(l));
            return l;
        }
    }
    std::optional<core::Layer> candidate;
    for (core::Layer l : core::kAllLayers) {
        if (app.layer(l).visible)
            break;
        candidate = l;
    }
    if (candidate) {
        app.layer(*candidate).visible = true;
        notify(std::string("Restored: ") + layerLabel(*candidate));
    }
    return candidate;
}

void ExploreState::hideSelection()
{
    if (!app.selected || app.selected->value >= app.structures.size())
        return;
    app.structures[app.selected->value].visible = false;
    notify("Hidden: " + app.model.get(*app.selected)->name + " (Shift+H shows all)");
    select(std::nullopt);
}

void ExploreState::isolate(core::StructureId id)
{
    const core::Structure* target = app.model.get(id);
    if (!target)
        return;
    for (core::Layer l : core::kAllLayers)
        app.layer(l).visible = true;
    for (std::uint32_t i = 0; i < app.structures.size(); ++i) {
        const core::Structure& s = app.model.structures[i];
        // Keep the bones as a frame of reference unless a bone itself is isolated.
        app.structures[i].visible = i == id.value || (target->kind != core::Kind::Bone && s.kind == core::Kind::Bone);
    }
    app.ghost = false;
    m_peeled.clear();
    select(id);
    notify("Isolated: " + target->name + " (Shift+H shows all)");
}

void ExploreState::isolateSelection()
{
    if (app.selected)
        isolate(*app.selected);
    else
        notify("Select a structure first (click it, or Ctrl+F)");
}

void ExploreState::showAll()
{
    for (core::Layer l : core::kAllLayers) {
        app.layer(l).visible = true;
        app.layer(l).opacity = 1.0f;
    }
    for (auto& s : app.structures) {
        s.visible = true;
        s.opacity = 1.0f;
    }
    m_peeled.clear();
}

bool ExploreState::setLayers(const std::string& list, std::string& error)
{
    std::vector<core::Layer> layers;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ',')) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (item.empty())
            continue;
        if (item == "muscles" || item == "muscle") {
            layers.insert(layers.end(), {core::Layer::Superficial, core::Layer::Intermediate, core::Layer::Deep});
            continue;
        }
        if (item == "bones")
            item = "bone";
        const auto l = core::layerFromString(item);
        if (!l) {
            error = "--layers: unknown layer \"" + item + "\" (use skin, superficial, intermediate, deep, bone, muscles)";
            return false;
        }
        layers.push_back(*l);
    }
    if (layers.empty()) {
        error = "--layers: no layer given (use e.g. skin,bone)";
        return false;
    }
    for (core::Layer l : core::kAllLayers)
        app.layer(l).visible = std::find(layers.begin(), layers.end(), l) != layers.end();
    m_peeled.clear();
    return true;
}

void ExploreState::showTriggerPoint(std::optional<std::size_t> i, bool frameMuscle)
{
    if (i && (!catalog.loaded() || *i >= catalog.size()))
        i.reset();
    m_shownTriggerPoint = i;
    if (i) {
        const core::StructureId muscle = catalog.instance(*i).structure;
        if (app.model.get(muscle)) {
            if (app.selected != muscle)
                focusTreeOnSelection = true;
            app.selected = muscle;
        }
        if (frameMuscle) {
            core::Aabb box = catalog.explainBounds(*i);
            if (const core::Structure* s = app.model.get(muscle))
                box.expand(s->mesh.bounds());
            if (box.valid())
                app.camera.frame(box);
        }
    }
    refreshReferral();
}

void ExploreState::stepTriggerPoint(int delta)
{
    if (!catalog.loaded() || !app.selected)
        return;
    const core::Structure* s = app.model.get(*app.selected);
    if (!s)
        return;
    const auto tps = catalog.triggerPointsOf(*s);
    if (tps.empty()) {
        notify(s->name + " has no documented trigger points");
        return;
    }
    int at = -1;
    for (std::size_t k = 0; k < tps.size(); ++k)
        if (m_shownTriggerPoint && tps[k] == *m_shownTriggerPoint)
            at = static_cast<int>(k);
    const int n = static_cast<int>(tps.size());
    const int next = at < 0 ? (delta >= 0 ? 0 : n - 1) : ((at + delta) % n + n) % n;
    showTriggerPoint(tps[static_cast<std::size_t>(next)]);
}

std::string ExploreState::caption() const
{
    if (m_shownTriggerPoint && catalog.loaded())
        return catalog.caption(*m_shownTriggerPoint);
    if (app.selected)
        if (const core::Structure* s = app.model.get(*app.selected))
            return s->name;
    return {};
}

void ExploreState::visibleSkinAndBones(std::vector<core::StructureId>& skin, std::vector<core::StructureId>& bones) const
{
    for (std::uint32_t i = 0; i < app.model.structures.size(); ++i) {
        const core::StructureId id{i};
        const core::Kind kind = app.model.structures[i].kind;
        if (kind == core::Kind::Skin && app.isVisible(id))
            skin.push_back(id);
        else if (kind == core::Kind::Bone && app.isVisible(id))
            bones.push_back(id);
    }
}

std::vector<core::StructureId> ExploreState::referralTargets() const
{
    std::vector<core::StructureId> skin, bones;
    visibleSkinAndBones(skin, bones);
    if (!skin.empty())
        return skin; // on the skin, as the charts draw it
    // On the bones when the skin is hidden: only those the zones reach (projecting onto every bone of
    // the model would cost time for nothing).
    if (!m_shownTriggerPoint || !catalog.loaded())
        return bones;
    const core::Aabb zones = catalog.zoneBounds(*m_shownTriggerPoint);
    std::vector<core::StructureId> reached;
    for (core::StructureId id : bones) {
        const core::Aabb b = app.model.structures[id.value].mesh.bounds();
        if (zones.valid() && glm::all(glm::lessThanEqual(b.min, zones.max)) && glm::all(glm::lessThanEqual(zones.min, b.max)))
            reached.push_back(id);
    }
    return reached;
}

std::vector<core::StructureId> ExploreState::painTargets() const
{
    std::vector<core::StructureId> skin, bones;
    visibleSkinAndBones(skin, bones);
    return skin.empty() ? bones : skin;
}

void ExploreState::painAt(const core::PickHit& hit)
{
    const core::Structure* s = app.model.get(hit.structure);
    pain.paintAt(hit.point, s ? s->id : std::string());
}

void ExploreState::refreshReferral()
{
    if (!m_shownTriggerPoint || !catalog.loaded()) {
        m_zoneCentres.clear();
        if (!m_referralWeights.empty()) {
            m_referralWeights.clear();
            ++m_referralRevision;
        }
        m_referralTargets.clear();
        return;
    }
    m_referralTargets = referralTargets();
    m_referralWeights = catalog.referralWeights(*m_shownTriggerPoint, m_referralTargets);
    m_zoneCentres = catalog.essentialCentres(*m_shownTriggerPoint, m_referralTargets);
    ++m_referralRevision;
}

void ExploreState::tagAt(const core::PickHit& hit)
{
    if (movingTag && selectedTag) {
        const core::TriggerPointTag* old = bodyMap.tag(*selectedTag);
        movingTag = false;
        if (!old)
            return;
        core::TriggerPointTag moved = *old;
        if (!core::moveTag(moved, app.model, hit, m_candidates)) {
            notify("Tags go on muscles: that is not a muscle", true);
            return;
        }
        bodyMap.updateTag(*selectedTag, moved, "Move tag");
        selectTag(*selectedTag);
        return;
    }
    auto tag = core::tagAt(app.model, hit, m_candidates);
    if (!tag) {
        const core::Structure* s = app.model.get(hit.structure);
        notify("Tags go on muscles; " + (s ? s->name : std::string("that")) + " is not one (peel the skin with E)", true);
        return;
    }
    const core::MarkId id = bodyMap.addTag(*tag);
    selectTag(id);
    const core::Structure* s = app.model.get(hit.structure);
    if (tag->triggerPoint)
        notify("Tag on " + (s ? s->name : tag->structure) + ": matches documented " + *tag->triggerPoint);
    else
        notify("Tag on " + (s ? s->name : tag->structure) + " (no documented trigger point within 3 cm)");
}

void ExploreState::selectTag(std::optional<core::MarkId> id)
{
    selectedTag = id;
    const core::TriggerPointTag* t = id ? bodyMap.tag(*id) : nullptr;
    if (!t)
        return;
    if (t->triggerPoint) {
        if (const auto i = catalog.find(*t->triggerPoint))
            showTriggerPoint(*i);
    } else {
        const core::StructureId sid = app.model.find(t->structure);
        if (sid.valid())
            select(sid);
    }
}

void ExploreState::deleteSelectedTag()
{
    if (selectedTag && bodyMap.deleteTag(*selectedTag))
        notify("Tag deleted (Ctrl+Z brings it back)");
    selectedTag.reset();
    movingTag = false;
}

bool ExploreState::openBodyMap(const std::filesystem::path& file)
{
    std::string error;
    if (!bodyMap.open(file, error)) {
        notify(error, true);
        return false;
    }
    selectedTag.reset();
    history.reset(app);
    // Tags naming structures this model lacks still load; say so once.
    std::size_t unknown = 0;
    for (const auto& s : bodyMap.map().sessions)
        for (const auto& t : s.tags)
            unknown += app.model.find(t.structure).valid() ? 0 : 1;
    notify("Opened " + file.string() + ": " + std::to_string(bodyMap.map().tagCount()) + " tags" +
           (unknown ? ", " + std::to_string(unknown) + " on structures this model lacks" : std::string()));
    return true;
}

bool ExploreState::saveBodyMap(const std::optional<std::filesystem::path>& file)
{
    std::string error;
    const bool ok = file ? bodyMap.saveAs(*file, error) : bodyMap.save(error);
    if (!ok) {
        notify(error, true);
        return false;
    }
    notify("Saved " + bodyMap.path()->string());
    return true;
}

void ExploreState::notify(std::string line, bool error)
{
    m_message = std::move(line);
    m_messageIsError = error;
    m_messageTime = m_now;
}

void ExploreState::rebuildMarkers()
{
    app.markers.clear();
    m_pickable.clear();
    if (showMarkers && catalog.loaded()) {
        const core::Structure* sel = app.selected ? app.model.get(*app.selected) : nullptr;
        const core::MuscleRecord* selMuscle = sel ? catalog.muscleOf(*sel) : nullptr;
        for (std::size_t i = 0; i < catalog.size(); ++i) {
            const auto& inst = catalog.instance(i);
            const bool shown = m_shownTriggerPoint && *m_shownTriggerPoint == i;
            if (!shown && !app.isVisible(inst.structure))
                continue;
            render::Marker m;
            m.position = inst.position;
            const bool ofSelected = selMuscle && catalog.record(i).muscle == selMuscle->id &&
                                    (sel->side == core::Side::Midline || sel->side == inst.key.side);
            m.radius = shown ? 0.0065f : ofSelected ? 0.005f : 0.003f;
            m.colour = shown ? kTrpShownColour : ofSelected ? kTrpSelectedMuscleColour : kTrpColour;
            // Through the x-rayed layers only for the muscle being looked at; the rest stay depth-tested
            // so the view does not fill with markers.
            m.onTop = shown || (app.ghost && ofSelected);
            app.markers.push_back(m);
            m_pickable.push_back({PickableMarker::Kind::TriggerPoint, i, inst.position, m.onTop});
        }
    }
    // Deep zones of the trigger point shown: a red glow inside the head, seen through every layer.
    if (m_shownTriggerPoint && catalog.loaded())
        for (const core::ResolvedShape& v : catalog.deepVolumes(*m_shownTriggerPoint)) {
            render::Marker m;
            m.position = 0.5f * (v.a + v.b);
            const glm::vec3 half = v.kind == core::ShapeKind::Ellipsoid ? v.radii : 0.5f * glm::abs(v.b - v.a) + v.radii.x;
            m.radius = std::max(half.x, std::max(half.y, half.z));
            m.axes = half / std::max(m.radius, 1e-6f);
            m.colour = kDeepZoneColour;
            m.glow = 0.55f;
            app.markers.push_back(m); // not pickable: it marks where pain is felt, not a thing to click
        }
    for (const auto& s : bodyMap.map().sessions)
        for (const auto& t : s.tags) {
            render::Marker m;
            m.position = t.position;
            const bool selected = selectedTag && *selectedTag == t.id;
            m.radius = selected ? 0.0065f : 0.005f;
            m.colour = selected ? kTagSelectedColour
                                : (t.state == core::TagState::Active ? kTagActiveColour : kTagLatentColour);
            m.onTop = true; // the therapist's own findings stay visible through every layer
            app.markers.push_back(m);
            m_pickable.push_back({PickableMarker::Kind::Tag, t.id.value, t.position, true});
        }
}

void ExploreState::update(double now)
{
    m_now = now;
    if (m_shownTriggerPoint && referralTargets() != m_referralTargets)
        refreshReferral(); // the skin was hidden or shown: repaint on what is visible now
    pain.refresh(app.model, catalog, bodyMap, painTargets());
    rebuildMarkers();
    history.record(app, now);
}

} // namespace ta::ui
