#pragma once
// Writing e-mail to the outbox, inside the caller's transaction, so a message
// exists if and only if the action that causes it was committed.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "platform/mail/attachment.hpp"

namespace ateliers::services {

struct Mail {
    std::string recipient;
    std::string subject;
    std::string text;
    std::string html;
    std::vector<MailAttachment> attachments;  // stored beside the row until it is sent
};

// Where links in e-mails point and who signs them.
struct MailContext {
    std::string base_url;  // e.g. https://ateliers.anct.gouv.fr, no trailing slash
};

// The row gets its Message-ID now: every attempt to send it uses that one. Returns the
// row's id.
long long enqueue_mail(soci::session& sql, const Mail& mail);

// "outbox-RANDOM@ateliers-territoires.anct.gouv.fr", without angle brackets.
std::string new_message_id();

// What a sent row keeps of its bodies: they may hold confirmation or reset links.
inline constexpr const char* redacted_body = "[contenu effacé après envoi]";

// Wraps paragraphs of plain text and one call-to-action link into both the text
// and a small, accessible HTML body.
Mail compose_mail(const std::string& recipient, const std::string& subject, const std::string& greeting,
                  const std::vector<std::string>& paragraphs, const std::string& link_label, const std::string& link);

}  // namespace ateliers::services
