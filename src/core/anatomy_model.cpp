#include "core/anatomy_model.h"

#include "core/enum_names.h"

#include <array>
#include <utility>

namespace ta::core {
namespace {

constexpr std::array<std::pair<Layer, std::string_view>, 5> kLayerNames{{
    {Layer::Skin, "skin"}, {Layer::Superficial, "superficial"}, {Layer::Intermediate, "intermediate"},
    {Layer::Deep, "deep"}, {Layer::Bone, "bone"}}};
constexpr std::array<std::pair<Side, std::string_view>, 3> kSideNames{{
    {Side::Midline, "midline"}, {Side::Left, "left"}, {Side::Right, "right"}}};
constexpr std::array<std::pair<Kind, std::string_view>, 5> kKindNames{{
    {Kind::Bone, "bone"}, {Kind::Cartilage, "cartilage"}, {Kind::Muscle, "muscle"}, {Kind::Tendon, "tendon"},
    {Kind::Skin, "skin"}}};

} // namespace

std::string_view toString(Layer layer) { return nameOf(kLayerNames, layer); }
std::string_view toString(Side side) { return nameOf(kSideNames, side); }
std::string_view toString(Kind kind) { return nameOf(kKindNames, kind); }
std::optional<Layer> layerFromString(std::string_view s) { return valueOf(kLayerNames, s); }
std::optional<Side> sideFromString(std::string_view s) { return valueOf(kSideNames, s); }
std::optional<Kind> kindFromString(std::string_view s) { return valueOf(kKindNames, s); }

std::optional<StructureId> AnatomyModel::find(std::string_view id) const
{
    for (std::size_t i = 0; i < structures.size(); ++i)
        if (structures[i].id == id)
            return StructureId{static_cast<std::uint32_t>(i)};
    return std::nullopt;
}

const Structure* AnatomyModel::get(StructureId sid) const
{
    return sid.value < structures.size() ? &structures[sid.value] : nullptr;
}

const Landmark* AnatomyModel::landmark(std::string_view id) const
{
    for (const auto& l : landmarks)
        if (l.id == id)
            return &l;
    return nullptr;
}

Aabb AnatomyModel::bounds() const
{
    Aabb b;
    for (const auto& s : structures)
        b.expand(s.mesh.bounds());
    return b;
}

std::size_t AnatomyModel::triangleCount() const
{
    std::size_t n = 0;
    for (const auto& s : structures)
        n += s.mesh.triangleCount();
    return n;
}

} // namespace ta::core
