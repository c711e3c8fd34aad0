#include "platform/export/qr_code.hpp"

#include <qrencode.h>

#include <memory>

#include "platform/core/text.hpp"

namespace ateliers::documents {

std::string qr_svg(std::string_view text, std::string_view label) {
    const std::string data(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) return {};
    const int width = code->width, quiet = 4, side = width + 2 * quiet;
    // One horizontal run of dark modules per path segment keeps the SVG small.
    std::string path;
    for (int y = 0; y < width; ++y) {
        int x = 0;
        while (x < width) {
            if (!(code->data[y * width + x] & 1)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
            path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h" + std::to_string(run) + "v1h-" +
                    std::to_string(run) + "z";
            x += run;
        }
    }
    const auto s = std::to_string(side);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " + s +
           "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + text::escape_html(label) +
           "\"><rect width=\"" + s + "\" height=\"" + s + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace ateliers::documents
