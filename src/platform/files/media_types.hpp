#pragma once
// Which files the platform accepts, told from their first bytes and never from what the
// browser claims (a name or a Content-Type anyone can forge), and the name they are
// offered under when downloaded. Pure functions.
#include <optional>
#include <string>
#include <string_view>

namespace ateliers::files {

enum class MediaKind { pdf, odt, odp, docx, pptx, png, jpeg };

// The kind `bytes` hold, or nothing when it is none of the accepted ones. Office files are
// ZIP archives: an OpenDocument names its type in its first entry ("mimetype"), an Office
// Open XML file is told by the part it must hold (word/document.xml, ppt/presentation.xml).
std::optional<MediaKind> sniff_media_kind(std::string_view bytes);

std::string_view media_type(MediaKind kind);  // "application/pdf"
std::string_view extension(MediaKind kind);   // "pdf", without the dot
std::string_view format_label(MediaKind kind);  // "PDF", "Word (DOCX)"
// PDF and images open in the browser; the rest is always a download.
bool shown_inline(MediaKind kind);
std::optional<MediaKind> kind_of_media_type(std::string_view media_type);

// "PDF, ODT, DOCX, ODP, PPTX, PNG ou JPEG": for the refusal messages and form hints.
std::string accepted_formats();

// The name a file is offered under: the sender's own name without any folder, control
// byte or quote, at most 120 bytes of valid UTF-8, ending in the extension of what it
// really holds ("rapport.exe" holding a PDF becomes "rapport.exe.pdf"); "document.EXT"
// when nothing usable is left.
std::string download_name(std::string_view sent_name, MediaKind kind);

}  // namespace ateliers::files
