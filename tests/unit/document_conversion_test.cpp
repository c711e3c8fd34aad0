#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "platform/export/document_conversion.hpp"
#include "unzipped_workbook.hpp"

using namespace ateliers::documents;
using ateliers::test_support::slurp;
using ateliers::test_support::UnzippedWorkbook;

namespace {

const std::string kPage = R"(<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Note</title></head>
<body><h1>Note d’intention</h1><p>Quels enjeux pour le territoire ? Élus &amp; agents « œuvrent ».</p>
<table><tr><th>Question</th><th>Réponse</th></tr><tr><td>Nature du projet</td><td>Coopération</td></tr></table>
</body></html>)";

// pdftotext (poppler-utils, a test dependency) reads the PDF as a reader's tool would.
std::string pdf_text(const std::string& pdf) {
    std::string pattern = (std::filesystem::temp_directory_path() / "pdf-test-XXXXXX").string();
    const std::filesystem::path dir = mkdtemp(pattern.data());
    std::ofstream(dir / "d.pdf", std::ios::binary) << pdf;
    const int rc = std::system(("pdftotext -enc UTF-8 '" + (dir / "d.pdf").string() + "' '" +
                                (dir / "d.txt").string() + "'").c_str());
    EXPECT_EQ(rc, 0) << "pdftotext is missing or failed: scripts/install-deps.sh --test installs poppler-utils";
    auto text = slurp(dir / "d.txt");
    std::filesystem::remove_all(dir);
    return text;
}

}  // namespace

TEST(DocumentConversion, PdfHoldsTheTextWithItsAccents) {
    auto pdf = convert_html(kPage, Format::pdf);
    ASSERT_TRUE(pdf.ok()) << pdf.failure().message;
    EXPECT_EQ(pdf.value().substr(0, 5), "%PDF-");
    const auto text = pdf_text(pdf.value());
    EXPECT_NE(text.find("Note d’intention"), std::string::npos) << text;
    EXPECT_NE(text.find("Élus & agents « œuvrent »"), std::string::npos) << text;
    EXPECT_NE(text.find("Nature du projet"), std::string::npos) << text;
}

TEST(DocumentConversion, DocxIsAWordPackageWithHeadingAndTable) {
    auto docx = convert_html(kPage, Format::docx);
    ASSERT_TRUE(docx.ok()) << docx.failure().message;
    UnzippedWorkbook package(docx.value());
    ASSERT_TRUE(package.ok);
    EXPECT_TRUE(package.has("[Content_Types].xml"));
    const auto body = package.part("word/document.xml");
    EXPECT_NE(body.find("Note d’intention"), std::string::npos);
    EXPECT_NE(body.find("Heading1"), std::string::npos);
    EXPECT_NE(body.find("<w:tbl>"), std::string::npos);
    EXPECT_NE(body.find("Coopération"), std::string::npos);
}

TEST(DocumentConversion, AMissingToolIsAFrenchTechnicalFailure) {
    const std::string saved = getenv("PATH");
    setenv("PATH", "/nonexistent", 1);
    auto docx = convert_html(kPage, Format::docx);
    setenv("PATH", saved.c_str(), 1);
    ASSERT_FALSE(docx.ok());
    EXPECT_EQ(docx.failure().kind, ateliers::FailureKind::technical);
    EXPECT_NE(docx.failure().message.find("pandoc"), std::string::npos);
}

TEST(DocumentConversion, MediaTypesAndExtensions) {
    EXPECT_EQ(media_type(Format::pdf), "application/pdf");
    EXPECT_EQ(file_extension(Format::docx), "docx");
}
