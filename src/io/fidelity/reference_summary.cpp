#include "io/fidelity/reference_summary.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace ta::io {

namespace {

/// Unit eigenvector of the largest eigenvalue of a symmetric 3x3 matrix (power iteration).
glm::dvec3 principalAxis(const glm::dmat3& cov)
{
    glm::dvec3 v(1.0, 0.7, 0.3);
    for (int i = 0; i < 100; ++i) {
        const glm::dvec3 w = cov * v;
        const double len = glm::length(w);
        if (!(len > 0.0))
            break;
        v = w / len;
    }
    return v;
}

} // namespace

std::vector<ReferenceStructureSummary> summarizeReferenceStructures(ReferenceSet& reference)
{
    std::vector<ReferenceStructureSummary> rows;
    std::ifstream in(reference.folder() / "manifest.tsv");
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string file, name, group, fma;
        std::getline(ls, file, '\t');
        std::getline(ls, name, '\t');
        std::getline(ls, group, '\t');
        std::getline(ls, fma, '\t');
        const core::Mesh* mesh = fma.empty() ? nullptr : reference.mesh(fma);
        if (!mesh || mesh->positions.empty())
            continue;
        ReferenceStructureSummary r;
        r.fma = fma;
        r.name = name;
        glm::dvec3 c(0.0);
        for (const auto& p : mesh->positions)
            c += glm::dvec3(p);
        c /= double(mesh->positions.size());
        glm::dmat3 cov(0.0);
        for (const auto& p : mesh->positions) {
            const glm::dvec3 d = glm::dvec3(p) - c;
            cov += glm::outerProduct(d, d);
        }
        const glm::dvec3 axis = principalAxis(cov);
        double lo = 1e9, hi = -1e9;
        glm::vec3 pl(0), ph(0);
        for (const auto& p : mesh->positions) {
            const double t = glm::dot(glm::dvec3(p) - c, axis);
            if (t < lo) { lo = t; pl = p; }
            if (t > hi) { hi = t; ph = p; }
        }
        const auto b = mesh->bounds();
        r.centroid = glm::vec3(c);
        r.min = b.min;
        r.max = b.max;
        r.endA = pl.y >= ph.y ? pl : ph;
        r.endB = pl.y >= ph.y ? ph : pl;
        r.length = glm::length(ph - pl);
        rows.push_back(r);
    }
    return rows;
}

std::string formatReferenceStructuresMarkdown(const std::vector<ReferenceStructureSummary>& rows)
{
    std::ostringstream out;
    out << "| FMA | structure | centroid | bbox min | bbox max | upper end (long axis) | lower end | length m |\n"
        << "|---|---|---|---|---|---|---|---:|\n";
    auto v = [](const glm::vec3& p) {
        char buf[80];
        std::snprintf(buf, sizeof buf, "(%.3f, %.3f, %.3f)", p.x, p.y, p.z);
        return std::string(buf);
    };
    for (const auto& r : rows) {
        char len[32];
        std::snprintf(len, sizeof len, "%.3f", r.length);
        out << "| " << r.fma << " | " << r.name << " | " << v(r.centroid) << " | " << v(r.min) << " | " << v(r.max)
            << " | " << v(r.endA) << " | " << v(r.endB) << " | " << len << " |\n";
    }
    return out.str();
}

} // namespace ta::io
