#include "platform/files/upload_rules.hpp"

#include <cstdio>

namespace ateliers::files {

namespace {

Failure refused(const std::string& field, std::string message) {
    Failure f{std::move(message), field, FailureKind::invalid};
    f.fields[field] = f.message;
    return f;
}

}  // namespace

std::string size_label(long long bytes) {
    constexpr double kib = 1024.0, mib = 1024.0 * 1024.0;
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%lld octets", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.0f Ko", bytes / kib);
    else std::snprintf(buf, sizeof buf, "%.1f Mo", bytes / mib);
    std::string out = buf;
    for (auto& c : out)
        if (c == '.') c = ',';
    if (out.size() > 5 && out.compare(out.size() - 5, 5, ",0 Mo") == 0) out.erase(out.size() - 5, 2);
    return out;
}

std::string format_and_size_label(std::string_view media_type, long long bytes) {
    const auto kind = kind_of_media_type(media_type);
    return (kind ? std::string(format_label(*kind)) : std::string("Fichier")) + " – " + size_label(bytes);
}

Result<CheckedUpload> check_upload(std::string_view sent_name, std::string_view bytes, const std::string& field,
                                   std::size_t max_bytes) {
    if (bytes.empty() && sent_name.empty()) return refused(field, "Choisissez un fichier à envoyer.");
    if (bytes.empty()) return refused(field, "Ce fichier est vide : choisissez-en un autre.");
    if (bytes.size() > max_bytes)
        return refused(field, "Ce fichier pèse " + size_label(static_cast<long long>(bytes.size())) +
                                  ", au-delà de la limite de " + size_label(static_cast<long long>(max_bytes)) +
                                  " : allégez-le (images compressées, PDF optimisé) ou publiez plutôt un lien.");
    const auto kind = sniff_media_kind(bytes);
    if (!kind)
        return refused(field, "Ce fichier n’est pas d’un format accepté : son contenu n’est ni " + accepted_formats() +
                                  ". Enregistrez-le dans l’un de ces formats, puis envoyez-le à nouveau.");
    return CheckedUpload{*kind, download_name(sent_name, *kind), bytes};
}

}  // namespace ateliers::files
