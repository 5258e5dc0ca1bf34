// The trigger-point data: the input replaces one of muscles.json, regions.json, trigger-points.json (the
// first byte picks which) in a copy of assets/data, then the whole set loads and cross-checks.
#include "core/referral/referral_data.h"
#include "fuzz_support.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace fs = std::filesystem;
    using ta::core::ReferralData;
    static const fs::path dir = [] {
        const fs::path d = ta::fuzz::scratch() / "data";
        fs::create_directories(d);
        for (const char* f : {ReferralData::kMusclesFile, ReferralData::kRegionsFile, ReferralData::kTriggerPointsFile})
            fs::copy_file(fs::path(TA_SOURCE_ROOT) / "assets/data" / f, d / f, fs::copy_options::overwrite_existing);
        return d;
    }();
    if (size == 0)
        return 0;
    const char* files[] = {ReferralData::kMusclesFile, ReferralData::kRegionsFile, ReferralData::kTriggerPointsFile};
    const fs::path target = dir / files[data[0] % 3];
    const fs::path original = fs::path(TA_SOURCE_ROOT) / "assets/data" / files[data[0] % 3];
    ta::fuzz::writeFile(target, ta::fuzz::asText(data + 1, size - 1));
    ta::fuzz::expectCleanRefusal([&] { ReferralData::load(dir); });
    fs::copy_file(original, target, fs::copy_options::overwrite_existing);
    return 0;
}
