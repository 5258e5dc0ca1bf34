#pragma once
// Runs the built trigger-atlas with arguments and collects its exit status, stdout and stderr apart.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace ta::test {

struct AppOutput {
    int status = -1;
    std::string out;
    std::string err;
};

inline AppOutput runTriggerAtlas(const std::string& args)
{
    std::random_device rd;
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("ta-app-run-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    const auto out = dir / "out.txt", err = dir / "err.txt";
    const std::string cmd = std::string("\"") + TA_APP_EXE + "\" " + args + " > \"" + out.string() + "\" 2> \"" +
                            err.string() + "\" < /dev/null";
    const int raw = std::system(cmd.c_str());
    AppOutput r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    auto slurp = [](const std::filesystem::path& p) {
        std::ifstream in(p);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    };
    r.out = slurp(out);
    r.err = slurp(err);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return r;
}

} // namespace ta::test
