#pragma once
// The self-care library: home exercises and habits per muscle for the client handout, and the safety
// rules that go with them, loaded from assets/data/self-care.json (format: assets/data/README.md).
// Content lives in the data file, never in code; every item keeps the fact sheet's source keys and
// confidence so a reader can trace it.
#include <cstddef>
#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ta::io {

struct SelfCareItem {
    std::string id;
    std::vector<std::string> muscles; ///< muscle ids (muscles.json), e.g. "trapezius-upper"
    std::string text;                 ///< what to do, in plain words for the client
    std::string dose;                 ///< how long / how often; may be empty
    std::vector<std::string> sources; ///< fact-sheet keys, e.g. "S1", "S60a"
    std::string confidence;           ///< "H", "M" or "L" (or a range, "M/L", as the sheet gives it)
    bool inference = false;           ///< the sheet applies a general fact to this muscle
};

struct SafetyRule {
    std::string id;
    std::string rule;   ///< for the therapist
    std::string client; ///< the line for the handout, or empty when it is not for clients
    std::vector<std::string> sources;
    std::string confidence; ///< as SelfCareItem::confidence
};

class SelfCareLibrary {
public:
    /// Reads and validates the file. Throws IoError (unreadable), ParseError (not JSON) or
    /// ValidationError naming the file and key ("self-care.json: items[2].confidence: must be H, M or L").
    static SelfCareLibrary load(const std::filesystem::path& file);
    /// Validates an already parsed document; `name` stands for the file in messages.
    static SelfCareLibrary fromJson(const nlohmann::json& doc, const std::string& name);

    const std::vector<SelfCareItem>& items() const { return m_items; }
    const std::vector<SafetyRule>& safety() const { return m_safety; }
    /// The items for one muscle id, in file order; empty for an unknown muscle.
    std::vector<SelfCareItem> forMuscle(std::string_view muscleId) const;
    /// nullptr when there is no rule with that id.
    const SafetyRule* rule(std::string_view id) const;
    /// The client-facing lines of every safety rule that has one, in file order (for HandoutData::cautions).
    std::vector<std::string> clientCautions() const;

    /// Id of the rule about deep work during a migraine attack (required in every library).
    static constexpr std::string_view kMigraineRule = "no-deep-work-during-migraine-attack";

private:
    std::vector<SelfCareItem> m_items;
    std::vector<SafetyRule> m_safety;
};

struct HandoutData;

/// Fills the handout's self-care list from the items for `muscleIds` (in that order, each item once, at
/// most `maxItems`) and its cautions from every client-facing safety line (the migraine rule among them).
/// Replaces what `handout.selfCare` and `handout.cautions` held.
void fillSelfCare(HandoutData& handout, const SelfCareLibrary& library, std::span<const std::string> muscleIds,
                  std::size_t maxItems = 5);

} // namespace ta::io
