// A4 PDF pages drawn with cairo, text laid out with pango: the few drawing
// operations a statement needs. Coordinates are points from the top left.
//
// A statement is typeset once: a PdfCanvas lays its texts out and records
// what its pages show in a Drawing, and a PdfDocument plays Drawings into a
// PDF. The letter's own PDF and the bundle of all the letters play the same
// Drawing, so they get the same drawing operations, in the same order, as
// if each had been typeset on its own.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

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
// the font, the font files loaded), a Pango context, and the layouts already
// made. Setting it up costs more than typesetting a letter, so a run makes
// one and lends it to every canvas it draws on. Not shared between threads:
// one per thread, and the Drawings made with it are played by that thread.
class Typesetter {
 public:
  // Throws Error(kNoInput) when the font is not installed.
  Typesetter();
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // Texts laid out (shaped) so far, and texts served from those already laid out.
  std::size_t layouts_made() const { return made_; }
  std::size_t layouts_reused() const { return reused_; }
  // Layouts kept for reuse now.
  std::size_t layouts_kept() const { return layouts_.size(); }

  // Layouts are kept across documents: most texts of a letter (the
  // letterhead, the labels, the opening, the payment block) are those of the
  // letter before. When many are kept, those not used since the previous
  // call are let go (a name, an amount: one letter's own); call it between
  // documents.
  void next_document();

 private:
  friend class PdfCanvas;
  struct Kept {
    PangoLayout* layout = nullptr;
    int width = 0;  // Pango units
    int height = 0;
    std::size_t used = 0;  // the document that used it last
  };
  void check_font();
  void release();
  // The layout of `text` so styled and wrapped to `width` (negative: not
  // wrapped), made now or kept from before; it stays the typesetter's.
  const Kept& layout(const std::string& text, const TextStyle& style, double width);

  PangoFontMap* fonts_ = nullptr;
  PangoContext* context_ = nullptr;
  std::unordered_map<std::string, Kept> layouts_;
  std::size_t document_ = 0;
  std::size_t made_ = 0;
  std::size_t reused_ = 0;
};

// What the pages of a document show, in the order drawn: played into a
// PdfDocument as many times as needed. It holds its own references to the
// layouts it draws, which belong to the typesetter's thread: play it there.
class Drawing {
 public:
  Drawing() = default;
  ~Drawing();
  Drawing(Drawing&& other) noexcept;
  Drawing& operator=(Drawing&& other) noexcept;
  Drawing(const Drawing&) = delete;
  Drawing& operator=(const Drawing&) = delete;

  int pages() const { return pages_; }

 private:
  friend class PdfCanvas;
  friend class PdfDocument;
  enum class Kind { kText, kFill, kLine, kWatermark, kPage };
  struct Op {
    Kind kind;
    PangoLayout* layout = nullptr;          // text and watermark: referenced
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // text: x1, y1; watermark: x1, y1 its size
    double width = 0;                       // a line's
    Color color;
  };
  void clear();

  std::vector<Op> ops_;
  int pages_ = 0;
};

class PdfCanvas {
 public:
  static constexpr double kWidth = 595.276;  // A4, 210 mm
  static constexpr double kHeight = 841.89;  // 297 mm

  // What is drawn is recorded in `drawing`; the canvas lays text out with
  // `typesetter`. Both must outlive it.
  PdfCanvas(Drawing& drawing, Typesetter& typesetter)
      : drawing_(drawing), typesetter_(typesetter) {}
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

 private:
  Drawing& drawing_;
  Typesetter& typesetter_;
  bool dry_ = false;
};

// A PDF being written: Drawings played into it one after the other, each
// page after the last.
class PdfDocument {
 public:
  // The PDF's bytes are appended to `out` as cairo writes them.
  PdfDocument(std::string& out, const PdfInfo& info);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  void play(const Drawing& drawing);
  // Completes the document; throws Error(kCannotWrite) if cairo failed.
  void finish();

 private:
  std::string& out_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

}  // namespace citfee
