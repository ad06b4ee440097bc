// A4 PDF pages drawn with cairo, text laid out with pango: the few drawing
// operations a statement needs. Coordinates are points from the top left.
#pragma once

#include <string>

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

class PdfCanvas {
 public:
  static constexpr double kWidth = 595.276;  // A4, 210 mm
  static constexpr double kHeight = 841.89;  // 297 mm

  // The PDF's bytes are appended to `out` as cairo writes them.
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
  PangoLayout* layout(const std::string& text, const TextStyle& style, double width);
  void check_font();
  void release();

  std::string& out_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoFontMap* fonts_ = nullptr;
  PangoContext* context_ = nullptr;
  PangoLayout* layout_ = nullptr;
  bool dry_ = false;
};

}  // namespace citfee
