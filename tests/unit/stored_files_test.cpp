// Uploaded files: the kind told from the content (never from the name), the name a file is
// downloaded under, the refusals of an upload, and multipart forms read with RESTinio's helpers.
#include <gtest/gtest.h>

#include <string>

#include "platform/files/media_types.hpp"
#include "platform/files/upload_rules.hpp"
#include "platform/http/file_download.hpp"
#include "platform/http/multipart_form.hpp"

namespace files = ateliers::files;
using files::MediaKind;

namespace {

std::string little_endian(unsigned value, int width) {
    std::string out;
    for (int i = 0; i < width; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
    return out;
}

// A ZIP local file header with a stored (uncompressed) entry, as OpenDocument starts.
std::string zip_entry(const std::string& name, const std::string& content) {
    return std::string("PK\x03\x04", 4) + little_endian(20, 2) + little_endian(0, 2) + little_endian(0, 2) +
           little_endian(0, 4) + little_endian(0, 4) + little_endian(static_cast<unsigned>(content.size()), 4) +
           little_endian(static_cast<unsigned>(content.size()), 4) + little_endian(static_cast<unsigned>(name.size()), 2) +
           little_endian(0, 2) + name + content;
}

const std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string jpeg = "\xFF\xD8\xFF\xE0\0\x10JFIF";

}  // namespace

TEST(MediaTypes, TellsTheKindFromTheFirstBytes) {
    struct Case {
        std::string bytes;
        std::optional<MediaKind> kind;
    };
    const std::vector<Case> cases{
        {pdf, MediaKind::pdf},
        {png, MediaKind::png},
        {jpeg, MediaKind::jpeg},
        {zip_entry("mimetype", "application/vnd.oasis.opendocument.text") + zip_entry("content.xml", "<x/>"), MediaKind::odt},
        {zip_entry("mimetype", "application/vnd.oasis.opendocument.presentation"), MediaKind::odp},
        {zip_entry("[Content_Types].xml", "<Types/>") + zip_entry("word/document.xml", "<w/>"), MediaKind::docx},
        {zip_entry("[Content_Types].xml", "<Types/>") + zip_entry("ppt/presentation.xml", "<p/>"), MediaKind::pptx},
        // Refused: another OpenDocument, a spreadsheet, a plain ZIP, HTML named .pdf, a script, text.
        {zip_entry("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), std::nullopt},
        {zip_entry("[Content_Types].xml", "<Types/>") + zip_entry("xl/workbook.xml", "<x/>"), std::nullopt},
        {zip_entry("photo.jpg", jpeg), std::nullopt},
        {"<html><script>alert(1)</script></html>", std::nullopt},
        {"MZ\x90\0\x03", std::nullopt},
        {" %PDF-1.4", std::nullopt},
        {"", std::nullopt},
        // A truncated header never reads past the end.
        {std::string("PK\x03\x04\x14\0", 6), std::nullopt},
        {zip_entry("mimetype", "application/vnd.oasis.opendocument.text").substr(0, 45), std::nullopt},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) EXPECT_EQ(files::sniff_media_kind(cases[i].bytes), cases[i].kind) << "case " << i;
}

TEST(MediaTypes, OnlyPdfAndImagesOpenInTheBrowser) {
    EXPECT_TRUE(files::shown_inline(MediaKind::pdf));
    EXPECT_TRUE(files::shown_inline(MediaKind::png));
    EXPECT_TRUE(files::shown_inline(MediaKind::jpeg));
    EXPECT_FALSE(files::shown_inline(MediaKind::docx));
    EXPECT_FALSE(files::shown_inline(MediaKind::odp));
    EXPECT_EQ(files::kind_of_media_type("application/pdf"), MediaKind::pdf);
    EXPECT_EQ(files::kind_of_media_type("text/html"), std::nullopt);
    EXPECT_EQ(files::accepted_formats(), "PDF, ODT, DOCX, ODP, PPTX, PNG ou JPEG");
}

TEST(MediaTypes, DownloadNamesKeepTheSendersNameWithTheRealExtension) {
    struct Case {
        std::string sent;
        MediaKind kind;
        std::string name;
    };
    const std::vector<Case> cases{
        {"Synthèse des ateliers.pdf", MediaKind::pdf, "Synthèse des ateliers.pdf"},
        {"diaporama.PPTX", MediaKind::pptx, "diaporama.PPTX"},
        {"photo.jpeg", MediaKind::jpeg, "photo.jpeg"},
        {"photo.JPG", MediaKind::jpeg, "photo.JPG"},
        {"rapport.exe", MediaKind::pdf, "rapport.exe.pdf"},
        {"rapport", MediaKind::odt, "rapport.odt"},
        {"C:\\Users\\ana\\Documents\\bilan.docx", MediaKind::docx, "bilan.docx"},
        {"../../etc/passwd", MediaKind::png, "passwd.png"},
        {"a\"b;c\r\nSet-Cookie: x.pdf", MediaKind::pdf, "abcSet-Cookie: x.pdf"},
        {".pdf", MediaKind::pdf, "document.pdf"},
        {"", MediaKind::png, "document.png"},
        {"\xFF\xFE.pdf", MediaKind::pdf, "document.pdf"},
        {"...cache", MediaKind::pdf, "cache.pdf"},
    };
    for (const auto& c : cases) EXPECT_EQ(files::download_name(c.sent, c.kind), c.name) << c.sent;
    // Long names are cut on a character boundary, the extension kept.
    std::string long_name;
    for (int i = 0; i < 100; ++i) long_name += "é";
    const auto cut = files::download_name(long_name + ".pdf", MediaKind::pdf);
    EXPECT_LE(cut.size(), 120u);
    EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
    EXPECT_EQ(cut.substr(0, cut.size() - 4).size() % 2, 0u);
}

TEST(UploadRules, RefusesEmptyTooBigAndForeignFilesInFrench) {
    auto none = files::check_upload("", "", "file");
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.failure().fields.at("file"), "Choisissez un fichier à envoyer.");
    auto empty = files::check_upload("vide.pdf", "", "file");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.failure().message, "Ce fichier est vide : choisissez-en un autre.");
    auto big = files::check_upload("gros.pdf", pdf + std::string(2000, 'x'), "file", 1024);
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.failure().kind, ateliers::FailureKind::invalid);
    EXPECT_NE(big.failure().message.find("Ce fichier pèse 2 Ko, au-delà de la limite de 1 Ko"), std::string::npos);
    auto html = files::check_upload("page.pdf", "<html></html>", "evidence_file");
    ASSERT_FALSE(html.ok());
    EXPECT_EQ(html.failure().field, "evidence_file");
    EXPECT_NE(html.failure().message.find("PDF, ODT, DOCX, ODP, PPTX, PNG ou JPEG"), std::string::npos);
    auto ok = files::check_upload("photo.png", png, "file");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->kind, MediaKind::png);
    EXPECT_EQ(ok->name, "photo.png");
}

TEST(UploadRules, SizesReadAsPeopleSayThem) {
    EXPECT_EQ(files::size_label(512), "512 octets");
    EXPECT_EQ(files::size_label(850 * 1024), "850 Ko");
    EXPECT_EQ(files::size_label(2516582), "2,4 Mo");
    EXPECT_EQ(files::size_label(files::max_file_bytes), "20 Mo");
}

TEST(FileDownload, NamesTheFileInBothForms) {
    EXPECT_EQ(ateliers::web::content_disposition(false, "Synthèse.odt"),
              "attachment; filename=\"Synth_se.odt\"; filename*=UTF-8''Synth%C3%A8se.odt");
    EXPECT_EQ(ateliers::web::content_disposition(true, "a b.pdf"), "inline; filename=\"a b.pdf\"; filename*=UTF-8''a%20b.pdf");
}

TEST(MultipartForm, ReadsTextFieldsAndFilesWithRestinio) {
    ateliers::web::Request req;
    req.method = ateliers::web::Method::post;
    req.headers["content-type"] = "multipart/form-data; boundary=----abc123";
    req.body = "------abc123\r\n"
               "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
               "tok\r\n"
               "------abc123\r\n"
               "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
               "Synthèse\r\n"
               "------abc123\r\n"
               "Content-Disposition: form-data; name=\"file\"; filename=\"bilan.pdf\"\r\n"
               "Content-Type: application/pdf\r\n\r\n" +
               pdf +
               "\r\n------abc123\r\n"
               "Content-Disposition: form-data; name=\"other\"; filename=\"\"\r\n"
               "Content-Type: application/octet-stream\r\n\r\n"
               "\r\n------abc123--\r\n";
    ASSERT_TRUE(ateliers::web::is_multipart_form(req));
    auto form = ateliers::web::read_multipart_form(req);
    ASSERT_TRUE(form.ok()) << form.failure().message;
    EXPECT_EQ(form->fields.at("csrf_token"), "tok");
    EXPECT_EQ(form->fields.at("title"), "Synthèse");
    ASSERT_EQ(form->files.size(), 1u);  // the empty file field is absent
    ASSERT_NE(form->file("file"), nullptr);
    EXPECT_EQ(form->file("file")->filename, "bilan.pdf");
    EXPECT_EQ(form->file("file")->bytes, pdf);

    req.body = "------abc123\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nunfinished";
    EXPECT_FALSE(ateliers::web::read_multipart_form(req).ok());
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    EXPECT_FALSE(ateliers::web::is_multipart_form(req));
}
