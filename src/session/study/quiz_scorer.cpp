#include "session/study/quiz_scorer.h"

#include "core/bodymap/pain_drawing.h"
#include "core/study/name_match.h"
#include "core/study/paint_score.h"
#include "session/study/quiz_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace ta::session {

namespace study = core::study;
using study::QuestionKind;

namespace {

std::string fixed2(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
        s += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return s;
}

QuestionResult result(double score, std::string feedback)
{
    QuestionResult r;
    r.score = std::clamp(score, 0.0, 1.0);
    r.feedback = std::move(feedback);
    return r;
}

constexpr float kNearMetres = 0.015f;
constexpr float kFarMetres = 0.045f;

} // namespace

QuizScorer::QuizScorer(const core::AnatomyModel& model, TriggerPointCatalog& catalog)
    : m_model(model), m_catalog(catalog), m_skin(model.find("skin"))
{
    if (m_skin)
        m_skinAreas = study::vertexAreas(m_model.get(*m_skin)->mesh);
}

QuestionResult QuizScorer::score(const QuizQuestion& q, const QuizAnswer& a)
{
    if (a.empty())
        return result(0.0, "No answer. The answer: " + q.answer);
    switch (q.kind) {
    case QuestionKind::Paint: return scorePaint(q, a);
    case QuestionKind::Locate: return scoreLocate(q, a);
    case QuestionKind::Name: return scoreName(q, a);
    case QuestionKind::Which: return scoreWhich(q, a);
    case QuestionKind::Facts: return scoreChoice(q, a);
    }
    return result(0.0, "unknown question kind");
}

std::vector<glm::vec2> QuizScorer::referralOnSkin(core::TriggerPointId id)
{
    if (!m_skin)
        return {};
    auto all = m_catalog.referralWeights(id, {*m_skin});
    return m_skin->value < all.size() ? std::move(all[m_skin->value]) : std::vector<glm::vec2>{};
}

QuestionResult QuizScorer::scorePaint(const QuizQuestion& q, const QuizAnswer& a)
{
    if (!q.triggerPoint || !m_skin)
        return result(0.0, "cannot score a drawing: the model has no skin");
    if (a.painMarks.empty())
        return result(0.0, "Expected a drawing (painMarks). The pattern: " + q.answer);
    const core::Mesh& mesh = m_model.get(*m_skin)->mesh;
    const std::vector<glm::vec2> referral = referralOnSkin(*q.triggerPoint);
    const std::vector<float> painted = core::painIntensities(mesh, a.painMarks);
    const study::PaintScore s = study::scorePaint(m_skinAreas, referral, painted);

    QuestionResult r;
    r.score = s.dice;
    const core::ReferralProjector* proj = m_catalog.projector(*m_skin);
    const auto& inst = m_catalog.instance(*q.triggerPoint);
    if (proj) {
        // Missed: essential regions of which less than half (by area) was painted.
        for (std::uint32_t region : inst.essential) {
            const core::SparseWeights& w = proj->region(region);
            double area = 0.0, covered = 0.0;
            for (std::size_t k = 0; k < w.vertices.size(); ++k) {
                const std::uint32_t v = w.vertices[k];
                if (w.weights[k] < study::kZoneThreshold || v >= m_skinAreas.size())
                    continue;
                area += m_skinAreas[v];
                if (v < painted.size() && painted[v] >= study::kZoneThreshold)
                    covered += m_skinAreas[v];
            }
            if (area > 0.0 && covered < 0.5 * area)
                r.missed.push_back(m_catalog.regionInstanceName(region));
        }
        // Extra: painted outside both zones, put down to the region that covers each vertex most.
        std::vector<char> extra(painted.size(), 0);
        double extraTotal = 0.0;
        for (std::size_t v = 0; v < painted.size() && v < referral.size() && v < m_skinAreas.size(); ++v)
            if (painted[v] >= study::kZoneThreshold && study::zoneCell(referral[v]) == study::ZoneCell::Outside) {
                extra[v] = 1;
                extraTotal += m_skinAreas[v];
            }
        if (extraTotal > 0.0) {
            std::vector<float> best(painted.size(), 0.0f);
            std::vector<std::int32_t> bestRegion(painted.size(), -1);
            const auto regionCount = static_cast<std::uint32_t>(m_catalog.atlas().regions().size());
            for (std::uint32_t region = 0; region < regionCount; ++region) {
                const core::SparseWeights& w = proj->region(region);
                for (std::size_t k = 0; k < w.vertices.size(); ++k) {
                    const std::uint32_t v = w.vertices[k];
                    if (v < extra.size() && extra[v] && w.weights[k] > best[v]) {
                        best[v] = w.weights[k];
                        bestRegion[v] = static_cast<std::int32_t>(region);
                    }
                }
            }
            std::map<std::int32_t, double> byRegion;
            for (std::size_t v = 0; v < extra.size(); ++v)
                if (extra[v])
                    byRegion[best[v] >= 0.25f ? bestRegion[v] : -1] += m_skinAreas[v];
            std::vector<std::pair<double, std::int32_t>> ranked;
            for (const auto& [region, area] : byRegion)
                if (area >= 1e-4 && area >= 0.15 * extraTotal)
                    ranked.emplace_back(area, region);
            std::sort(ranked.rbegin(), ranked.rend());
            for (const auto& [area, region] : ranked)
                r.extra.push_back(region < 0 ? "elsewhere" : m_catalog.regionInstanceName(static_cast<std::uint32_t>(region)));
        }
    }
    std::string f = fixed2(s.dice) + " overlap with the essential zone";
    if (r.missed.empty() && r.extra.empty())
        f += r.score >= 0.8 ? ": well drawn" : "";
    if (!r.missed.empty())
        f += "; missed " + joined(r.missed);
    if (!r.extra.empty())
        f += "; painted beyond the pattern: " + joined(r.extra);
    if (s.spilloverPainted > 0.0)
        f += " (painting in the spillover zone counts neither way)";
    r.feedback = f + ". Documented: " + q.answer;
    return r;
}

QuestionResult QuizScorer::scoreLocate(const QuizQuestion& q, const QuizAnswer& a) const
{
    const bool pointTarget = q.point && (q.triggerPoint || !q.structure);
    if (q.triggerPoint && !a.triggerPoint.empty()) {
        const bool right = a.triggerPoint == m_catalog.key(*q.triggerPoint);
        return result(right ? 1.0 : 0.0, right ? "Right: " + q.answer
                                               : "You chose " + a.triggerPoint + "; the answer: " + q.answer);
    }
    if (pointTarget) {
        if (!a.point)
            return result(0.0, "Expected a clicked point. The answer: " + q.answer);
        const float d = glm::distance(*a.point, *q.point);
        const double s = d <= kNearMetres ? 1.0 : d >= kFarMetres ? 0.0 : (kFarMetres - d) / (kFarMetres - kNearMetres);
        return result(s, std::to_string(static_cast<int>(std::lround(d * 1000.0f))) + " mm from " + q.answer);
    }
    if (a.structure.empty())
        return result(0.0, "Expected a clicked structure. The answer: " + q.answer);
    const core::Structure* target = m_model.get(q.structure);
    if (target && a.structure == target->id)
        return result(1.0, "Right: " + q.answer);
    const auto clicked = m_model.find(a.structure);
    const std::string what = clicked ? m_model.get(*clicked)->name : "\"" + a.structure + "\" (not in the model)";
    return result(0.0, "You clicked the " + what + "; the answer (shown): " + q.answer);
}

QuestionResult QuizScorer::scoreName(const QuizQuestion& q, const QuizAnswer& a) const
{
    if (a.choice && a.text.empty())
        return scoreChoice(q, a);
    if (a.text.empty() || !q.structure)
        return result(0.0, "Expected a typed name or a choice. The answer: " + q.answer);
    const QuizBuilder names(m_model, m_catalog);
    const study::NameMatch mine = study::matchName(a.text, names.namesOf(*q.structure));
    // The closest name of any other muscle (or structure that is no muscle's).
    const core::Structure* target = m_model.get(q.structure);
    const core::MuscleRecord* targetMuscle = target ? m_catalog.muscleOf(*target) : nullptr;
    std::vector<std::string> others;
    for (const auto& s : m_model.structures) {
        const core::MuscleRecord* m = m_catalog.muscleOf(s);
        if (&s == target || (m && m == targetMuscle) || study::normaliseName(s.name) == study::normaliseName(target->name))
            continue;
        others.insert(others.end(), {s.name, s.latin});
    }
    for (const auto& m : m_catalog.data().muscles)
        if (&m != targetMuscle)
            others.insert(others.end(), {m.name, m.latin, withoutParentheses(m.name)});
    std::erase_if(others, [](const std::string& n) { return n.empty(); });
    const study::NameMatch other = study::matchName(a.text, others);
    if (mine.matched && !(other.matched && other.distance < mine.distance))
        return result(1.0, mine.distance == 0 ? "Right: " + q.answer
                                              : "Right (correctly spelt: " + mine.closest + "): " + q.answer);
    if (other.matched)
        return result(0.0, "\"" + a.text + "\" is the " + other.closest + "; the answer: " + q.answer);
    return result(0.0, "\"" + a.text + "\" is not it; the answer: " + q.answer);
}

QuestionResult QuizScorer::scoreWhich(const QuizQuestion& q, const QuizAnswer& a) const
{
    std::string key = a.triggerPoint;
    if (key.empty() && a.choice && *a.choice >= 0 && static_cast<std::size_t>(*a.choice) < q.choiceKeys.size())
        key = q.choiceKeys[static_cast<std::size_t>(*a.choice)];
    if (key.empty() || !q.triggerPoint)
        return result(0.0, "Expected a trigger point or a choice. The answer: " + q.answer);
    const auto chosen = m_catalog.find(key);
    if (!chosen)
        return result(0.0, "\"" + key + "\" is no documented trigger point; the answer: " + q.answer);
    if (*chosen == *q.triggerPoint)
        return result(1.0, "Right: " + q.answer);
    const auto& mine = m_catalog.instance(*q.triggerPoint);
    const auto& theirs = m_catalog.instance(*chosen);
    const std::set<std::uint32_t> a1(mine.essential.begin(), mine.essential.end());
    const std::set<std::uint32_t> a2(theirs.essential.begin(), theirs.essential.end());
    if (a1 == a2)
        return result(1.0, "Right: " + QuizBuilder(m_model, m_catalog).triggerPointName(*chosen) +
                               " refers in the same pattern as " + q.answer);
    if (m_catalog.record(*chosen).muscle == m_catalog.record(*q.triggerPoint).muscle && mine.key.side == theirs.key.side)
        return result(0.5, "The right muscle, another trigger point; the answer: " + q.answer);
    return result(0.0, "You chose " + QuizBuilder(m_model, m_catalog).triggerPointName(*chosen) + "; the answer: " + q.answer);
}

QuestionResult QuizScorer::scoreChoice(const QuizQuestion& q, const QuizAnswer& a) const
{
    if (!a.choice)
        return result(0.0, "Expected a choice (0-" + std::to_string(q.choices.size() ? q.choices.size() - 1 : 0) +
                               "). The answer: " + q.answer);
    if (*a.choice < 0 || static_cast<std::size_t>(*a.choice) >= q.choices.size())
        return result(0.0, "Choice " + std::to_string(*a.choice) + " is not one of 0-" +
                               std::to_string(q.choices.size() - 1) + ". The answer: " + q.answer);
    if (*a.choice == q.correctChoice)
        return result(1.0, "Right: " + q.answer);
    return result(0.0, "You chose \"" + q.choices[static_cast<std::size_t>(*a.choice)] + "\"; the answer: " + q.answer);
}

} // namespace ta::session
