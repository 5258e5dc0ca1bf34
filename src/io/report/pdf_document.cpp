#include "io/report/pdf_document.h"

#include "core/error.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <set>

namespace ta::io {

namespace fs = std::filesystem;

PageDimensions pageDimensions(PageSize size)
{
    switch (size) {
    case PageSize::Letter: return {612.0, 792.0};
    case PageSize::A4: break;
    }
    return {595.28, 841.89};
}

namespace {

constexpr Rgb kHeadingColour{0.05, 0.30, 0.36};
constexpr Rgb kGrey{0.45, 0.45, 0.45};
constexpr Rgb kLightFill{0.93, 0.95, 0.96};
constexpr Rgb kHeaderFill{0.83, 0.89, 0.91};
constexpr double kCellPad = 3.0;
constexpr double kMaxImageRowHeight = 250.0;

// Series colours of the charts: distinct in colour and in grey.
constexpr Rgb kPalette[] = {{0.00, 0.45, 0.70}, {0.84, 0.37, 0.00}, {0.00, 0.62, 0.45},
                            {0.80, 0.47, 0.65}, {0.35, 0.35, 0.35}, {0.90, 0.62, 0.00}};

std::string errnoText(int err) { return std::strerror(err); }

[[noreturn]] void fail(const fs::path& file, const std::string& why)
{
    throw IoError(file.string() + ": " + why);
}

/// Moves `from` onto `to` only when `to` does not exist, atomically where the file system allows:
/// renameat2(RENAME_NOREPLACE), else link() + unlink(), else (no hard links either) check, then rename.
void noReplaceRename(const fs::path& from, const fs::path& to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
    int err = errno;
    if (err == EEXIST) fail(to, "exists (not replaced)");
    if (err != EINVAL && err != ENOSYS && err != ENOTSUP) fail(to, errnoText(err));
    if (::link(from.c_str(), to.c_str()) == 0) {
        ::unlink(from.c_str());
        return;
    }
    err = errno;
    if (err == EEXIST) fail(to, "exists (not replaced)");
    if (err != EPERM && err != ENOTSUP && err != EMLINK) fail(to, errnoText(err));
    std::error_code ec;
    if (fs::exists(to, ec)) fail(to, "exists (not replaced)");
    if (::rename(from.c_str(), to.c_str()) != 0) fail(to, errnoText(errno));
}

void setColour(cairo_t* cr, const Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

std::string formatTick(double v)
{
    char buf[32];
    const double r = std::round(v * 100.0) / 100.0;
    std::snprintf(buf, sizeof buf, "%g", r == 0.0 ? 0.0 : r); // never "-0"
    return buf;
}

} // namespace

struct PdfDocument::Impl {
    fs::path file;
    fs::path tmp;
    bool overwrite = false;
    Options opt;
    PageDimensions dim;
    int fd = -1;
    int writeErrno = 0;
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
        if (fd >= 0) ::close(fd);
        fd = -1;
        if (!finished && !tmp.empty()) ::unlink(tmp.c_str());
        tmp.clear();
    }

    static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length)
    {
        auto* self = static_cast<Impl*>(closure);
        while (length > 0) {
            const ssize_t n = ::write(self->fd, data, length);
            if (n < 0) {
                if (errno == EINTR) continue;
                self->writeErrno = errno;
                return CAIRO_STATUS_WRITE_ERROR;
            }
            data += n;
            length -= static_cast<unsigned int>(n);
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
        setColour(cr, colour);
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
            setColour(cr, colour);
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
            draw(l, left(), fy, kGrey);
            g_object_unref(l);
        }
        std::string num = "Page " + std::to_string(page);
        if (opt.totalPages > 0) num += " of " + std::to_string(opt.totalPages);
        PangoLayout* l = layout(num, 7.5, false, false, width(), PANGO_ALIGN_RIGHT);
        draw(l, left(), fy, kGrey);
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

PdfDocument::PdfDocument(fs::path file, bool overwrite, Options options) : m_impl(std::make_unique<Impl>())
{
    Impl& d = *m_impl;
    d.file = std::move(file);
    d.overwrite = overwrite;
    d.opt = std::move(options);
    d.dim = pageDimensions(d.opt.pageSize);
    d.y = d.top();
    std::error_code ec;
    if (!overwrite && fs::exists(d.file, ec)) fail(d.file, "exists (not replaced)");
    const fs::path dir = d.file.has_parent_path() ? d.file.parent_path() : fs::path(".");
    std::string templ = (dir / ("." + d.file.filename().string() + ".tmp-XXXXXX")).string();
    d.fd = ::mkstemp(templ.data());
    if (d.fd < 0) fail(d.file, "cannot create a temporary file in " + dir.string() + ": " + errnoText(errno));
    d.tmp = templ;
    if (::fchmod(d.fd, 0600) != 0) fail(d.file, "cannot set mode 0600: " + errnoText(errno));

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

namespace {

/// The lines of one table cell, so that a row taller than what is left of a page can be split between lines.
struct CellLines {
    PangoLayout* layout = nullptr;
    std::vector<PangoLayoutLine*> lines; ///< owned by the layout
    std::vector<double> tops, heights, baselines, xs; ///< per line, points from the layout's top
    std::size_t next = 0;                             ///< first line not yet drawn

    double remaining() const { return next < tops.size() ? tops.back() + heights.back() - tops[next] : 0.0; }
    /// Height of the lines from `next` that fit in `avail`, and how many they are.
    std::pair<double, std::size_t> fit(double avail) const
    {
        std::size_t n = 0;
        double h = 0;
        for (std::size_t k = next; k < tops.size(); ++k) {
            const double bottom = tops[k] + heights[k] - tops[next];
            if (bottom > avail) break;
            h = bottom;
            ++n;
        }
        return {h, n};
    }
};

CellLines cellLines(PangoLayout* l)
{
    CellLines c;
    c.layout = l;
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        c.lines.push_back(pango_layout_iter_get_line_readonly(it));
        c.tops.push_back(static_cast<double>(logical.y) / PANGO_SCALE);
        c.heights.push_back(static_cast<double>(logical.height) / PANGO_SCALE);
        c.xs.push_back(static_cast<double>(logical.x) / PANGO_SCALE);
        c.baselines.push_back(static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return c;
}

} // namespace

void PdfDocument::table(const PdfTable& t)
{
    Impl& d = *m_impl;
    std::size_t cols = t.header.size();
    for (const auto& r : t.rows) cols = std::max(cols, r.size());
    if (cols == 0) return;
    std::vector<double> w(cols, 1.0);
    for (std::size_t i = 0; i < cols && i < t.relativeWidths.size(); ++i) w[i] = std::max(0.01, t.relativeWidths[i]);
    double sum = 0;
    for (double v : w) sum += v;
    for (double& v : w) v = v / sum * d.width();
    const double pageRoom = d.bottom() - d.top();

    // Draws a row at the cursor; a row that does not fit what is left moves to the next page (after the
    // header), and one taller than a whole page is split between its lines.
    std::function<void(const std::vector<std::string>&, bool, bool)> drawRow;
    auto breakPage = [&](bool isHeader) {
        d.newPage();
        if (!isHeader && !t.header.empty()) drawRow(t.header, true, false);
    };
    drawRow = [&](const std::vector<std::string>& cells, bool header, bool shaded) {
        std::vector<CellLines> cl;
        for (std::size_t c = 0; c < cols; ++c) {
            const std::string_view text = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
            cl.push_back(cellLines(d.layout(text, t.fontSizePt, header, false, w[c] - 2 * kCellPad)));
        }
        auto remaining = [&] {
            double h = 0;
            for (const auto& c : cl) h = std::max(h, c.remaining());
            return h;
        };
        bool first = true;
        while (remaining() > 0.0 || first) {
            const double need = remaining() + 2 * kCellPad;
            const double avail = d.bottom() - d.y;
            const bool atTop = d.y <= d.top() + 1e-6;
            if (need > avail && !atTop && (need <= pageRoom || avail < 2 * kCellPad + 3 * t.fontSizePt)) {
                breakPage(header);
                continue;
            }
            // Draw what fits of every cell.
            double chunk = 0;
            std::vector<std::size_t> counts;
            for (const auto& c : cl) {
                const auto [h, n] = c.fit(std::max(avail - 2 * kCellPad, c.next < c.heights.size() ? c.heights[c.next] : 0.0));
                chunk = std::max(chunk, h);
                counts.push_back(n);
            }
            chunk += 2 * kCellPad;
            if (header || shaded) {
                setColour(d.cr, header ? kHeaderFill : kLightFill);
                cairo_rectangle(d.cr, d.left(), d.y, d.width(), chunk);
                cairo_fill(d.cr);
            }
            double x = d.left();
            for (std::size_t c = 0; c < cols; ++c) {
                CellLines& cell = cl[c];
                const double base = cell.next < cell.tops.size() ? cell.tops[cell.next] : 0.0;
                setColour(d.cr, {0.1, 0.1, 0.1});
                for (std::size_t k = cell.next; k < cell.next + counts[c]; ++k) {
                    cairo_move_to(d.cr, x + kCellPad + cell.xs[k], d.y + kCellPad + (cell.baselines[k] - base));
                    pango_cairo_show_layout_line(d.cr, cell.lines[k]);
                }
                cell.next += counts[c];
                x += w[c];
            }
            setColour(d.cr, {0.75, 0.78, 0.80});
            cairo_set_line_width(d.cr, 0.5);
            cairo_move_to(d.cr, d.left(), d.y + chunk);
            cairo_line_to(d.cr, d.left() + d.width(), d.y + chunk);
            cairo_stroke(d.cr);
            d.y += chunk;
            first = false;
            if (remaining() > 0.0) breakPage(header);
        }
        for (auto& c : cl) g_object_unref(c.layout);
    };

    if (!t.header.empty()) drawRow(t.header, true, false);
    for (std::size_t r = 0; r < t.rows.size(); ++r) drawRow(t.rows[r], false, r % 2 == 1);
    d.y += 8.0;
}

namespace {

/// An RgbaImage as a cairo surface (premultiplied ARGB32). Caller destroys it.
cairo_surface_t* toSurface(const RgbaImage& img)
{
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height);
    cairo_surface_flush(s);
    unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int yy = 0; yy < img.height; ++yy) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(yy) * stride);
        for (int xx = 0; xx < img.width; ++xx) {
            const std::uint8_t* p = img.at(xx, yy);
            const std::uint32_t a = p[3];
            const std::uint32_t r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;
            row[xx] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
    cairo_surface_mark_dirty(s);
    return s;
}

void paintImage(cairo_t* cr, const RgbaImage& img, double x, double y, double scale)
{
    cairo_surface_t* s = toSurface(img);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(s);
}

bool validImage(const RgbaImage& img)
{
    return !img.empty() && img.pixels.size() >= static_cast<std::size_t>(img.width) * img.height * 4;
}

} // namespace

void PdfDocument::image(const RgbaImage& img, double widthPt, std::string_view caption)
{
    Impl& d = *m_impl;
    if (!validImage(img)) return;
    double scale = std::min(widthPt, d.width()) / img.width;
    PangoLayout* cap = caption.empty() ? nullptr : d.layout(caption, 8.5, false, true, d.width(), PANGO_ALIGN_CENTER);
    const double capH = cap ? Impl::height(cap) + 2.0 : 0.0;
    const double maxH = d.bottom() - d.top() - capH;
    scale = std::min(scale, maxH / img.height);
    const double w = img.width * scale, h = img.height * scale;
    d.keep(h + capH);
    paintImage(d.cr, img, d.left() + (d.width() - w) / 2.0, d.y, scale);
    d.y += h + 2.0;
    if (cap) {
        d.draw(cap, d.left(), d.y, kGrey);
        d.y += capH;
        g_object_unref(cap);
    }
    d.y += 6.0;
}

void PdfDocument::imageRow(std::span<const CaptionedImage> images)
{
    Impl& d = *m_impl;
    std::vector<CaptionedImage> shown;
    for (const auto& ci : images)
        if (ci.image && validImage(*ci.image)) shown.push_back(ci);
    if (shown.empty()) return;
    const double gap = 10.0;
    const double cell = (d.width() - gap * static_cast<double>(shown.size() - 1)) / static_cast<double>(shown.size());
    std::vector<double> scales;
    double imgH = 0, capH = 0;
    std::vector<PangoLayout*> caps;
    for (const auto& ci : shown) {
        const double s = std::min(cell / ci.image->width, kMaxImageRowHeight / ci.image->height);
        scales.push_back(s);
        imgH = std::max(imgH, ci.image->height * s);
        caps.push_back(d.layout(ci.caption, 8.5, false, true, cell, PANGO_ALIGN_CENTER));
        capH = std::max(capH, Impl::height(caps.back()));
    }
    d.keep(imgH + capH + 4.0);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const double x = d.left() + static_cast<double>(i) * (cell + gap);
        const double w = shown[i].image->width * scales[i];
        paintImage(d.cr, *shown[i].image, x + (cell - w) / 2.0, d.y, scales[i]);
        d.draw(caps[i], x, d.y + imgH + 2.0, kGrey);
        g_object_unref(caps[i]);
    }
    d.y += imgH + capH + 10.0;
}

void PdfDocument::lineChart(const LineChart& chart)
{
    Impl& d = *m_impl;
    std::set<std::string> dateSet;
    for (const auto& s : chart.series)
        for (const auto& p : s.points) dateSet.insert(p.date);
    const std::vector<std::string> dates(dateSet.begin(), dateSet.end());
    const double yMin = chart.yMin, yMax = chart.yMax > chart.yMin ? chart.yMax : chart.yMin + 1.0;

    PangoLayout* title = d.layout(chart.title, 10.5, true, false, d.width());
    const double titleH = Impl::height(title) + 4.0;
    // Legend entries are laid out first so the whole chart can be kept on one page.
    struct Entry {
        PangoLayout* l;
        double x, row;
    };
    std::vector<Entry> legend;
    double lx = 0, rowN = 0;
    for (const auto& s : chart.series) {
        PangoLayout* l = d.layout(s.name, 8.0, false, false, 0);
        const double ew = 22.0 + Impl::textWidth(l) + 14.0;
        if (lx > 0 && lx + ew > d.width()) {
            lx = 0;
            ++rowN;
        }
        legend.push_back({l, lx, rowN});
        lx += ew;
    }
    const double legendRowH = 12.0;
    const double legendH = legend.empty() ? 0.0 : (rowN + 1) * legendRowH;
    const double xLabelH = 22.0;
    const double total = titleH + chart.heightPt + xLabelH + legendH + 10.0;
    d.keep(total);

    d.draw(title, d.left(), d.y, kHeadingColour);
    g_object_unref(title);
    d.y += titleH;

    const double x0 = d.left() + 46.0, x1 = d.left() + d.width() - 8.0;
    const double y0 = d.y, y1 = d.y + chart.heightPt; // frame top, bottom
    cairo_t* cr = d.cr;
    auto yOf = [&](double v) { return y1 - (std::clamp(v, yMin, yMax) - yMin) / (yMax - yMin) * (y1 - y0); };
    const double step = dates.empty() ? 0.0 : (x1 - x0) / static_cast<double>(dates.size());
    auto xOf = [&](std::size_t i) { return x0 + (static_cast<double>(i) + 0.5) * step; };

    // Grid and y ticks at a "nice" step (1, 2 or 5 times a power of ten), about five of them.
    cairo_set_line_width(cr, 0.4);
    const double raw = (yMax - yMin) / 5.0;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    const double tick = (norm <= 1.0 ? 1.0 : norm <= 2.0 ? 2.0 : norm <= 5.0 ? 5.0 : 10.0) * mag;
    for (double v = std::ceil(yMin / tick - 1e-9) * tick; v <= yMax + tick * 1e-6; v += tick) {
        const double yy = yOf(v);
        setColour(cr, {0.85, 0.85, 0.85});
        cairo_move_to(cr, x0, yy);
        cairo_line_to(cr, x1, yy);
        cairo_stroke(cr);
        PangoLayout* l = d.layout(formatTick(v), 7.5, false, false, 30.0, PANGO_ALIGN_RIGHT);
        d.draw(l, x0 - 34.0, yy - Impl::height(l) / 2.0, kGrey);
        g_object_unref(l);
    }
    // Axis title, rotated.
    if (!chart.yLabel.empty()) {
        PangoLayout* l = d.layout(chart.yLabel, 7.5, false, false, 0);
        cairo_save(cr);
        cairo_translate(cr, d.left(), (y0 + y1) / 2.0 + Impl::textWidth(l) / 2.0);
        cairo_rotate(cr, -M_PI / 2.0);
        d.draw(l, 0, 0, kGrey);
        cairo_restore(cr);
        g_object_unref(l);
    }
    // Frame.
    setColour(cr, {0.3, 0.3, 0.3});
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x0, y1);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
    // X labels: every k-th date so that labels do not overlap (about 52 pt each).
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(52.0 / std::max(step, 1.0))));
    for (std::size_t i = 0; i < dates.size(); i += every) {
        PangoLayout* l = d.layout(dates[i], 7.0, false, false, 0);
        d.draw(l, xOf(i) - Impl::textWidth(l) / 2.0, y1 + 3.0, kGrey);
        g_object_unref(l);
    }
    // Series.
    for (std::size_t si = 0; si < chart.series.size(); ++si) {
        const auto& s = chart.series[si];
        std::vector<std::pair<std::size_t, double>> pts;
        for (const auto& p : s.points) {
            if (!std::isfinite(p.value)) continue; // a gap, not a broken PDF
            const auto it = std::lower_bound(dates.begin(), dates.end(), p.date);
            pts.emplace_back(static_cast<std::size_t>(it - dates.begin()), p.value);
        }
        std::sort(pts.begin(), pts.end());
        const Rgb c = kPalette[si % std::size(kPalette)];
        setColour(cr, c);
        cairo_set_line_width(cr, 1.6);
        for (std::size_t i = 0; i < pts.size(); ++i) {
            if (i == 0) cairo_move_to(cr, xOf(pts[i].first), yOf(pts[i].second));
            else cairo_line_to(cr, xOf(pts[i].first), yOf(pts[i].second));
        }
        cairo_stroke(cr);
        for (const auto& [i, v] : pts) {
            cairo_arc(cr, xOf(i), yOf(v), 2.4, 0, 2 * M_PI);
            cairo_fill(cr);
        }
    }
    d.y = y1 + xLabelH;
    // Legend.
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const double ex = d.left() + 46.0 + legend[i].x, ey = d.y + legend[i].row * legendRowH;
        setColour(cr, kPalette[i % std::size(kPalette)]);
        cairo_set_line_width(cr, 2.0);
        cairo_move_to(cr, ex, ey + 5.0);
        cairo_line_to(cr, ex + 18.0, ey + 5.0);
        cairo_stroke(cr);
        d.draw(legend[i].l, ex + 22.0, ey, {0.1, 0.1, 0.1});
        g_object_unref(legend[i].l);
    }
    d.y += legendH + 10.0;
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
    if (d.writeErrno != 0) fail(d.file, errnoText(d.writeErrno));
    if (st != CAIRO_STATUS_SUCCESS) fail(d.file, std::string("PDF error: ") + cairo_status_to_string(st));
    if (::fsync(d.fd) != 0) fail(d.file, errnoText(errno));
    const int fd = d.fd;
    d.fd = -1;
    if (::close(fd) != 0) fail(d.file, errnoText(errno));

    if (d.overwrite) {
        if (::rename(d.tmp.c_str(), d.file.c_str()) != 0) fail(d.file, errnoText(errno));
    } else {
        noReplaceRename(d.tmp, d.file);
    }
    d.finished = true;
    d.tmp.clear();
    const fs::path dir = d.file.has_parent_path() ? d.file.parent_path() : fs::path(".");
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

} // namespace ta::io
