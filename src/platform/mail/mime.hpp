#pragma once
// Builds an RFC 5322 message, plain text + HTML (multipart/alternative), UTF-8,
// base64 bodies and an RFC 2047 encoded subject; with attachments, the whole is the
// first part of a multipart/mixed and each file follows in base64. Pure.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/mail/attachment.hpp"

namespace ateliers::jobs {

struct MimeInput {
    std::string from;        // "Name <address>"
    std::string to;          // address
    std::string subject;
    std::string text;
    std::string html;
    std::string message_id;  // without angle brackets
    std::int64_t date_utc = 0;
    std::vector<MailAttachment> attachments;
};

std::string build_mime_message(const MimeInput& in);

std::string base64(const std::string& data);        // RFC 4648, padded, one line
std::string base64_decode(const std::string& text);  // ignores line breaks; empty if invalid
std::string base64_lines(const std::string& data);  // 76-column lines, CRLF
std::string encode_header_word(const std::string& value);
std::string rfc5322_date(std::int64_t utc_seconds);

}  // namespace ateliers::jobs
