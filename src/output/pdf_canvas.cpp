#include "output/pdf_canvas.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>
#include <cmath>

#include "core/error.hpp"

namespace citfee {

namespace {

// A font from Debian's fonts-dejavu-core: every Latin letter with its accents.
constexpr const char* kFamily = "DejaVu Sans";

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string pdf_date(const Date& d) {
  return d.iso() + "T00:00:00";
}

void set_color(cairo_t* cr, Color c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

}  // namespace

Typesetter::Typesetter() {
  // A font map of our own, released with the typesetter, rather than pango's global one.
  fonts_ = pango_cairo_font_map_new();
  context_ = pango_font_map_create_context(fonts_);
  // Unhinted metrics: text measures the same whatever the output.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  layout_ = pango_layout_new(context_);
  try {
    check_font();
  } catch (...) {
    release();
    throw;
  }
}

Typesetter::~Typesetter() {
  release();
}

void Typesetter::release() {
  g_object_unref(layout_);
  g_object_unref(context_);
  g_object_unref(fonts_);
}

PdfCanvas::PdfCanvas(std::string& out, const PdfInfo& info)
    : PdfCanvas(out, info, std::make_unique<Typesetter>()) {}

PdfCanvas::PdfCanvas(std::string& out, const PdfInfo& info, std::unique_ptr<Typesetter> own)
    : out_(out), owned_(std::move(own)), typesetter_(*owned_) {
  start(info);
}

PdfCanvas::PdfCanvas(std::string& out, const PdfInfo& info, Typesetter& typesetter)
    : out_(out), typesetter_(typesetter) {
  start(info);
}

void PdfCanvas::start(const PdfInfo& info) {
  surface_ = cairo_pdf_surface_create_for_stream(append, &out_, kWidth, kHeight);
  // cairo would stamp the current time: the statement's date keeps re-runs identical.
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE,
                                 pdf_date(info.created).c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE,
                                 pdf_date(info.created).c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, info.creator.c_str());
  cr_ = cairo_create(surface_);
  // The context takes this surface's font options and transformation: those
  // of every A4 PDF surface, so what the context has cached still holds.
  pango_cairo_update_context(cr_, typesetter_.context_);
}

PdfCanvas::~PdfCanvas() {
  release();
}

void PdfCanvas::release() {
  cairo_destroy(cr_);
  cairo_surface_destroy(surface_);
}

// Without the font, fontconfig would quietly substitute another one, or none.
void Typesetter::check_font() {
  PangoFontDescription* wanted = pango_font_description_from_string(kFamily);
  PangoFont* font = pango_font_map_load_font(fonts_, context_, wanted);
  PangoFontDescription* got = font ? pango_font_describe(font) : nullptr;
  const std::string family =
      got && pango_font_description_get_family(got) ? pango_font_description_get_family(got) : "";
  if (got) pango_font_description_free(got);
  if (font) g_object_unref(font);
  pango_font_description_free(wanted);
  if (family != kFamily) {
    const std::string instead =
        family.empty() ? "" : fmt::format(" (fontconfig offers {} instead)", family);
    throw Error(Failure::kNoInput,
                fmt::format("the font {} is not installed{}: statements are set in it; on Debian, "
                            "install fonts-dejavu-core",
                            kFamily, instead));
  }
}

PangoLayout* PdfCanvas::layout(const std::string& text, const TextStyle& style, double width) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFamily);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  PangoLayout* l = typesetter_.layout_;
  pango_layout_set_font_description(l, font);
  pango_font_description_free(font);
  pango_layout_set_width(l, width < 0 ? -1 : static_cast<int>(std::lround(width * PANGO_SCALE)));
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  // A word too long for its line (a PEC address) is broken without a hyphen,
  // which would read as part of it.
  PangoAttrList* attributes = pango_attr_list_new();
  pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
  pango_layout_set_attributes(l, attributes);
  pango_attr_list_unref(attributes);
  pango_layout_set_alignment(l,
                             style.align == Align::kRight ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_justify(l, style.justify);
  pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
  return l;
}

namespace {

// What decides a layout's size: the text and every setting layout() makes.
std::string size_key(const std::string& text, const TextStyle& style, double width) {
  std::string key =
      fmt::format("{}|{}|{}|{}|{}|", style.size, style.bold ? 1 : 0, static_cast<int>(style.align),
                  style.justify ? 1 : 0, width < 0 ? -1 : std::lround(width * PANGO_SCALE));
  return key + text;
}

}  // namespace

std::pair<int, int> PdfCanvas::size(const std::string& text, const TextStyle& style, double width,
                                    PangoLayout** drawn) {
  std::string key = size_key(text, style, width);
  if (dry_) {
    if (auto it = typesetter_.sizes_.find(key); it != typesetter_.sizes_.end()) return it->second;
  }
  PangoLayout* l = layout(text, style, width);
  int w = 0;
  int h = 0;
  pango_layout_get_size(l, &w, &h);
  typesetter_.sizes_.insert_or_assign(std::move(key), std::pair{w, h});
  if (drawn) *drawn = l;
  return {w, h};
}

double PdfCanvas::text(const std::string& text, const TextStyle& style, double x, double y,
                       double width) {
  PangoLayout* l = nullptr;
  const auto [w, h] = size(text, style, width, &l);
  if (!dry_) {
    set_color(cr_, style.color);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }
  return static_cast<double>(h) / PANGO_SCALE;
}

double PdfCanvas::natural_width(const std::string& text, const TextStyle& style) {
  const bool was_dry = dry_;
  dry_ = true;  // only measured
  const int w = size(text, style, -1, nullptr).first;
  dry_ = was_dry;
  return static_cast<double>(w) / PANGO_SCALE;
}

void PdfCanvas::fill(double x, double y, double width, double height, Color color) {
  if (dry_) return;
  set_color(cr_, color);
  cairo_rectangle(cr_, x, y, width, height);
  cairo_fill(cr_);
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, double width, Color color) {
  if (dry_) return;
  set_color(cr_, color);
  cairo_set_line_width(cr_, width);
  cairo_move_to(cr_, x1, y1);
  cairo_line_to(cr_, x2, y2);
  cairo_stroke(cr_);
}

void PdfCanvas::watermark(const std::string& text, Color color) {
  if (dry_) return;
  PangoLayout* l = layout(text, TextStyle{120, true, color, Align::kLeft, false}, -1);
  int w = 0;
  int h = 0;
  pango_layout_get_size(l, &w, &h);
  cairo_save(cr_);
  cairo_translate(cr_, kWidth / 2, kHeight / 2);
  cairo_rotate(cr_, -std::atan2(kHeight, kWidth));
  cairo_move_to(cr_, -static_cast<double>(w) / PANGO_SCALE / 2,
                -static_cast<double>(h) / PANGO_SCALE / 2);
  // Drawn as outlines, not text: the mark must not mingle with the words a
  // reader or a program copies out of the page.
  pango_cairo_layout_path(cr_, l);
  cairo_set_source_rgba(cr_, color.r, color.g, color.b, 0.22);
  cairo_fill(cr_);
  cairo_restore(cr_);
}

void PdfCanvas::show_page() {
  if (!dry_) cairo_show_page(cr_);
}

void PdfCanvas::finish() {
  cairo_surface_finish(surface_);
  const cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw Error(Failure::kCannotWrite,
                fmt::format("cannot make the PDF: {}", cairo_status_to_string(status)));
  }
}

}  // namespace citfee
