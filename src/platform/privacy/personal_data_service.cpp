#include "platform/privacy/personal_data_service.hpp"

#include <nlohmann/json.hpp>

#include "platform/audit/audit.hpp"
#include "platform/auth/account_rules.hpp"
#include "platform/core/paris_time.hpp"
#include "platform/privacy/account_data_store.hpp"

namespace ateliers::services {

namespace {

Failure no_such_account() {
    return fail("Ce compte n’existe pas ou a déjà été effacé.", {}, FailureKind::not_found);
}

std::string commitments_message(const std::vector<std::string>& found) {
    std::string text = "Le compte ne peut pas encore être effacé : ";
    for (std::size_t i = 0; i < found.size(); ++i) text += (i ? " ; " : "") + found[i];
    return text + ". Annulez d’abord ces inscriptions, ou attendez leur fin.";
}

const std::string what_remains =
    "Vos inscriptions, situations, idées, pistes d’action et réponses ne portent plus votre nom ; seuls des "
    "chiffres anonymes (par collectivité et par qualité d’élu ou d’agent) restent dans les bilans de l’ANCT.";

std::vector<std::string> commitments_of(soci::session& sql, long long user_id,
                                        const std::vector<privacy::PersonalDataSource>& sources) {
    std::vector<std::string> running;
    for (const auto& source : sources)
        if (source.commitments)
            for (auto& c : source.commitments(sql, user_id)) running.push_back(std::move(c));
    return running;
}

// The one erasure rule, whoever asks (the person, an organiser, the retention of idle
// accounts): every module forgets, the messages to the address go, sessions and tokens
// go, the row keeps its collectivité and mandate under a name that says nothing.
void forget_account(soci::session& sql, long long user_id, const store::AccountIdentity& who,
                    const std::vector<privacy::PersonalDataSource>& sources, std::int64_t now) {
    for (const auto& source : sources)
        if (source.forget) source.forget(sql, user_id);
    store::forget_mails_to(sql, who.email);
    store::erase_account_row(sql, user_id, who, now);
}

}  // namespace

Result<std::optional<AccountSummary>> account_by_email(store::Database& db, const std::string& email) {
    try {
        return store::with_session(db, [&](soci::session& sql) -> Result<std::optional<AccountSummary>> {
            const auto id = store::account_id_by_email(sql, accounts::normalise_email(email));
            if (!id) return std::optional<AccountSummary>{};
            const auto who = store::account_identity(sql, *id);
            if (!who) return std::optional<AccountSummary>{};
            return std::optional<AccountSummary>{AccountSummary{*id, who->full_name, who->email}};
        });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

Result<PersonalDataExport> personal_data(store::Database& db, long long user_id,
                                         const std::vector<privacy::PersonalDataSource>& sources, std::int64_t now) {
    try {
    return store::with_session(db, [&](soci::session& sql) -> Result<PersonalDataExport> {
        const auto who = store::account_identity(sql, user_id);
        if (!who || who->erased) return no_such_account();
        PersonalDataExport out{who->email, who->full_name, now, {}};
        out.tables.push_back(store::account_profile_table(sql, user_id));
        out.tables.push_back(store::account_roles_table(sql, user_id));
        for (const auto& source : sources)
            if (source.collect)
                for (auto& table : source.collect(sql, user_id)) out.tables.push_back(std::move(table));
        out.tables.push_back(store::mails_sent_table(sql, who->email));
        return out;
    });
    } catch (const std::exception& e) {
        return store::technical_failure(e);
    }
}

std::string personal_data_json(const PersonalDataExport& data) {
    nlohmann::ordered_json tables = nlohmann::ordered_json::object();
    for (const auto& t : data.tables) {
        auto lines = nlohmann::ordered_json::array();
        for (const auto& row : t.rows) {
            nlohmann::ordered_json line = nlohmann::ordered_json::object();
            for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) line[t.columns[i]] = row[i];
            lines.push_back(std::move(line));
        }
        tables[t.key] = {{"titre", t.title}, {"lignes", std::move(lines)}};
    }
    nlohmann::ordered_json out = {{"personne", {{"nom", data.full_name}, {"email", data.email}}},
                                  {"genere_le", paris_time::iso8601(data.generated_at)},
                                  {"donnees", std::move(tables)}};
    return out.dump(2);
}

Status erase_account(store::Database& db, long long user_id, long long actor_id,
                     const std::vector<privacy::PersonalDataSource>& sources, const MailContext& mail,
                     std::int64_t now) {
    return store::run_in_transaction(db, [&](soci::session& sql) -> Status {
        const auto who = store::account_identity(sql, user_id);
        if (!who || who->erased) return no_such_account();
        const auto running = commitments_of(sql, user_id, sources);
        if (!running.empty()) return fail(commitments_message(running), {}, FailureKind::conflict);
        forget_account(sql, user_id, *who, sources, now);
        enqueue_mail(sql, compose_mail(who->email, "Votre compte a été effacé",
                                       "Bonjour " + who->full_name + ",",
                                       {"Votre compte sur les Ateliers des territoires a été effacé à votre demande. " +
                                            what_remains,
                                        "Si vous n’êtes pas à l’origine de cette demande, répondez à ce message."},
                                       "Revenir sur le site", mail.base_url + "/"));
        record_audit(sql, actor_id, "account.erase", "user:" + std::to_string(user_id),
                     actor_id == user_id ? "À la demande de la personne, depuis son compte"
                                         : "Par un organisateur, à la demande de la personne");
        return Done{};
    });
}

Result<privacy::RetentionOutcome> apply_retention(store::Database& db,
                                                  const std::vector<privacy::PersonalDataSource>& sources,
                                                  std::int64_t now, int text_months, const MailContext& mail) {
    return store::in_transaction<privacy::RetentionOutcome>(db, [&](soci::session& sql) -> Result<privacy::RetentionOutcome> {
        privacy::RetentionOutcome out;
        if (text_months > 0) {
            const auto ended_before = privacy::months_before(now, text_months);
            for (const auto& source : sources)
                if (source.expire) out.texts += source.expire(sql, ended_before);
        }
        for (const auto user_id : store::idle_account_ids(sql, privacy::months_before(now, privacy::account_idle_months), now)) {
            const auto who = store::account_identity(sql, user_id);
            if (!who || who->erased || !commitments_of(sql, user_id, sources).empty()) continue;
            forget_account(sql, user_id, *who, sources, now);
            enqueue_mail(sql, compose_mail(who->email, "Votre compte a été effacé",
                                           "Bonjour " + who->full_name + ",",
                                           {"Personne ne s’est connecté à votre compte sur les Ateliers des territoires "
                                            "depuis " + privacy::duration_words(privacy::account_idle_months) +
                                                " : comme l’annonce notre page sur les données personnelles, il a été "
                                                "effacé. " + what_remains,
                                            "Vous pouvez créer un nouveau compte à tout moment avec la même adresse."},
                                           "Revenir sur le site", mail.base_url + "/"));
            record_audit(sql, 0, "account.expire", "user:" + std::to_string(user_id),
                         "Aucune connexion depuis " + privacy::duration_words(privacy::account_idle_months));
            ++out.accounts;
        }
        out.mails = store::delete_mails_sent_before(sql, privacy::months_before(now, privacy::mail_log_months));
        if (out.total() > 0)
            record_audit(sql, 0, "privacy.retention", "retention", privacy::retention_summary(out, text_months));
        return out;
    });
}

}  // namespace ateliers::services
