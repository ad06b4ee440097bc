// The canvas records what a statement's pages show; the recording plays into
// any number of PDFs; the typesetter keeps the layouts letters share.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <regex>
#include <string>

#include "output/pdf_canvas.hpp"

using namespace citfee;

namespace {

PdfInfo sample_info() {
  return {"Prova", "Provincia di Brescia", "citfee", {2027, 1, 15}};
}

Drawing two_pages(Typesetter& typesetter) {
  Drawing drawing;
  PdfCanvas canvas(drawing, typesetter);
  canvas.text("Oggetto: quota annuale", TextStyle{}, 56, 50, 480);
  canvas.fill(56, 80, 480, 30, {0.9, 0.9, 0.9});
  canvas.line(56, 120, 536, 120, 0.5, {0.5, 0.5, 0.5});
  canvas.watermark("BOZZA", {0.85, 0.1, 0.1});
  canvas.show_page();
  canvas.text("Distinti saluti.", TextStyle{}, 56, 50, 480);
  canvas.show_page();
  return drawing;
}

int page_objects(const std::string& pdf) {
  static const std::regex page("/Type /Page[^s]");
  return static_cast<int>(
      std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

std::string played(const Drawing& drawing, int times) {
  std::string out;
  PdfDocument document(out, sample_info());
  for (int i = 0; i < times; ++i) document.play(drawing);
  document.finish();
  return out;
}

}  // namespace

TEST_CASE("a drawing plays into as many documents as asked, the same each time") {
  Typesetter typesetter;
  const Drawing drawing = two_pages(typesetter);
  CHECK(drawing.pages() == 2);
  const std::string once = played(drawing, 1);
  CHECK(page_objects(once) == 2);
  CHECK(played(drawing, 1) == once);
  CHECK(page_objects(played(drawing, 3)) == 6);
  // The same pages typeset again, with the layouts kept, give the same bytes.
  CHECK(played(two_pages(typesetter), 1) == once);
  Typesetter fresh;
  CHECK(played(two_pages(fresh), 1) == once);
}

TEST_CASE("a dry canvas measures but records nothing") {
  Typesetter typesetter;
  Drawing drawing;
  PdfCanvas canvas(drawing, typesetter);
  canvas.set_dry(true);
  const double height = canvas.text("Distinti saluti.", TextStyle{}, 56, 50, 480);
  CHECK(height > 0);
  canvas.show_page();
  CHECK(drawing.pages() == 0);
  canvas.set_dry(false);
  CHECK(canvas.text("Distinti saluti.", TextStyle{}, 56, 50, 480) == height);
  canvas.show_page();
  CHECK(drawing.pages() == 1);
}

TEST_CASE("a typesetter keeps the layouts letters share and lets one letter's own go") {
  Typesetter typesetter;
  for (int document = 0; document < 40; ++document) {
    Drawing drawing;
    PdfCanvas canvas(drawing, typesetter);
    canvas.text("Distinti saluti.", TextStyle{}, 56, 50, 480);
    for (int i = 0; i < 100; ++i) {
      canvas.text(fmt::format("Comune numero {} di {}", i, document), TextStyle{}, 56, 50, 480);
    }
    canvas.show_page();
    typesetter.next_document();
    // Never much more than the 512 kept, and the last letter's texts.
    CHECK(typesetter.layouts_kept() <= 512 + 101);
  }
  CHECK(typesetter.layouts_made() == 1 + 40 * 100);
  CHECK(typesetter.layouts_reused() == 39);
  CHECK(typesetter.layouts_kept() >= 101);
}
