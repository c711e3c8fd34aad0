#include "platform/files/media_types.hpp"

#include <array>
#include <cstdint>

#include "platform/core/text.hpp"

namespace ateliers::files {

namespace {

struct KindInfo {
    MediaKind kind;
    std::string_view media_type, extension, label;
};

constexpr std::array<KindInfo, 7> kinds{{
    {MediaKind::pdf, "application/pdf", "pdf", "PDF"},
    {MediaKind::odt, "application/vnd.oasis.opendocument.text", "odt", "ODT"},
    {MediaKind::docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "DOCX"},
    {MediaKind::odp, "application/vnd.oasis.opendocument.presentation", "odp", "ODP"},
    {MediaKind::pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "PPTX"},
    {MediaKind::png, "image/png", "png", "PNG"},
    {MediaKind::jpeg, "image/jpeg", "jpg", "JPEG"},
}};

const KindInfo& info(MediaKind kind) {
    for (const auto& k : kinds)
        if (k.kind == kind) return k;
    return kinds[0];
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::uint32_t little_endian(std::string_view s, std::size_t at, std::size_t width) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < width; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
    return v;
}

// The OpenDocument type named by a ZIP's first entry, "mimetype", stored uncompressed
// (the OpenDocument specification, part 3, 3.3).
std::optional<MediaKind> open_document(std::string_view zip) {
    constexpr std::size_t header = 30;
    if (zip.size() < header) return std::nullopt;
    const auto compressed = little_endian(zip, 18, 4), name_length = little_endian(zip, 26, 2),
               extra_length = little_endian(zip, 28, 2);
    if (zip.substr(header, name_length) != "mimetype") return std::nullopt;
    const auto content_at = header + name_length + extra_length;
    if (content_at + compressed > zip.size()) return std::nullopt;
    const auto named = zip.substr(content_at, compressed);
    if (named == info(MediaKind::odt).media_type) return MediaKind::odt;
    if (named == info(MediaKind::odp).media_type) return MediaKind::odp;
    return std::nullopt;
}

// An Office Open XML package lists its parts in [Content_Types].xml and holds its main
// part under a fixed name; entry names are never compressed.
std::optional<MediaKind> office_open_xml(std::string_view zip) {
    if (zip.find("[Content_Types].xml") == std::string_view::npos) return std::nullopt;
    if (zip.find("word/document.xml") != std::string_view::npos) return MediaKind::docx;
    if (zip.find("ppt/presentation.xml") != std::string_view::npos) return MediaKind::pptx;
    return std::nullopt;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Cuts a valid UTF-8 string to at most `limit` bytes without splitting a character.
std::string_view cut_utf8(std::string_view s, std::size_t limit) {
    if (s.size() <= limit) return s;
    auto end = limit;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

}  // namespace

std::optional<MediaKind> sniff_media_kind(std::string_view bytes) {
    if (starts_with(bytes, "%PDF-")) return MediaKind::pdf;
    if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) return MediaKind::png;
    if (starts_with(bytes, "\xFF\xD8\xFF")) return MediaKind::jpeg;
    if (starts_with(bytes, std::string_view("PK\x03\x04", 4))) {
        if (auto kind = open_document(bytes)) return kind;
        return office_open_xml(bytes);
    }
    return std::nullopt;
}

std::string_view media_type(MediaKind kind) { return info(kind).media_type; }
std::string_view extension(MediaKind kind) { return info(kind).extension; }
std::string_view format_label(MediaKind kind) { return info(kind).label; }

bool shown_inline(MediaKind kind) {
    return kind == MediaKind::pdf || kind == MediaKind::png || kind == MediaKind::jpeg;
}

std::optional<MediaKind> kind_of_media_type(std::string_view media_type) {
    for (const auto& k : kinds)
        if (k.media_type == media_type) return k.kind;
    return std::nullopt;
}

std::string accepted_formats() {
    std::string out;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (i > 0) out += i + 1 == kinds.size() ? " ou " : ", ";
        out += kinds[i].label;
    }
    return out;
}

std::string download_name(std::string_view sent_name, MediaKind kind) {
    // Browsers send a bare name, but old ones sent the whole path (C:\Users\…\rapport.pdf).
    const auto slash = sent_name.find_last_of("/\\");
    if (slash != std::string_view::npos) sent_name.remove_prefix(slash + 1);
    std::string name;
    if (text::is_valid_utf8(sent_name))
        for (const char ch : sent_name) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x20 || c == 0x7f || ch == '"' || ch == ';') continue;
            name += ch;
        }
    while (!name.empty() && name.back() == ' ') name.pop_back();
    const std::string dot_extension = "." + std::string(extension(kind));
    const auto low = lower(name);
    const bool has_extension = ends_with(low, dot_extension) || (kind == MediaKind::jpeg && ends_with(low, ".jpeg"));
    const auto dot = has_extension ? name.rfind('.') : name.size();
    auto stem = name.substr(0, dot);
    const auto ext = has_extension ? name.substr(dot) : dot_extension;
    // A name starting with a dot is hidden in most file managers.
    while (!stem.empty() && (stem.front() == '.' || stem.front() == ' ')) stem.erase(stem.begin());
    if (stem.empty()) return "document" + dot_extension;
    return std::string(cut_utf8(stem, 120 - ext.size())) + ext;
}

}  // namespace ateliers::files
