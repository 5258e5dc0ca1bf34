#pragma once
// The project's error types. Loading, parsing and storage throw these; per-frame code never does.
// Every message names the file (or value) and the key, line or reason, ready to show to a person.
#include <stdexcept>
#include <string>

namespace ta {

/// A message as one line: line breaks (from SQLite, Assimp, a nested cause) become spaces, trailing
/// spaces go. Errors are shown and printed as one line.
inline std::string oneLine(std::string s)
{
    for (char& c : s)
        if (c == '\n' || c == '\r')
            c = ' ';
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

/// Base of every error TriggerAtlas throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A file could not be read or written (missing, permissions, disk full).
class IoError : public Error {
public:
    using Error::Error;
};

/// A file was read but its content is malformed (bad JSON, broken glTF, wrong binary layout).
class ParseError : public Error {
public:
    using Error::Error;
};

/// Content parsed but breaks the schema or a rule (missing key, unknown id, value out of range).
class ValidationError : public Error {
public:
    using Error::Error;
};

/// A command-line or API argument is wrong (unknown view, malformed size, unknown region).
class ArgumentError : public Error {
public:
    using Error::Error;
};

} // namespace ta
