// PdfDocument::table: header row, relative column widths, rows that move to the next page or, when
// taller than a page, split between their lines.
#include "io/report/pdf_document.h"
#include "io/report/pdf_document_impl.h"

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

namespace ta::io {

using namespace pdf_detail;

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

} // namespace ta::io
