#pragma once
// A treatment protocol: an ordered sequence of steps, each a trigger point or a whole muscle, with the
// technique, how long to hold, the view to show and a note, plus what to screen for before starting and
// why the order is what it is. Read from assets/protocols/<id>.json (format: docs/PROTOCOLS.md). This
// layer checks the file's shape; ids are resolved against the clinical data by session::ProtocolLibrary.
#include "core/treatment/evidence.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ta::core {

/// Where a step is seen from. Lateral is the side being worked on, whichever that is.
enum class ProtocolView : std::uint8_t { Anterior, Posterior, Lateral, Superior };
std::string_view toString(ProtocolView v);

struct ProtocolStep {
    std::string triggerPoint; ///< a trigger point id (left-side form, "trapezius.upper.trp1"); empty when `muscle`
    std::string muscle;       ///< a muscle id, for a step on the whole muscle; empty when `triggerPoint`
    std::string technique;    ///< a technique id of treatment.json
    int holdSeconds = 0;      ///< 0: no timed hold (strokes, mobilisation)
    ProtocolView view = ProtocolView::Anterior;
    std::string note; ///< what to do and why, may be empty
    std::string path; ///< "steps[3]", for messages
};

struct ProtocolReason {
    std::string text;
    Evidence evidence;
};

struct Protocol {
    static constexpr int kMaxHoldSeconds = 600;
    static constexpr std::size_t kMaxSteps = 100;

    std::string id;                  ///< "headache", the file's stem
    std::string name;                ///< "Headache: front of the chest to the base of the skull"
    std::string summary;             ///< one paragraph
    std::vector<std::string> screen; ///< contraindication ids to check before starting
    std::vector<ProtocolReason> rationale;
    std::string finish; ///< what to do after the last step, may be empty
    std::vector<ProtocolStep> steps;
    std::string file; ///< where it was read from, for messages

    /// Reads and checks the shape. Throws IoError, ParseError or ValidationError naming the file and key.
    static Protocol load(const std::filesystem::path& file);
    static Protocol fromJson(const nlohmann::json& doc, const std::string& name);
};

} // namespace ta::core
