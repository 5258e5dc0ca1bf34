#include "io/fidelity/reference_set.h"

#include "io/bodyparts3d.h"

#include <system_error>

namespace ta::io {

const std::vector<std::string>& skullReferenceFmas()
{
    // Frontal, occipital, sphenoid, ethmoid, vomer; parietal, temporal, zygomatic, maxilla, nasal,
    // lacrimal, palatine, inferior nasal concha (right, left).
    static const std::vector<std::string> kSkull = {
        "FMA52734", "FMA52735", "FMA52736", "FMA52740", "FMA9710",  "FMA52788", "FMA52789",
        "FMA52738", "FMA52739", "FMA52892", "FMA52893", "FMA53649", "FMA53650", "FMA53647",
        "FMA53648", "FMA53645", "FMA53646", "FMA53655", "FMA53656", "FMA54737", "FMA54738"};
    return kSkull;
}

namespace {
constexpr std::string_view kSkullFma = "FMA46565";

std::string_view swappedMasseter(std::string_view fma)
{
    if (fma == "FMA49001") return "FMA49004";
    if (fma == "FMA49004") return "FMA49001";
    if (fma == "FMA49002") return "FMA49005";
    if (fma == "FMA49005") return "FMA49002";
    return {};
}
} // namespace

std::vector<std::string> referenceFmasFor(std::string_view fma)
{
    if (fma.empty())
        return {};
    if (fma == kSkullFma)
        return skullReferenceFmas();
    if (const auto swapped = swappedMasseter(fma); !swapped.empty())
        return {std::string(swapped)};
    return {std::string(fma)};
}

std::string referenceMappingNote(std::string_view fma)
{
    if (fma == kSkullFma)
        return "union of the 21 skull bones in the reference";
    if (const auto swapped = swappedMasseter(fma); !swapped.empty())
        return "compared with " + std::string(swapped) + ": the source's masseter deep/superficial labels are swapped";
    return {};
}

ReferenceSet::ReferenceSet(std::filesystem::path folder) : m_folder(std::move(folder)) {}

bool ReferenceSet::available() const
{
    std::error_code ec;
    return std::filesystem::is_directory(m_folder, ec) &&
           (std::filesystem::exists(m_folder / "manifest.tsv", ec) || has("FMA12525"));
}

bool ReferenceSet::has(std::string_view fma) const
{
    std::error_code ec;
    return std::filesystem::is_regular_file(m_folder / (std::string(fma) + ".stl"), ec);
}

const core::Mesh* ReferenceSet::mesh(std::string_view fma)
{
    if (auto it = m_meshes.find(fma); it != m_meshes.end())
        return &it->second;
    if (!has(fma))
        return nullptr;
    auto mesh = loadBodyParts3dMesh(m_folder / (std::string(fma) + ".stl"));
    return &m_meshes.emplace(std::string(fma), std::move(mesh)).first->second;
}

const core::Mesh* ReferenceSet::unionOf(const std::vector<std::string>& fmas, std::vector<std::string>* missing)
{
    if (fmas.size() == 1) {
        const core::Mesh* m = mesh(fmas.front());
        if (!m && missing)
            missing->push_back(fmas.front());
        return m;
    }
    std::string key;
    for (const auto& f : fmas)
        key += f + "+";
    if (auto it = m_unions.find(key); it != m_unions.end()) {
        if (missing)
            for (const auto& f : fmas)
                if (!has(f))
                    missing->push_back(f);
        return &it->second;
    }
    core::Mesh u;
    bool any = false;
    for (const auto& f : fmas) {
        const core::Mesh* m = mesh(f);
        if (!m) {
            if (missing)
                missing->push_back(f);
            continue;
        }
        any = true;
        const auto base = static_cast<std::uint32_t>(u.positions.size());
        u.positions.insert(u.positions.end(), m->positions.begin(), m->positions.end());
        u.normals.insert(u.normals.end(), m->normals.begin(), m->normals.end());
        for (auto i : m->indices)
            u.indices.push_back(base + i);
    }
    if (!any)
        return nullptr;
    return &m_unions.emplace(std::move(key), std::move(u)).first->second;
}

} // namespace ta::io
