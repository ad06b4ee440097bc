// A4 PDF pages drawn with cairo, text laid out with pango: the few drawing
// operations a statement needs. Coordinates are points from the top left.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "present/statement.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;

namespace citfee {

struct Color {
  double r = 0, g = 0, b = 0;
};

struct TextStyle {
  double size = 9.5;  // points
  bool bold = false;
  Color color;
  Align align = Align::kLeft;
  bool justify = false;
};

struct PdfInfo {
  std::string title;
  std::string author;
  std::string creator;
  Date created;  // also the modification date: the same input gives the same file
};

// What laying text out takes to set up: a font map (fontconfig's search for
// the font, the font files loaded), a Pango context and a layout. Setting it
// up costs more than typesetting a letter, so a run makes one and lends it to
// every canvas it draws on. Not shared between threads: one per thread.
class Typesetter {
 public:
  // Throws Error(kNoInput) when the font is not installed.
  Typesetter();
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

 private:
  friend class PdfCanvas;
  void check_font();
  void release();

  PangoFontMap* fonts_ = nullptr;
  PangoContext* context_ = nullptr;
  PangoLayout* layout_ = nullptr;
  // The size (Pango units) of every text laid out, by text and style: a
  // letter is laid out dry to count its pages and measure its blocks, then
  // drawn; those dry runs read the sizes here instead of shaping again.
  std::unordered_map<std::string, std::pair<int, int>> sizes_;
};

class PdfCanvas {
 public:
  static constexpr double kWidth = 595.276;  // A4, 210 mm
  static constexpr double kHeight = 841.89;  // 297 mm

  // The PDF's bytes are appended to `out` as cairo writes them. The canvas
  // uses `typesetter`, which must outlive it.
  PdfCanvas(std::string& out, const PdfInfo& info, Typesetter& typesetter);
  // The same with a typesetter of its own, set up and released with it.
  PdfCanvas(std::string& out, const PdfInfo& info);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  // While dry, nothing is drawn and no page is emitted, but every text still
  // reports its height: a layout runs dry to learn its page breaks.
  bool dry() const { return dry_; }
  void set_dry(bool dry) { dry_ = dry; }

  // The width of `text` on one line.
  double natural_width(const std::string& text, const TextStyle& style);
  // Draws `text` wrapped to `width` (negative: not wrapped) with its top at
  // `y`; returns its height.
  double text(const std::string& text, const TextStyle& style, double x, double y, double width);
  void fill(double x, double y, double width, double height, Color color);
  void line(double x1, double y1, double x2, double y2, double width, Color color);
  // Large, translucent, diagonal letters across the page, over what is there.
  void watermark(const std::string& text, Color color);
  void show_page();
  // Completes the document; throws Error(kCannotWrite) if cairo failed.
  void finish();

 private:
  PdfCanvas(std::string& out, const PdfInfo& info, std::unique_ptr<Typesetter> own);
  void start(const PdfInfo& info);
  PangoLayout* layout(const std::string& text, const TextStyle& style, double width);
  // The size of `text` laid out so, from the typesetter's sizes when known
  // (dry), else laid out; `drawn` gets the layout when there was one.
  std::pair<int, int> size(const std::string& text, const TextStyle& style, double width,
                           PangoLayout** drawn);
  void release();

  std::string& out_;
  std::unique_ptr<Typesetter> owned_;  // when the canvas made its own
  Typesetter& typesetter_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  bool dry_ = false;
};

}  // namespace citfee
