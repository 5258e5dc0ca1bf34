#pragma once
// Which model file the app opens: the one asked for (--model, File > Open model...), the one remembered from
// the last run (core::Settings::lastModel), or the built-in one; and what to say when a remembered model is
// gone or damaged. No UI, no GL.
#include "core/anatomy_model.h"

#include <filesystem>
#include <optional>
#include <string>

namespace ta::session {

/// Reads a model file the user named. Throws IoError ("FILE: model file not found", unreadable),
/// ParseError or ValidationError (a damaged glb), each one line naming the file.
core::AnatomyModel loadModelFile(const std::filesystem::path& file);

/// A path as a person types it: surrounding blanks dropped and a leading "~/" made $HOME.
std::filesystem::path typedPath(const std::string& text);

/// Why `file` cannot be a model to open, in a few words ("not found", "a folder", "not a .glb or .gltf
/// file"), without reading it; nullopt when it may be opened (it may still turn out damaged).
std::optional<std::string> modelFileProblem(const std::filesystem::path& file);
/// Why `source` cannot be imported ("not found"); nullopt when it is a folder or a regular file.
std::optional<std::string> importSourceProblem(const std::filesystem::path& source);

struct StartModel {
    core::AnatomyModel model;
    std::filesystem::path path;
    bool builtIn = false; ///< the built-in model (remembered as "" in the settings)
    std::string message;  ///< one line when the remembered model could not be opened; empty otherwise
};

/// The model to start with: `requested` (the command line) wins; else `remembered` (the settings); else
/// `builtIn`. A remembered model that is gone or damaged is not fatal: the built-in one opens and `message`
/// names the file and what was wrong. Throws what loadModelFile throws for a requested model, and IoError
/// with a hint when the built-in model is missing.
StartModel loadStartModel(const std::string& requested, const std::string& remembered,
                          const std::filesystem::path& builtIn);

} // namespace ta::session
