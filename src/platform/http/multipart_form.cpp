#include "platform/http/multipart_form.hpp"

#include <restinio/all.hpp>
#include <restinio/helpers/file_upload.hpp>
#include <restinio/helpers/multipart_body.hpp>
#include <restinio/utils/percent_encoding.hpp>

#include "platform/core/text.hpp"

namespace ateliers::web {

namespace {

namespace hfp = restinio::http_field_parsers;
namespace mb = restinio::multipart_body;

Failure unreadable() {
    return fail("Le formulaire envoyé n’a pas pu être lu (envoi interrompu ou navigateur non pris en charge). "
                "Revenez à la page précédente et envoyez-le à nouveau.");
}

// The boundary line of a multipart/form-data Content-Type ("--" + its boundary parameter).
std::optional<std::string> boundary_of(const std::string& content_type) {
    const auto parsed = hfp::content_type_value_t::try_parse(content_type);
    if (!parsed) return std::nullopt;
    const auto& media = parsed->media_type;
    if (!restinio::impl::is_equal_caseless(media.type, "multipart") ||
        !restinio::impl::is_equal_caseless(media.subtype, "form-data"))
        return std::nullopt;
    const auto boundary = hfp::find_first(media.parameters, "boundary");
    if (!boundary || mb::check_boundary_value(*boundary)) return std::nullopt;
    return "--" + std::string(boundary->data(), boundary->size());
}

// RFC 5987 "utf-8''r%C3%A9sum%C3%A9.pdf"; empty when not UTF-8 or malformed.
std::string decoded_filename_star(const std::string& value) {
    const auto quote = value.find("''");
    if (quote == std::string::npos) return {};
    if (!restinio::impl::is_equal_caseless(value.substr(0, quote), "utf-8")) return {};
    auto decoded = restinio::utils::try_unescape_percent_encoding(value.substr(quote + 2));
    return decoded ? std::move(*decoded) : std::string{};
}

}  // namespace

const UploadedFile* MultipartForm::file(const std::string& field) const {
    for (const auto& f : files)
        if (f.field == field) return &f;
    return nullptr;
}

bool is_multipart_form(const Request& req) {
    const auto type = req.header("content-type");
    const auto media = type.substr(0, type.find(';'));
    return restinio::impl::is_equal_caseless(text::trim(media), "multipart/form-data");
}

Result<MultipartForm> read_multipart_form(const Request& req) {
    const auto boundary = boundary_of(req.header("content-type"));
    if (!boundary) return unreadable();
    const auto parts = mb::split_multipart_body(req.body, *boundary);
    if (parts.empty()) return unreadable();
    MultipartForm form;
    for (const auto part : parts) {
        auto parsed = mb::try_parse_part(part);
        if (!parsed) return unreadable();
        const auto body = parsed->body;
        std::optional<std::string> disposition;
        if (const auto d = parsed->fields.opt_value_of(restinio::http_field::content_disposition))
            disposition = std::string(d->data(), d->size());
        auto file = restinio::file_upload::analyze_part(std::move(*parsed));
        if (file) {
            std::string name = file->filename_star ? decoded_filename_star(*file->filename_star) : std::string{};
            if (name.empty() && file->filename) name = *file->filename;
            // An empty file field: the browser sends a part with no name and no bytes.
            if (name.empty() && file->body.empty()) continue;
            form.files.push_back({file->name, std::move(name), file->body});
            continue;
        }
        if (file.error() != restinio::file_upload::enumeration_error_t::no_files_found || !disposition)
            return unreadable();
        const auto value = hfp::content_disposition_value_t::try_parse(*disposition);
        if (!value) return unreadable();
        const auto field_name = hfp::find_first(value->parameters, "name");
        if (!field_name) continue;
        if (!text::is_valid_utf8(body) || !text::is_valid_utf8(*field_name))
            return fail("Le formulaire contient des caractères illisibles (encodage non UTF-8). Revenez à la page "
                        "précédente et saisissez le texte à nouveau.");
        form.fields[std::string(field_name->data(), field_name->size())] = std::string(body.data(), body.size());
    }
    return form;
}

}  // namespace ateliers::web
