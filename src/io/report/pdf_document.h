#pragma once
// A small flowing PDF writer over cairo's PDF surface and pango: headings, wrapped paragraphs, tables that
// break across pages, images, line charts, page numbers in the footer and automatic page breaks.
//
// Text goes through pango with fontconfig fallback (DejaVu Sans first), so accented names and any script
// print right. Text is plain (never pango markup): whatever a client's name contains prints as written.
//
// Units: PDF points (1/72 inch). The cursor flows top to bottom inside the margins; every block that does
// not fit on what is left of the page starts a new one (tables repeat their header row there).
//
// Files: the PDF is written to a temporary file (mode 0600) beside the target and only renamed onto it by
// finish(), so a half-written PDF never appears under the target's name. Without `overwrite` an existing
// target is never replaced (checked when the document is created and again, atomically, at the rename).
// A document destroyed without finish() removes its temporary file and leaves the target alone.
// Errors: ta::IoError naming the file ("report.pdf: exists", "report.pdf: No space left on device").
#include "io/png_image.h"

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ta::io {

enum class PageSize { A4, Letter };

/// Width and height of a page in points (A4 595.28 x 841.89, Letter 612 x 792).
struct PageDimensions {
    double width = 0.0;
    double height = 0.0;
};
PageDimensions pageDimensions(PageSize size);

struct Rgb {
    double r = 0.0, g = 0.0, b = 0.0; ///< 0..1
};

struct TextStyle {
    double sizePt = 10.0;
    bool bold = false;
    bool italic = false;
    Rgb colour{0.1, 0.1, 0.1};
    double spaceAfterPt = 4.0; ///< gap below the block
};

/// A table: a header row and rows of cells; columns get `relativeWidths` shares of the content width
/// (all ones when empty). Rows with fewer cells than columns are padded with empty cells.
struct PdfTable {
    std::vector<std::string> header;
    std::vector<double> relativeWidths;
    std::vector<std::vector<std::string>> rows;
    double fontSizePt = 9.0;
};

/// An image with a caption under it, for imageRow().
struct CaptionedImage {
    const RgbaImage* image = nullptr; ///< not owned; must outlive the call
    std::string caption;
};

struct ChartPoint {
    std::string date; ///< x category label, "YYYY-MM-DD"; categories are the sorted union of all dates
    double value = 0.0;
};
struct ChartSeries {
    std::string name;
    std::vector<ChartPoint> points;
};
/// A line chart: dates as evenly spaced categories on x, values on y within [yMin, yMax] (values outside
/// are clamped to the frame), one coloured line with markers per series and a legend below.
struct LineChart {
    std::string title;
    std::string yLabel; ///< e.g. "NRS 0-10", "days per week"
    double yMin = 0.0;
    double yMax = 10.0;
    std::vector<ChartSeries> series;
    double heightPt = 170.0; ///< plot frame height
};

class PdfDocument {
public:
    struct Options {
        PageSize pageSize = PageSize::A4;
        double marginPt = 50.0;
        std::string title;      ///< PDF metadata
        std::string footerText; ///< left of the footer on every page (page number goes right)
        int totalPages = 0;     ///< > 0: footers say "Page n of N" (lay out once to count, then again)
        std::string fontFamily = "DejaVu Sans";
    };

    /// Creates the temporary file beside `file`. Throws IoError ("exists" when `file` exists and
    /// !overwrite; or the system's reason).
    PdfDocument(std::filesystem::path file, bool overwrite, Options options);
    ~PdfDocument(); ///< without finish(): removes the temporary, leaves `file` as it was
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    /// Level 1 (largest) to 3.
    void heading(std::string_view text, int level = 1);
    void paragraph(std::string_view text, const TextStyle& style = {});
    /// A bullet list item (hanging indent).
    void bullet(std::string_view text, const TextStyle& style = {});
    void table(const PdfTable& table);
    /// One image scaled to `widthPt` (never wider than the content, never taller than a page), keeping
    /// its aspect ratio. Empty images are skipped.
    void image(const RgbaImage& image, double widthPt, std::string_view caption = {});
    /// Images side by side in equal cells across the content width, each with its caption.
    void imageRow(std::span<const CaptionedImage> images);
    void lineChart(const LineChart& chart);
    void spacer(double pt);
    void rule(); ///< a thin horizontal line
    void pageBreak();
    /// Starts a new page when less than `pt` is left on this one.
    void keepSpace(double pt);

    int pageCount() const;
    double contentWidth() const;
    double spaceLeft() const; ///< points from the cursor to the bottom margin

    /// Draws the last footer, closes the PDF and renames it onto the target (link() when !overwrite,
    /// so an existing file is never replaced). Throws IoError naming the file.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ta::io
