#include "platform/export/document_conversion.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

extern char** environ;

namespace ateliers::documents {
namespace {

namespace fs = std::filesystem;

// A private directory per conversion, removed on every path out.
class ScratchDirectory {
public:
    ScratchDirectory() {
        std::string pattern = (fs::temp_directory_path() / "ateliers-doc-XXXXXX").string();
        if (mkdtemp(pattern.data())) path_ = pattern;
    }
    ~ScratchDirectory() {
        std::error_code ignored;
        if (!path_.empty()) fs::remove_all(path_, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    bool ok() const { return !path_.empty(); }
    fs::path operator/(const char* name) const { return path_ / name; }

private:
    fs::path path_;
};

Failure technical(std::string message) { return fail(std::move(message), {}, FailureKind::technical); }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs the tool without a shell (arguments are never interpreted), stdout and stderr to a
// log file; kills it after the deadline so a stuck conversion cannot hold a request thread.
Status run(const std::vector<std::string>& arguments, const fs::path& log) {
    std::vector<char*> argv;
    for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return technical("Le document n'a pas pu être produit : l'outil « " + arguments[0] +
                         " » est absent de ce serveur.");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0) return technical("Le document n'a pas pu être produit.");
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return technical("Le document n'a pas pu être produit : la conversion a pris plus d'une minute.");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return technical("Le document n'a pas pu être produit (" + arguments[0] + " : " +
                         read_file(log).substr(0, 300) + ").");
    return Done{};
}

}  // namespace

std::string_view media_type(Format format) {
    return format == Format::pdf
               ? "application/pdf"
               : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

std::string_view file_extension(Format format) { return format == Format::pdf ? "pdf" : "docx"; }

Result<std::string> convert_html(std::string_view html, Format format) {
    ScratchDirectory scratch;
    if (!scratch.ok()) return technical("Le document n'a pas pu être produit (dossier temporaire).");
    const auto input = scratch / "page.html";
    const auto output = scratch / (format == Format::pdf ? "document.pdf" : "document.docx");
    {
        std::ofstream out(input, std::ios::binary);
        out.write(html.data(), static_cast<std::streamsize>(html.size()));
        if (!out) return technical("Le document n'a pas pu être produit (écriture du fichier temporaire).");
    }
    const std::vector<std::string> command =
        format == Format::pdf
            ? std::vector<std::string>{"weasyprint", "--quiet", "--encoding", "utf-8", input.string(),
                                       output.string()}
            // No --sandbox: pandoc 2.17 then cannot read its own reference.docx. The page is
            // built from escaped templates, so it holds no image or link a user chose.
            : std::vector<std::string>{"pandoc", "--from", "html", "--to", "docx", "--output",
                                       output.string(), input.string()};
    if (auto ran = run(command, scratch / "tool.log"); !ran) return ran.failure();
    std::string bytes = read_file(output);
    if (bytes.empty()) return technical("Le document n'a pas pu être produit (fichier vide).");
    return bytes;
}

}  // namespace ateliers::documents
