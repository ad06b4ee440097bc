#include "output/pdf_canvas.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>
#include <cmath>
#include <utility>

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

cairo_status_t discard(void*, const unsigned char*, unsigned int) {
  return CAIRO_STATUS_SUCCESS;
}

// When many layouts are kept, those of the last document stay and the others go.
constexpr std::size_t kKeepLayouts = 512;

// What decides a layout: the text and every setting Typesetter::layout makes
// (not the colour, which is cairo's source when drawn).
std::string layout_key(const std::string& text, const TextStyle& style, double width) {
  std::string key =
      fmt::format("{}|{}|{}|{}|{}|", style.size, style.bold ? 1 : 0, static_cast<int>(style.align),
                  style.justify ? 1 : 0, width < 0 ? -1 : std::lround(width * PANGO_SCALE));
  return key + text;
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
  // The context takes the font options and transformation of an A4 PDF
  // surface, those of every document the layouts are drawn into; an unused
  // one is enough to learn them.
  cairo_surface_t* pdf =
      cairo_pdf_surface_create_for_stream(discard, nullptr, PdfCanvas::kWidth, PdfCanvas::kHeight);
  cairo_t* cr = cairo_create(pdf);
  pango_cairo_update_context(cr, context_);
  cairo_destroy(cr);
  cairo_surface_destroy(pdf);
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
  for (auto& [key, kept] : layouts_) g_object_unref(kept.layout);
  layouts_.clear();
  g_object_unref(context_);
  g_object_unref(fonts_);
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

const Typesetter::Kept& Typesetter::layout(const std::string& text, const TextStyle& style,
                                           double width) {
  std::string key = layout_key(text, style, width);
  if (auto it = layouts_.find(key); it != layouts_.end()) {
    ++reused_;
    it->second.used = document_;
    return it->second;
  }
  ++made_;
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFamily);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  PangoLayout* l = pango_layout_new(context_);
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
  Kept kept{l, 0, 0, document_};
  pango_layout_get_size(l, &kept.width, &kept.height);
  return layouts_.emplace(std::move(key), kept).first->second;
}

void Typesetter::next_document() {
  if (layouts_.size() > kKeepLayouts) {
    std::erase_if(layouts_, [&](const auto& entry) {
      if (entry.second.used == document_) return false;
      g_object_unref(entry.second.layout);
      return true;
    });
  }
  ++document_;
}

Drawing::~Drawing() {
  clear();
}

Drawing::Drawing(Drawing&& other) noexcept
    : ops_(std::exchange(other.ops_, {})), pages_(std::exchange(other.pages_, 0)) {}

Drawing& Drawing::operator=(Drawing&& other) noexcept {
  if (this != &other) {
    clear();
    ops_ = std::exchange(other.ops_, {});
    pages_ = std::exchange(other.pages_, 0);
  }
  return *this;
}

void Drawing::clear() {
  for (const Op& op : ops_) {
    if (op.layout) g_object_unref(op.layout);
  }
  ops_.clear();
  pages_ = 0;
}

double PdfCanvas::text(const std::string& text, const TextStyle& style, double x, double y,
                       double width) {
  const Typesetter::Kept& kept = typesetter_.layout(text, style, width);
  if (!dry_) {
    drawing_.ops_.push_back({Drawing::Kind::kText,
                             static_cast<PangoLayout*>(g_object_ref(kept.layout)), x, y, 0, 0, 0,
                             style.color});
  }
  return static_cast<double>(kept.height) / PANGO_SCALE;
}

double PdfCanvas::natural_width(const std::string& text, const TextStyle& style) {
  return static_cast<double>(typesetter_.layout(text, style, -1).width) / PANGO_SCALE;
}

void PdfCanvas::fill(double x, double y, double width, double height, Color color) {
  if (dry_) return;
  drawing_.ops_.push_back({Drawing::Kind::kFill, nullptr, x, y, width, height, 0, color});
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, double width, Color color) {
  if (dry_) return;
  drawing_.ops_.push_back({Drawing::Kind::kLine, nullptr, x1, y1, x2, y2, width, color});
}

void PdfCanvas::watermark(const std::string& text, Color color) {
  if (dry_) return;
  const Typesetter::Kept& kept =
      typesetter_.layout(text, TextStyle{120, true, color, Align::kLeft, false}, -1);
  drawing_.ops_.push_back({Drawing::Kind::kWatermark,
                           static_cast<PangoLayout*>(g_object_ref(kept.layout)),
                           static_cast<double>(kept.width) / PANGO_SCALE,
                           static_cast<double>(kept.height) / PANGO_SCALE, 0, 0, 0, color});
}

void PdfCanvas::show_page() {
  if (dry_) return;
  drawing_.ops_.push_back({Drawing::Kind::kPage, nullptr, 0, 0, 0, 0, 0, {}});
  ++drawing_.pages_;
}

PdfDocument::PdfDocument(std::string& out, const PdfInfo& info) : out_(out) {
  surface_ =
      cairo_pdf_surface_create_for_stream(append, &out_, PdfCanvas::kWidth, PdfCanvas::kHeight);
  // cairo would stamp the current time: the statement's date keeps re-runs identical.
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE,
                                 pdf_date(info.created).c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE,
                                 pdf_date(info.created).c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, info.creator.c_str());
  cr_ = cairo_create(surface_);
}

PdfDocument::~PdfDocument() {
  cairo_destroy(cr_);
  cairo_surface_destroy(surface_);
}

void PdfDocument::play(const Drawing& drawing) {
  for (const Drawing::Op& op : drawing.ops_) {
    switch (op.kind) {
      case Drawing::Kind::kText:
        set_color(cr_, op.color);
        cairo_move_to(cr_, op.x1, op.y1);
        pango_cairo_show_layout(cr_, op.layout);
        break;
      case Drawing::Kind::kFill:
        set_color(cr_, op.color);
        cairo_rectangle(cr_, op.x1, op.y1, op.x2, op.y2);
        cairo_fill(cr_);
        break;
      case Drawing::Kind::kLine:
        set_color(cr_, op.color);
        cairo_set_line_width(cr_, op.width);
        cairo_move_to(cr_, op.x1, op.y1);
        cairo_line_to(cr_, op.x2, op.y2);
        cairo_stroke(cr_);
        break;
      case Drawing::Kind::kWatermark:
        cairo_save(cr_);
        cairo_translate(cr_, PdfCanvas::kWidth / 2, PdfCanvas::kHeight / 2);
        cairo_rotate(cr_, -std::atan2(PdfCanvas::kHeight, PdfCanvas::kWidth));
        cairo_move_to(cr_, -op.x1 / 2, -op.y1 / 2);
        // Drawn as outlines, not text: the mark must not mingle with the
        // words a reader or a program copies out of the page.
        pango_cairo_layout_path(cr_, op.layout);
        cairo_set_source_rgba(cr_, op.color.r, op.color.g, op.color.b, 0.22);
        cairo_fill(cr_);
        cairo_restore(cr_);
        break;
      case Drawing::Kind::kPage:
        cairo_show_page(cr_);
        break;
    }
  }
}

void PdfDocument::finish() {
  cairo_surface_finish(surface_);
  const cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw Error(Failure::kCannotWrite,
                fmt::format("cannot make the PDF: {}", cairo_status_to_string(status)));
  }
}

}  // namespace citfee
