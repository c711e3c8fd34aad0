#pragma once
// Sends what the outbox holds: over SMTP (libcurl) when a server is configured,
// otherwise as .eml files in a folder. Marks each message sent once delivered.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/database.hpp"

namespace ateliers::jobs {

struct MailSettings {
    std::string smtp_url;  // smtp://host:port or smtps://user:password@host:port; empty: files
    std::string mail_dir = "var/mail";
    std::string from = "Ateliers des territoires <ne-pas-repondre@ateliers-territoires.anct.gouv.fr>";
};

// Delivers pending messages once; returns how many were sent.
Result<int> deliver_pending(store::Database& db, const MailSettings& settings, int batch_size);

class OutboxWorker {
public:
    // `base_url`: where links in reminders point.
    OutboxWorker(store::Database& db, MailSettings settings, int interval_ms, std::string base_url);
    ~OutboxWorker();
    void start();
    void stop();

private:
    void loop();
    store::Database& db_;
    MailSettings settings_;
    int interval_ms_;
    std::string base_url_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace ateliers::jobs
