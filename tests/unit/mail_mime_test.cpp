// The MIME message the outbox sends: without attachments a multipart/alternative, with
// them a multipart/mixed whose files come back byte for byte from their base64.
#include <gtest/gtest.h>

#include <string>

#include "platform/mail/mime.hpp"

using namespace ateliers;
using namespace ateliers::jobs;

namespace {

MimeInput message() {
    return {"Ateliers <ne-pas-repondre@exemple.fr>", "marie@exemple.fr", "Votre attestation – été", "Bonjour",
            "<p>Bonjour</p>", "outbox-abc@exemple.fr", 1'800'000'000, {}};
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The base64 body of the part that follows `header`, up to the next boundary line.
std::string body_after(const std::string& m, const std::string& header) {
    const auto start = m.find("\r\n\r\n", m.find(header)) + 4;
    const auto end = m.find("--", start);
    return m.substr(start, end - start);
}

}  // namespace

TEST(MailMime, Base64RoundTripsEveryByte) {
    const struct {
        std::string bytes, encoded;
    } cases[] = {{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {std::string("\0\xff\x10", 3), "AP8Q"}};
    for (const auto& c : cases) {
        EXPECT_EQ(base64(c.bytes), c.encoded);
        EXPECT_EQ(base64_decode(c.encoded), c.bytes);
    }
    EXPECT_EQ(base64_decode("Zm9v\r\nYmFy\r\n"), "foobar") << "line breaks are skipped";
    EXPECT_EQ(base64_decode("Zm9v!"), "") << "invalid text gives nothing";
}

TEST(MailMime, WithoutAttachmentsTheMessageIsAnAlternative) {
    const auto m = build_mime_message(message());
    EXPECT_NE(m.find("Content-Type: multipart/alternative"), std::string::npos);
    EXPECT_EQ(m.find("multipart/mixed"), std::string::npos);
    EXPECT_EQ(m.find("Content-Disposition"), std::string::npos);
}

TEST(MailMime, AttachmentsFollowTheBodiesInAMixedMessage) {
    auto in = message();
    std::string pdf = "%PDF-1.7\n";
    for (int i = 0; i < 300; ++i) pdf += static_cast<char>(i % 256);  // binary, NUL included, several lines
    in.attachments.push_back({"attestation-journees-12.pdf", "application/pdf", pdf});
    in.attachments.push_back({"programme été.ics", "text/calendar", "BEGIN:VCALENDAR\r\n"});
    const auto m = build_mime_message(in);

    const auto mixed = m.find("Content-Type: multipart/mixed; boundary=\"=_ateliers_outbox-abc_mixed\"");
    ASSERT_NE(mixed, std::string::npos);
    EXPECT_LT(mixed, m.find("\r\n\r\n")) << "a header of the message";
    EXPECT_LT(m.find("multipart/alternative"), m.find("application/pdf")) << "the bodies come first";
    EXPECT_EQ(count_of(m, "--=_ateliers_outbox-abc_mixed\r\n"), 3u) << "bodies, then two files";
    EXPECT_EQ(count_of(m, "--=_ateliers_outbox-abc_mixed--\r\n"), 1u);
    EXPECT_EQ(count_of(m, "--=_ateliers_outbox-abc--\r\n"), 1u) << "the alternative is closed inside";
    EXPECT_NE(m.find("Content-Disposition: attachment; filename=\"attestation-journees-12.pdf\""), std::string::npos);
    EXPECT_NE(m.find("Content-Disposition: attachment; filename*=UTF-8''programme%20%C3%A9t%C3%A9.ics"),
              std::string::npos)
        << "RFC 2231 for a name beyond ASCII";

    const auto body = body_after(m, "Content-Type: application/pdf");
    for (std::size_t line = 0; line < body.size(); line = body.find("\r\n", line) + 2)
        EXPECT_LE(body.find("\r\n", line) - line, 76u);
    EXPECT_EQ(base64_decode(body), pdf);
}

TEST(MailMime, AFileNameCannotBreakTheHeader) {
    auto in = message();
    in.attachments.push_back({"a\"b\r\nX-Evil: 1.pdf", "application/pdf", "x"});
    const auto m = build_mime_message(in);
    EXPECT_EQ(m.find("\r\nX-Evil"), std::string::npos);
    EXPECT_NE(m.find("filename=\"abX-Evil: 1.pdf\""), std::string::npos);
}
