#include "jobs/outbox_worker.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "jobs/feedback_invitations.hpp"
#include "jobs/mime.hpp"
#include "jobs/reminders.hpp"
#include "store/rows.hpp"

namespace ateliers::jobs {

namespace {

struct Pending {
    long long id = 0;
    std::string recipient, subject, text, html;
};

std::string address_of(const std::string& from) {
    const auto lt = from.find('<');
    const auto gt = from.find('>');
    return lt != std::string::npos && gt != std::string::npos ? from.substr(lt, gt - lt + 1) : "<" + from + ">";
}

struct Upload {
    const std::string* data;
    std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* up = static_cast<Upload*>(user);
    const auto n = std::min(size * count, up->data->size() - up->offset);
    std::memcpy(buffer, up->data->data() + up->offset, n);
    up->offset += n;
    return n;
}

Status send_smtp(const MailSettings& settings, const std::string& recipient, const std::string& message) {
    CURL* curl = curl_easy_init();
    if (!curl) return fail("libcurl indisponible");
    Upload upload{&message};
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + recipient + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_URL, settings.smtp_url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, address_of(settings.from).c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const auto code = curl_easy_perform(curl);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK) return fail(std::string("SMTP : ") + curl_easy_strerror(code));
    return Done{};
}

Status write_eml(const MailSettings& settings, long long id, const std::string& message) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(settings.mail_dir, ec);
    const auto final_path = fs::path(settings.mail_dir) / ("message-" + std::to_string(id) + ".eml");
    const auto temp_path = final_path.string() + ".tmp";
    {
        std::ofstream out(temp_path, std::ios::binary);
        out << message;
        if (!out) return fail("écriture impossible dans " + settings.mail_dir);
    }
    // Rename is atomic: a reader of the folder never sees half a message.
    fs::rename(temp_path, final_path, ec);
    if (ec) return fail("écriture impossible dans " + settings.mail_dir + " : " + ec.message());
    return Done{};
}

}  // namespace

Result<int> deliver_pending(store::Database& db, const MailSettings& settings, int batch_size) {
    std::vector<Pending> batch;
    const long long now = store::now_utc_seconds();
    // Claim a batch: other workers (other processes on PostgreSQL) skip claimed rows.
    auto claimed = store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const std::string lock = db.dialect() == store::Dialect::postgresql ? " FOR UPDATE SKIP LOCKED" : "";
        const long long until = now + 120;
        soci::rowset<soci::row> rows =
            (sql.prepare << "UPDATE outbox SET locked_until = :until, attempts = attempts + 1 WHERE id IN "
                            "(SELECT id FROM outbox WHERE sent_at IS NULL AND locked_until < :now AND attempts < 10 "
                            "ORDER BY id LIMIT :lim" + lock + ") RETURNING id, recipient, subject, body_text, body_html",
             soci::use(until, "until"), soci::use(now, "now"), soci::use(batch_size, "lim"));
        for (const auto& r : rows)
            batch.push_back({store::as_int(r, 0), store::as_text(r, 1), store::as_text(r, 2), store::as_text(r, 3),
                             store::as_text(r, 4)});
        return Done{};
    });
    if (!claimed) return claimed.failure();
    int sent = 0;
    for (const auto& m : batch) {
        const auto message = build_mime_message({settings.from, m.recipient, m.subject, m.text, m.html,
                                                 "outbox-" + std::to_string(m.id) + "-" + std::to_string(now) +
                                                     "@ateliers-territoires",
                                                 now});
        const auto delivered = settings.smtp_url.empty() ? write_eml(settings, m.id, message)
                                                         : send_smtp(settings, m.recipient, message);
        (void)store::run_in_transaction(db, [&](soci::session& sql) -> Status {
            // soci::use binds by reference: every bound value is a named variable.
            const long long sent_at = store::now_utc_seconds(), retry_at = now + 60;
            if (delivered) {
                sql << "UPDATE outbox SET sent_at = :t, last_error = '' WHERE id = :id", soci::use(sent_at),
                    soci::use(m.id);
            } else {
                sql << "UPDATE outbox SET last_error = :e, locked_until = :u WHERE id = :id",
                    soci::use(delivered.failure().message), soci::use(retry_at), soci::use(m.id);
            }
            return Done{};
        });
        if (delivered) ++sent;
        else spdlog::warn("mail {} to {} not delivered: {}", m.id, m.recipient, delivered.failure().message);
    }
    return sent;
}

OutboxWorker::OutboxWorker(store::Database& db, MailSettings settings, int interval_ms, std::string base_url)
    : db_(db), settings_(std::move(settings)), interval_ms_(interval_ms), base_url_(std::move(base_url)) {}

OutboxWorker::~OutboxWorker() { stop(); }

void OutboxWorker::start() { thread_ = std::thread([this] { loop(); }); }

void OutboxWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void OutboxWorker::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        if (auto queued = queue_due_reminders(db_, store::now_utc_seconds(), {base_url_}); queued && queued.value() > 0)
            spdlog::info("reminders: {} queued", queued.value());
        if (auto queued = queue_feedback_invitations(db_, store::now_utc_seconds(), {base_url_}); queued && queued.value() > 0)
            spdlog::info("questionnaires: {} invitation(s) queued", queued.value());
        int sent = 0;
        do {
            auto result = deliver_pending(db_, settings_, 20);
            sent = result ? result.value() : 0;
            if (sent > 0) spdlog::info("outbox: {} message(s) delivered", sent);
        } while (sent == 20);
        lock.lock();
        wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stopping_; });
    }
}

}  // namespace ateliers::jobs
