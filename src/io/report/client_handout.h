#pragma once
// The client handout: one page in plain words and large type for the client to take home: their
// drawing, what we found, why it hurts there, what to do at home, when to get in touch.
#include "io/report/report_data.h"

#include <filesystem>

namespace ta::io {

/// Writes the one-page handout to `file` (temporary then rename, mode 0600). When the content does not
/// fit one page at the friendly size, the type and the image are shrunk step by step (down to about
/// 60 %); then the self-care list is shortened. Always exactly one page.
/// Throws IoError naming the file ("exists" when it exists and !overwrite; the file is then untouched).
void writeClientHandout(const HandoutData& data, const std::filesystem::path& file, bool overwrite);

/// The fixed "when to get in touch" lines the handout prints (shared with tests and other front ends).
const std::vector<std::string>& handoutWhenToGetInTouch();

} // namespace ta::io
