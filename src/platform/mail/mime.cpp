#include "platform/mail/mime.hpp"

#include <sodium.h>

#include <array>
#include <cctype>
#include <cstdio>

#include "platform/core/paris_time.hpp"

namespace ateliers::jobs {

namespace {

bool is_ascii(const std::string& s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// A file name as a Content-Disposition parameter: quoted when ASCII, RFC 2231 otherwise.
// Quotes, backslashes and line breaks never reach the header.
std::string file_name_parameter(const std::string& name) {
    std::string safe;
    for (char c : name)
        if (c != '"' && c != '\\' && c != '\r' && c != '\n') safe += c;
    if (is_ascii(safe)) return "filename=\"" + safe + "\"";
    std::string encoded = "filename*=UTF-8''";
    static constexpr char hex[] = "0123456789ABCDEF";
    for (unsigned char c : safe) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 15];
        }
    }
    return encoded;
}

std::string alternative_part(const MimeInput& in, const std::string& boundary) {
    std::string m = "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
    m += "--" + boundary + "\r\n";
    m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += base64_lines(in.text);
    m += "--" + boundary + "\r\n";
    m += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += base64_lines(in.html);
    m += "--" + boundary + "--\r\n";
    return m;
}

}  // namespace

std::string base64(const std::string& data) {
    std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::string base64_decode(const std::string& text) {
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), " \r\n",
                          &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return {};
    out.resize(length);
    return out;
}

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
    if (in.attachments.empty()) return m + alternative_part(in, boundary);
    // Boundaries must differ from each other; neither can occur in base64 text ('=_').
    const std::string mixed = boundary + "_mixed";
    m += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
    m += "--" + mixed + "\r\n" + alternative_part(in, boundary);
    for (const auto& a : in.attachments) {
        m += "--" + mixed + "\r\n";
        m += "Content-Type: " + a.media_type + "\r\n";
        m += "Content-Disposition: attachment; " + file_name_parameter(a.file_name) + "\r\n";
        m += "Content-Transfer-Encoding: base64\r\n\r\n";
        m += base64_lines(a.bytes);
    }
    m += "--" + mixed + "--\r\n";
    return m;
}

}  // namespace ateliers::jobs
