#pragma once
// An XLSX workbook unpacked by unzip(1) into a fresh directory, removed afterwards, so a test
// can read its XML parts. unzip is a test dependency (scripts/install-deps.sh --test): a
// missing unzip fails the test rather than skipping it.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace ateliers::test_support {

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct UnzippedWorkbook {
    std::filesystem::path dir;
    bool ok = false;

    explicit UnzippedWorkbook(const std::string& bytes) {
        EXPECT_EQ(std::system("command -v unzip >/dev/null 2>&1"), 0)
            << "unzip(1) is missing: scripts/install-deps.sh --test installs it";
        std::string pattern = (std::filesystem::temp_directory_path() / "xlsx-test-XXXXXX").string();
        dir = mkdtemp(pattern.data());
        std::ofstream(dir / "file.xlsx", std::ios::binary) << bytes;
        ok = std::system(("cd '" + dir.string() + "' && unzip -o -q file.xlsx").c_str()) == 0;
    }
    ~UnzippedWorkbook() { std::filesystem::remove_all(dir); }
    UnzippedWorkbook(const UnzippedWorkbook&) = delete;
    UnzippedWorkbook& operator=(const UnzippedWorkbook&) = delete;

    std::string part(const std::string& name) const { return slurp(dir / name); }
    bool has(const std::string& name) const { return std::filesystem::exists(dir / name); }
};

}  // namespace ateliers::test_support
