// PdfDocument's pictures: images from io::RgbaImage (one, or a row with captions) and line charts.
#include "io/report/pdf_document.h"
#include "io/report/pdf_document_impl.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace ta::io {

using namespace pdf_detail;

namespace {

std::string formatTick(double v)
{
    char buf[32];
    const double r = std::round(v * 100.0) / 100.0;
    std::snprintf(buf, sizeof buf, "%g", r == 0.0 ? 0.0 : r); // never "-0"
    return buf;
}


} // namespace

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

} // namespace ta::io
