#include "platform/mail/outbox_worker.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "platform/mail/mime.hpp"
#include "platform/mail/outbox_claims.hpp"
#include "platform/store/rows.hpp"

namespace ateliers::jobs {

namespace {

// A send ends within the SMTP timeout; the margin covers building the message and marking it.
constexpr std::int64_t smtp_timeout_seconds = 30;
constexpr std::int64_t longest_send_seconds = smtp_timeout_seconds + 15;
static_assert(longest_send_seconds < outbox_lease_seconds);

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
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(smtp_timeout_seconds));
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

Result<int> send_claimed(store::Database& db, const MailSettings& settings, OutboxClaim& claim, const Clock& clock) {
    std::set<long long> held;
    for (const auto& m : claim.mails) held.insert(m.id);
    int sent = 0;
    for (const auto& m : claim.mails) {
        const std::int64_t now = clock();
        // Never start a send that could outlast the lease: another worker could take the
        // row meanwhile and send it at the same time.
        if (now + longest_send_seconds >= claim.held_until) {
            auto renewed = renew_claim(db, claim, now);
            if (!renewed) return renewed.failure();
            held = std::move(renewed.value());
        }
        if (!held.count(m.id)) continue;
        const auto message =
            build_mime_message({settings.from, m.recipient, m.subject, m.text, m.html, m.message_id, now, m.attachments});
        const auto delivered = settings.smtp_url.empty() ? write_eml(settings, m.id, message)
                                                         : send_smtp(settings, m.recipient, message);
        if (delivered) {
            if (auto marked = mark_sent(db, m.id, clock()); !marked)
                spdlog::error("mail {} delivered but not marked sent: it will be sent again with Message-ID {}",
                              m.id, m.message_id);
            ++sent;
        } else {
            spdlog::warn("mail {} to {} not delivered: {}", m.id, m.recipient, delivered.failure().message);
            (void)mark_failed(db, claim, m.id, delivered.failure().message, clock());
        }
    }
    return sent;
}

Result<int> deliver_pending(store::Database& db, const MailSettings& settings, int batch_size, const Clock& clock) {
    auto claim = claim_pending(db, batch_size, clock());
    if (!claim) return claim.failure();
    return send_claimed(db, settings, claim.value(), clock);
}

OutboxWorker::OutboxWorker(store::Database& db, MailSettings settings, int interval_ms, std::string base_url,
                           std::vector<PeriodicJob> jobs)
    : db_(db),
      settings_(std::move(settings)),
      interval_ms_(interval_ms),
      base_url_(std::move(base_url)),
      jobs_(std::move(jobs)) {}

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
        for (const auto& job : jobs_)
            if (auto queued = job.run(db_, store::now_utc_seconds(), {base_url_}); queued && queued.value() > 0)
                spdlog::info("{}: {} message(s) queued", job.name, queued.value());
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
