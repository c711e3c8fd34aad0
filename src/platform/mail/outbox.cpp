#include "platform/mail/outbox.hpp"

#include "platform/auth/crypto.hpp"
#include "platform/mail/mime.hpp"
#include "platform/store/database.hpp"
#include "platform/store/statements.hpp"
#include "platform/core/text.hpp"

namespace ateliers::services {

std::string new_message_id() {
    // 22 base64url characters: 132 random bits, unique without asking the database.
    return "outbox-" + crypto::random_token().substr(0, 22) + "@ateliers-territoires.anct.gouv.fr";
}

long long enqueue_mail(soci::session& sql, const Mail& mail) {
    const long long created_at = store::now_utc_seconds();
    const std::string message_id = new_message_id();
    long long id = 0;
    store::execute(sql,
                   "INSERT INTO outbox (recipient, subject, body_text, body_html, created_at, message_id) "
                   "VALUES (:r, :s, :t, :h, :c, :m) RETURNING id",
                   soci::use(mail.recipient), soci::use(mail.subject), soci::use(mail.text), soci::use(mail.html),
                   soci::use(created_at), soci::use(message_id), soci::into(id));
    for (const auto& a : mail.attachments) {
        const std::string content = jobs::base64(a.bytes);
        store::execute(sql,
                       "INSERT INTO outbox_attachments (outbox_id, file_name, media_type, content_base64) "
                       "VALUES (:o, :n, :t, :c)",
                       soci::use(id), soci::use(a.file_name), soci::use(a.media_type), soci::use(content));
    }
    return id;
}

Mail compose_mail(const std::string& recipient, const std::string& subject, const std::string& greeting,
                  const std::vector<std::string>& paragraphs, const std::string& link_label, const std::string& link) {
    Mail m{recipient, subject, {}, {}, {}};
    m.text = greeting + "\n\n";
    m.html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + text::escape_html(subject) +
             "</title></head><body style=\"font-family:Marianne,Arial,sans-serif;color:#161616\">"
             "<p>" + text::escape_html(greeting) + "</p>";
    for (const auto& p : paragraphs) {
        m.text += p + "\n\n";
        m.html += "<p>" + text::escape_html(p) + "</p>";
    }
    if (!link.empty()) {
        m.text += link_label + " :\n" + link + "\n\n";
        m.html += "<p><a href=\"" + text::escape_html(link) + "\">" + text::escape_html(link_label) + "</a></p>";
    }
    const std::string signature = "L'équipe des Ateliers des territoires – ANCT";
    m.text += "--\n" + signature + "\n";
    m.html += "<p>" + text::escape_html(signature) + "</p></body></html>";
    return m;
}

}  // namespace ateliers::services
