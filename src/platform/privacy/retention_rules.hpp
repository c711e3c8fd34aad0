#pragma once
// How long the platform keeps what it holds, in one place: the retention job applies
// these durations and the privacy page (/donnees-personnelles) states them.
#include <cstdint>
#include <string>

namespace ateliers::privacy {

// Texts written for a cycle or an event: `--retention-months` after its end (24 by default).
inline constexpr int default_text_months = 24;
// An account nobody signed in to for this long is erased, as if its owner had asked.
inline constexpr int account_idle_months = 36;
// Sent e-mails stay in the journal (outbox) this long after they were sent.
inline constexpr int mail_log_months = 12;

// `now` minus `months` average months (365.2425 / 12 days each).
std::int64_t months_before(std::int64_t now, int months);

// "24 mois", "3 ans": from three years on, whole years are said in years.
std::string duration_words(int months);

// What one pass of the retention job changed.
struct RetentionOutcome {
    int texts = 0;     // records whose texts were blanked (every module's `expire`)
    int accounts = 0;  // idle accounts erased
    int mails = 0;     // sent e-mails removed from the journal
    int total() const { return texts + accounts + mails; }
};

// The journal's sentence for a pass that changed something.
std::string retention_summary(const RetentionOutcome& outcome, int text_months);

}  // namespace ateliers::privacy
