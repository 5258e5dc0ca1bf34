#pragma once
// Helpers for the report and FHIR tests: a private scratch directory, running a tool and reading its
// output, PDF text and page count through poppler-utils (pdftotext, pdfinfo), small generated images.
#include "io/png_image.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ta::test {

namespace fs = std::filesystem;

/// A fresh directory under the system temp dir, removed with everything in it on destruction (kept, to
/// look at the PDFs, when the environment sets TA_KEEP_TEST_FILES).
class ScratchDir {
public:
    explicit ScratchDir(const std::string& tag)
    {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() /
                 ("ta-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~ScratchDir()
    {
        if (std::getenv("TA_KEEP_TEST_FILES")) {
            std::fprintf(stderr, "kept %s\n", m_path.c_str());
            return;
        }
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }
    fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

struct CommandResult {
    int code = -1; ///< exit status, -1 when it did not exit normally
    std::string out; ///< stdout and stderr together
};

inline CommandResult runCommand(const std::string& cmd)
{
    CommandResult r;
    FILE* pipe = popen((cmd + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline std::string quoted(const fs::path& p)
{
    std::string q("'");
    return q.append(p.string()).append("'"); // not "'" + s: GCC 12's false -Wrestrict
}

inline std::string readBytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Whitespace runs collapsed to one space, so text wrapped across lines still matches.
inline std::string collapseSpace(const std::string& s)
{
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

/// The text of a PDF in content order (pdftotext -raw), whitespace collapsed. Fails the test when
/// pdftotext is missing (tools/setup-deps installs poppler-utils).
inline std::string pdfText(const fs::path& pdf)
{
    const CommandResult r = runCommand("pdftotext -raw -enc UTF-8 " + quoted(pdf) + " -");
    EXPECT_EQ(r.code, 0) << "pdftotext failed (poppler-utils installed? tools/setup-deps): " << r.out;
    return collapseSpace(r.out);
}

/// Pages of a PDF from pdfinfo; -1 when pdfinfo fails (and the test fails).
inline int pdfPages(const fs::path& pdf)
{
    const CommandResult r = runCommand("pdfinfo " + quoted(pdf));
    EXPECT_EQ(r.code, 0) << "pdfinfo failed: " << r.out;
    const auto at = r.out.find("Pages:");
    if (at == std::string::npos) return -1;
    return std::stoi(r.out.substr(at + 6));
}

/// A w x h image: a gradient with a coloured disc, opaque; `tint` varies the colours.
inline io::RgbaImage testImage(int w, int h, int tint)
{
    io::RgbaImage img;
    img.width = w;
    img.height = h;
    img.pixels.resize(static_cast<std::size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = img.at(x, y);
            const int dx = x - w / 2, dy = y - h / 2;
            const bool disc = dx * dx + dy * dy < (h / 3) * (h / 3);
            p[0] = static_cast<std::uint8_t>(disc ? 200 : (x * 255) / w);
            p[1] = static_cast<std::uint8_t>(disc ? 60 + tint * 40 : (y * 255) / h);
            p[2] = static_cast<std::uint8_t>(disc ? 60 : 120 + tint * 30);
            p[3] = 255;
        }
    return img;
}

} // namespace ta::test
