#include "platform/mail/mime.hpp"

#include <array>
#include <cstdio>

#include "platform/core/paris_time.hpp"

namespace ateliers::jobs {

namespace {

std::string base64(const std::string& data) {
    static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                           static_cast<unsigned char>(data[i + 2]);
        out += table[n >> 18], out += table[(n >> 12) & 63], out += table[(n >> 6) & 63], out += table[n & 63];
    }
    if (i + 1 == data.size()) {
        const unsigned n = static_cast<unsigned char>(data[i]) << 16;
        out += table[n >> 18], out += table[(n >> 12) & 63], out += "==";
    } else if (i + 2 == data.size()) {
        const unsigned n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8);
        out += table[n >> 18], out += table[(n >> 12) & 63], out += table[(n >> 6) & 63], out += '=';
    }
    return out;
}

bool is_ascii(const std::string& s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace

std::string base64_lines(const std::string& data) {
    const auto encoded = base64(data);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
    return out;
}

std::string encode_header_word(const std::string& value) {
    if (is_ascii(value)) return value;
    return "=?UTF-8?B?" + base64(value) + "?=";
}

std::string rfc5322_date(std::int64_t utc_seconds) {
    static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto t = paris_time::to_local(utc_seconds);
    const int offset = paris_time::utc_offset_minutes(utc_seconds);
    const auto secs = ((utc_seconds % 60) + 60) % 60;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %d %s %04d %02d:%02d:%02lld +%02d%02d", days[static_cast<std::size_t>(t.weekday)],
                  t.day, months[static_cast<std::size_t>(t.month - 1)], t.year, t.hour, t.minute,
                  static_cast<long long>(secs), offset / 60, offset % 60);
    return buf;
}

std::string build_mime_message(const MimeInput& in) {
    const std::string boundary = "=_ateliers_" + in.message_id.substr(0, in.message_id.find('@'));
    std::string m;
    m += "From: " + in.from + "\r\n";
    m += "To: " + in.to + "\r\n";
    m += "Subject: " + encode_header_word(in.subject) + "\r\n";
    m += "Date: " + rfc5322_date(in.date_utc) + "\r\n";
    m += "Message-ID: <" + in.message_id + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Auto-Submitted: auto-generated\r\n";
    m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
    m += "--" + boundary + "\r\n";
    m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += base64_lines(in.text);
    m += "--" + boundary + "\r\n";
    m += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += base64_lines(in.html);
    m += "--" + boundary + "--\r\n";
    return m;
}

}  // namespace ateliers::jobs
