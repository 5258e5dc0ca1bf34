#include "io/report/client_handout.h"

#include "core/error.h"
#include "io/report/pdf_document.h"

#include <algorithm>

namespace ta::io {

const std::vector<std::string>& handoutWhenToGetInTouch()
{
    static const std::vector<std::string> lines = {
        "Call your doctor, or emergency services, straight away if you get a sudden, very bad headache "
        "(the worst you have had), a headache with fever and a stiff neck, or new numbness, weakness, "
        "trouble speaking or seeing, or dizziness.",
        "See your doctor if the pain gets steadily worse, wakes you at night, or is not better in two weeks.",
        "Stop any exercise that makes the pain sharper or brings on tingling, and tell us at your next visit.",
    };
    return lines;
}

namespace {

constexpr Rgb kAccent{0.05, 0.30, 0.36};
constexpr Rgb kInk{0.1, 0.1, 0.1};

std::string shorten(const std::string& s, std::size_t max)
{
    if (s.size() <= max) return s;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut; // keep UTF-8 whole
    return s.substr(0, cut) + "\u2026";
}

/// Lays the handout out at `scale` (1 = the friendly size). Returns the number of pages it took;
/// finishes (renames onto `file`) only when `commit` and it took one page.
int layOut(const HandoutData& d, const std::filesystem::path& file, bool overwrite, double scale, bool commit)
{
    PdfDocument::Options opt;
    opt.pageSize = d.pageSize;
    opt.marginPt = 44.0;
    opt.title = "Your self-care sheet";
    opt.footerText = d.therapist.empty() ? d.date : d.therapist + ", " + d.date;
    PdfDocument doc(file, overwrite, opt);

    const TextStyle title{24.0 * scale, true, false, kAccent, 2.0 * scale};
    const TextStyle head{16.0 * scale, true, false, kAccent, 3.0 * scale};
    const TextStyle body{13.0 * scale, false, false, kInk, 5.0 * scale};
    const TextStyle strong{13.0 * scale, true, false, kInk, 5.0 * scale};
    const TextStyle small{11.0 * scale, false, true, kInk, 4.0 * scale};
    const TextStyle safety{12.0 * scale, false, false, kInk, 4.0 * scale};

    doc.paragraph(d.clientFirstName.empty() ? "Your self-care sheet" : "For " + d.clientFirstName, title);
    if (!d.date.empty()) doc.paragraph(d.date, small);

    const RgbaImage& img = d.drawing.image;
    if (!img.empty()) {
        const double maxH = 230.0 * scale;
        const double w = std::min(doc.contentWidth() * 0.7, maxH * img.width / img.height);
        doc.image(img, w, d.drawing.caption);
    }

    doc.paragraph("What we found", head);
    if (!d.mainMuscle.empty())
        doc.paragraph("We found a tight, tender spot (a \u201ctrigger point\u201d) in a muscle called the " +
                          d.mainMuscle + ".",
                      body);

    doc.paragraph("Why it hurts there", head);
    if (!d.findingInPlainWords.empty()) doc.paragraph(d.findingInPlainWords, strong);
    doc.paragraph("A tight spot in a muscle can send pain to another place. So the pain is real, even "
                  "though the cause sits somewhere else.",
                  body);

    if (!d.treatedToday.empty()) {
        doc.paragraph("What we did today", head);
        for (const std::string& t : d.treatedToday) doc.bullet(t, body);
    }

    if (!d.selfCare.empty() || !d.cautions.empty()) {
        doc.paragraph("What you can do at home", head);
        for (const HandoutSelfCare& s : d.selfCare)
            doc.bullet(s.dose.empty() ? s.text : s.text + " (" + s.dose + ")", body);
        for (const std::string& c : d.cautions) doc.bullet(c, safety);
    }

    doc.paragraph("When to get in touch", head);
    for (const std::string& line : handoutWhenToGetInTouch()) doc.bullet(line, safety);

    if (!d.therapistNote.empty()) {
        doc.paragraph("A note from your therapist", head);
        doc.paragraph(d.therapistNote, body);
    }
    if (!d.therapist.empty()) doc.paragraph("Your therapist: " + d.therapist, strong);
    if (!d.modelCredit.empty()) doc.paragraph("Anatomy pictures: " + d.modelCredit, small);

    const int pages = doc.pageCount();
    if (commit && pages == 1) doc.finish();
    return pages; // an unfinished document removes its temporary file
}

} // namespace

void writeClientHandout(const HandoutData& data, const std::filesystem::path& file, bool overwrite)
{
    for (const double scale : {1.0, 0.92, 0.84, 0.76, 0.68, 0.6})
        if (layOut(data, file, overwrite, scale, true) == 1) return;
    // Still too long at the smallest type: drop self-care items from the end, then shorten free text.
    HandoutData d = data;
    while (!d.selfCare.empty()) {
        d.selfCare.pop_back();
        if (layOut(d, file, overwrite, 0.6, true) == 1) return;
    }
    d.treatedToday.resize(std::min<std::size_t>(d.treatedToday.size(), 2));
    d.therapistNote = shorten(d.therapistNote, 300);
    d.findingInPlainWords = shorten(d.findingInPlainWords, 300);
    d.drawing.image = {};
    if (layOut(d, file, overwrite, 0.6, true) == 1) return;
    d.therapistNote.clear();
    d.cautions.resize(std::min<std::size_t>(d.cautions.size(), 2));
    for (std::string& c : d.cautions) c = shorten(c, 200);
    if (layOut(d, file, overwrite, 0.6, true) == 1) return;
    // The fixed lines and headings always fit a page; reaching here means absurd names: print them cut.
    d.clientFirstName = shorten(d.clientFirstName, 60);
    d.mainMuscle = shorten(d.mainMuscle, 80);
    d.therapist = shorten(d.therapist, 80);
    d.cautions.clear();
    d.findingInPlainWords = shorten(d.findingInPlainWords, 120);
    if (layOut(d, file, overwrite, 0.6, true) == 1) return;
    throw ArgumentError(file.string() + ": the handout's text does not fit one page even when shortened");
}

} // namespace ta::io
