#include "core/settings/settings.h"

#include <algorithm>

namespace ta::core {

void Settings::addRecent(const std::string& file)
{
    if (file.empty())
        return;
    std::erase(recentBodyMaps, file);
    recentBodyMaps.insert(recentBodyMaps.begin(), file);
    if (recentBodyMaps.size() > kMaxRecent)
        recentBodyMaps.resize(kMaxRecent);
}

void Settings::rememberModel(const std::string& file)
{
    lastModel = file;
    if (file.empty())
        return;
    std::erase(recentModels, file);
    recentModels.insert(recentModels.begin(), file);
    if (recentModels.size() > kMaxRecent)
        recentModels.resize(kMaxRecent);
}

} // namespace ta::core
