#pragma once
// A file carried by an e-mail (an attendance certificate, a calendar entry). Kept with
// the queued message until it is sent (docs/mail.md).
#include <string>

namespace ateliers {

struct MailAttachment {
    std::string file_name;   // as the recipient's mail program shows it
    std::string media_type;  // e.g. application/pdf
    std::string bytes;
};

}  // namespace ateliers
