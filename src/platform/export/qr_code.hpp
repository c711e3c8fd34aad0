#pragma once
// QR codes drawn as inline SVG (libqrencode computes the modules), so a ticket shows on a
// page, prints and goes into a PDF without image files.
#include <string>
#include <string_view>

namespace ateliers::documents {

// An <svg> of `text` (error correction M, 4-module quiet zone) scaled by its viewBox,
// with `label` as its accessible name (escaped). Empty when the text is too long for a QR code.
std::string qr_svg(std::string_view text, std::string_view label);

}  // namespace ateliers::documents
