#pragma once
// Sends what the outbox holds: over SMTP (libcurl) when a server is configured,
// otherwise as .eml files in a folder. Marks each message sent once delivered.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform/mail/periodic_job.hpp"
#include "platform/store/database.hpp"

namespace ateliers::jobs {

struct MailSettings {
    std::string smtp_url;  // smtp://host:port or smtps://user:password@host:port; empty: files
    std::string mail_dir = "var/mail";
    std::string from = "Ateliers des territoires <ne-pas-repondre@ateliers-territoires.anct.gouv.fr>";
};

using Clock = std::function<std::int64_t()>;

struct OutboxClaim;

// Claims a batch of pending messages and sends them; returns how many were sent.
// At-least-once: a message sent just before a crash is sent again, with the same
// Message-ID, once its lease has run out (docs/mail.md).
Result<int> deliver_pending(store::Database& db, const MailSettings& settings, int batch_size,
                            const Clock& clock = store::now_utc_seconds);

// Sends the messages of a claim, in order, each only while the claim still holds it
// (the lease is renewed before a send could outlast it); marks each sent or failed.
Result<int> send_claimed(store::Database& db, const MailSettings& settings, OutboxClaim& claim,
                         const Clock& clock = store::now_utc_seconds);

class OutboxWorker {
public:
    // `base_url`: where links in the queued messages point. `jobs`: the modules' periodic
    // work, run before each delivery pass.
    OutboxWorker(store::Database& db, MailSettings settings, int interval_ms, std::string base_url,
                 std::vector<PeriodicJob> jobs);
    ~OutboxWorker();
    void start();
    void stop();

private:
    void loop();
    store::Database& db_;
    MailSettings settings_;
    int interval_ms_;
    std::string base_url_;
    std::vector<PeriodicJob> jobs_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace ateliers::jobs
