#pragma once
// Internal to PdfDocument (pdf_document*.cpp): the cairo/pango state and the cursor. Not for other code.
#include "core/atomic_file.h"
#include "core/error.h"
#include "io/report/pdf_document.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <filesystem>
#include <memory>
#include <string>

namespace ta::io::pdf_detail {

inline constexpr Rgb kHeadingColour{0.05, 0.30, 0.36};
inline constexpr Rgb kGrey{0.45, 0.45, 0.45};
inline constexpr Rgb kLightFill{0.93, 0.95, 0.96};
inline constexpr Rgb kHeaderFill{0.83, 0.89, 0.91};
inline constexpr double kCellPad = 3.0;
inline constexpr double kMaxImageRowHeight = 250.0;

// Series colours of the charts: distinct in colour and in grey.
inline constexpr Rgb kPalette[] = {{0.00, 0.45, 0.70}, {0.84, 0.37, 0.00}, {0.00, 0.62, 0.45},
                            {0.80, 0.47, 0.65}, {0.35, 0.35, 0.35}, {0.90, 0.62, 0.00}};

inline void setColour(cairo_t* cr, const Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

} // namespace ta::io::pdf_detail

namespace ta::io {

struct PdfDocument::Impl {
    std::filesystem::path file;
    bool overwrite = false;
    Options opt;
    PageDimensions dim;
    std::unique_ptr<core::AtomicFile> out; ///< the temporary beside `file` (core/atomic_file.h)
    std::string writeError;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoContext* pango = nullptr;
    double y = 0.0;
    int page = 1;
    bool finished = false;

    ~Impl() { discard(); }

    void discard()
    {
        if (pango) g_object_unref(pango);
        pango = nullptr;
        if (cr) cairo_destroy(cr);
        cr = nullptr;
        if (surface) cairo_surface_destroy(surface);
        surface = nullptr;
        out.reset(); // unfinished: removes the temporary, the target stays as it was
    }

    static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length)
    {
        auto* self = static_cast<Impl*>(closure);
        try {
            self->out->write(std::string_view(reinterpret_cast<const char*>(data), length));
        } catch (const Error& e) {
            self->writeError = e.what();
            return CAIRO_STATUS_WRITE_ERROR;
        }
        return CAIRO_STATUS_SUCCESS;
    }

    double left() const { return opt.marginPt; }
    double width() const { return dim.width - 2.0 * opt.marginPt; }
    double bottom() const { return dim.height - opt.marginPt; }
    double top() const { return opt.marginPt; }

    PangoLayout* layout(std::string_view text, double sizePt, bool bold, bool italic, double widthPt,
                        PangoAlignment align = PANGO_ALIGN_LEFT) const
    {
        PangoLayout* l = pango_layout_new(pango);
        PangoFontDescription* fd = pango_font_description_from_string(opt.fontFamily.c_str());
        pango_font_description_set_absolute_size(fd, sizePt * PANGO_SCALE);
        pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        pango_layout_set_font_description(l, fd);
        pango_font_description_free(fd);
        if (widthPt > 0) {
            pango_layout_set_width(l, static_cast<int>(widthPt * PANGO_SCALE));
            pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_alignment(l, align);
        if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
            pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
        } else {
            // Bad bytes (a damaged import) print as U+FFFD rather than losing the whole text.
            gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
            pango_layout_set_text(l, valid, -1);
            g_free(valid);
        }
        return l;
    }

    static double height(PangoLayout* l)
    {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }
    static double textWidth(PangoLayout* l)
    {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return static_cast<double>(w) / PANGO_SCALE;
    }

    /// Draws the whole layout at (x, yTop), no page breaks.
    void draw(PangoLayout* l, double x, double yTop, const Rgb& colour)
    {
        pdf_detail::setColour(cr, colour);
        cairo_move_to(cr, x, yTop);
        pango_cairo_show_layout(cr, l);
    }

    /// Draws the layout line by line at the cursor, starting new pages between lines as needed.
    void flow(PangoLayout* l, double x, const Rgb& colour)
    {
        PangoLayoutIter* it = pango_layout_get_iter(l);
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            const double lineTop = static_cast<double>(logical.y) / PANGO_SCALE;
            const double lineH = static_cast<double>(logical.height) / PANGO_SCALE;
            const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
            if (y + lineH > bottom() && y > top()) newPage();
            pdf_detail::setColour(cr, colour);
            cairo_move_to(cr, x + static_cast<double>(logical.x) / PANGO_SCALE, y + (baseline - lineTop));
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
            y += lineH;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    void footer()
    {
        const double fy = dim.height - opt.marginPt * 0.6;
        if (!opt.footerText.empty()) {
            PangoLayout* l = layout(opt.footerText, 7.5, false, false, width() * 0.75);
            draw(l, left(), fy, pdf_detail::kGrey);
            g_object_unref(l);
        }
        std::string num = "Page " + std::to_string(page);
        if (opt.totalPages > 0) num += " of " + std::to_string(opt.totalPages);
        PangoLayout* l = layout(num, 7.5, false, false, width(), PANGO_ALIGN_RIGHT);
        draw(l, left(), fy, pdf_detail::kGrey);
        g_object_unref(l);
    }

    void newPage()
    {
        footer();
        cairo_show_page(cr);
        ++page;
        y = top();
    }

    void keep(double pt)
    {
        if (y + pt > bottom() && y > top()) newPage();
    }
};

} // namespace ta::io
