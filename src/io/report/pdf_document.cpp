#include "io/report/pdf_document.h"

#include "core/error.h"
#include "io/report/pdf_document_impl.h"

#include <memory>

namespace ta::io {

namespace fs = std::filesystem;
using namespace pdf_detail;

PageDimensions pageDimensions(PageSize size)
{
    switch (size) {
    case PageSize::Letter: return {612.0, 792.0};
    case PageSize::A4: break;
    }
    return {595.28, 841.89};
}


namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& why)
{
    throw IoError(file.string() + ": " + why);
}

} // namespace

PdfDocument::PdfDocument(fs::path file, bool overwrite, Options options) : m_impl(std::make_unique<Impl>())
{
    Impl& d = *m_impl;
    d.file = std::move(file);
    d.overwrite = overwrite;
    d.opt = std::move(options);
    d.dim = pageDimensions(d.opt.pageSize);
    d.y = d.top();
    core::AtomicWriteOptions writeOptions;
    writeOptions.replace = overwrite;
    writeOptions.createFolders = false; // a mistyped --out folder is an error, not a new folder
    d.out = std::make_unique<core::AtomicFile>(d.file, writeOptions);

    d.surface = cairo_pdf_surface_create_for_stream(&Impl::write, &d, d.dim.width, d.dim.height);
    if (cairo_surface_status(d.surface) != CAIRO_STATUS_SUCCESS)
        fail(d.file, std::string("cannot start a PDF: ") + cairo_status_to_string(cairo_surface_status(d.surface)));
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR, "TriggerAtlas");
    if (!d.opt.title.empty()) cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_TITLE, d.opt.title.c_str());
    d.cr = cairo_create(d.surface);
    d.pango = pango_font_map_create_context(pango_cairo_font_map_get_default());
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(d.pango, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_update_context(d.cr, d.pango);
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::heading(std::string_view text, int level)
{
    Impl& d = *m_impl;
    const double size = level <= 1 ? 17.0 : level == 2 ? 13.0 : 11.0;
    const double before = level <= 1 ? 4.0 : 8.0;
    PangoLayout* l = d.layout(text, size, true, false, d.width());
    // Keep a heading with at least a few lines of what follows it.
    if (d.y > d.top()) d.y += before;
    d.keep(Impl::height(l) + 40.0);
    d.flow(l, d.left(), kHeadingColour);
    g_object_unref(l);
    d.y += level <= 1 ? 6.0 : 3.0;
}

void PdfDocument::paragraph(std::string_view text, const TextStyle& style)
{
    Impl& d = *m_impl;
    PangoLayout* l = d.layout(text, style.sizePt, style.bold, style.italic, d.width());
    d.flow(l, d.left(), style.colour);
    g_object_unref(l);
    d.y += style.spaceAfterPt;
}

void PdfDocument::bullet(std::string_view text, const TextStyle& style)
{
    Impl& d = *m_impl;
    const double indent = style.sizePt * 1.3;
    PangoLayout* l = d.layout(text, style.sizePt, style.bold, style.italic, d.width() - indent);
    PangoLayout* dot = d.layout("\u2022", style.sizePt, true, false, 0);
    d.keep(Impl::height(dot));
    d.draw(dot, d.left() + style.sizePt * 0.2, d.y, style.colour);
    d.flow(l, d.left() + indent, style.colour);
    g_object_unref(dot);
    g_object_unref(l);
    d.y += style.spaceAfterPt;
}

void PdfDocument::spacer(double pt) { m_impl->y += pt; }

void PdfDocument::rule()
{
    Impl& d = *m_impl;
    d.keep(6.0);
    setColour(d.cr, {0.7, 0.7, 0.7});
    cairo_set_line_width(d.cr, 0.6);
    cairo_move_to(d.cr, d.left(), d.y + 3.0);
    cairo_line_to(d.cr, d.left() + d.width(), d.y + 3.0);
    cairo_stroke(d.cr);
    d.y += 8.0;
}

void PdfDocument::pageBreak() { m_impl->newPage(); }
void PdfDocument::keepSpace(double pt) { m_impl->keep(pt); }
int PdfDocument::pageCount() const { return m_impl->page; }
double PdfDocument::contentWidth() const { return m_impl->width(); }
double PdfDocument::spaceLeft() const { return m_impl->bottom() - m_impl->y; }

void PdfDocument::finish()
{
    Impl& d = *m_impl;
    if (d.finished || !d.cr) fail(d.file, "document already finished or abandoned");
    d.footer();
    cairo_show_page(d.cr);
    g_object_unref(d.pango);
    d.pango = nullptr;
    cairo_destroy(d.cr);
    d.cr = nullptr;
    cairo_surface_finish(d.surface);
    const cairo_status_t st = cairo_surface_status(d.surface);
    cairo_surface_destroy(d.surface);
    d.surface = nullptr;
    if (!d.writeError.empty()) throw IoError(d.writeError);
    if (st != CAIRO_STATUS_SUCCESS) fail(d.file, std::string("PDF error: ") + cairo_status_to_string(st));
    d.out->commit();
    d.out.reset();
    d.finished = true;
}

} // namespace ta::io
