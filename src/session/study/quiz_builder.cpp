#include "session/study/quiz_builder.h"

#include "core/error.h"
#include "core/referral/close_matches.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

namespace ta::session {

namespace study = core::study;
using study::QuestionKind;

namespace {

std::string closeList(const std::string& value, const std::vector<std::string>& candidates)
{
    const auto close = core::closeMatches(value, candidates);
    std::string s;
    for (const auto& c : close)
        s += (s.empty() ? "; close matches: " : ", ") + c;
    return s;
}

[[noreturn]] void fail(const std::string& source, const study::QuestionSpec& spec, const char* key, const std::string& why)
{
    throw ValidationError(source + ": " + spec.path + "." + key + ": " + why);
}

/// FNV-1a: a fixed position for the right choice per item, the same on every run and machine.
std::size_t stableHash(std::string_view s)
{
    std::uint64_t h = 1469598103934665603ull;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return static_cast<std::size_t>(h);
}

/// Puts `correct` among `distractors` at a position fixed by `item`; returns its index.
int placeChoices(const std::string& item, const std::string& correct, std::vector<std::string> distractors,
                 std::vector<std::string>& out)
{
    const std::size_t at = stableHash(item) % (distractors.size() + 1);
    distractors.insert(distractors.begin() + static_cast<std::ptrdiff_t>(at), correct);
    out = std::move(distractors);
    return static_cast<int>(at);
}

std::string sideWord(core::Side s) { return std::string(core::toString(s)); }

std::string lowerFirst(std::string s)
{
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

const std::string& factText(const core::MuscleRecord& m, study::FactTopic t)
{
    switch (t) {
    case study::FactTopic::Origin: return m.origin;
    case study::FactTopic::Insertion: return m.insertion;
    case study::FactTopic::Action: return m.action;
    case study::FactTopic::Innervation: return m.innervation;
    }
    return m.origin;
}

} // namespace

QuizBuilder::QuizBuilder(const core::AnatomyModel& model, const TriggerPointCatalog& catalog)
    : m_model(model), m_catalog(catalog)
{
}

std::string QuizBuilder::triggerPointName(core::TriggerPointId id) const
{
    return m_catalog.record(id).name + " (" + sideWord(m_catalog.instance(id).key.side) + ")";
}

std::vector<std::string> QuizBuilder::namesOf(core::StructureId id) const
{
    std::vector<std::string> names;
    const core::Structure* s = m_model.get(id);
    if (!s)
        return names;
    names = {s->name, s->latin, s->id};
    if (const core::MuscleRecord* m = m_catalog.muscleOf(*s))
        names.insert(names.end(), {m->name, m->latin, withoutParentheses(m->name)});
    std::erase_if(names, [](const std::string& n) { return n.empty(); });
    return names;
}

std::vector<QuizQuestion> QuizBuilder::build(const study::QuizSet& set) const
{
    if (!m_catalog.loaded())
        throw ValidationError(set.source + ": the trigger-point data is not loaded on the model");
    std::vector<QuizQuestion> out;
    out.reserve(set.questions.size());
    for (const auto& spec : set.questions)
        out.push_back(question(spec, set.options, set.source));
    return out;
}

QuizQuestion QuizBuilder::question(const study::QuestionSpec& spec, const study::QuizOptions& options,
                                   const std::string& source) const
{
    const auto& data = m_catalog.data();
    const auto centreOf = [&](const core::MuscleRecord& m) {
        core::Aabb box;
        for (const auto& base : m.structures)
            for (const char* suffix : {"-left", ""})
                if (auto id = m_model.find(base + suffix))
                    box.expand(m_model.get(*id)->mesh.bounds());
        return box.valid() ? box.centre() : glm::vec3(1e6f);
    };
    const auto requireLayer = [&](const char* key, const std::string& subject, core::Layer layer) {
        const auto& allowed = options.layers;
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), layer) == allowed.end())
            fail(source, spec, key, subject + " is in the " + std::string(core::toString(layer)) +
                                        " layer, not in options.layers");
    };
    const auto findStructure = [&](const char* key) {
        const auto id = m_model.find(spec.structure);
        if (!id) {
            std::vector<std::string> ids;
            for (const auto& s : m_model.structures)
                ids.push_back(s.id);
            fail(source, spec, key, "unknown structure \"" + spec.structure + "\"" + closeList(spec.structure, ids));
        }
        return *id;
    };
    const auto findTriggerPoint = [&](const char* key) {
        const auto id = m_catalog.find(spec.triggerPoint);
        if (!id) {
            std::string s;
            for (const auto& c : m_catalog.suggestions(spec.triggerPoint))
                s += (s.empty() ? "; close matches: " : ", ") + c;
            fail(source, spec, key, "unknown trigger point \"" + spec.triggerPoint + "\"" + s);
        }
        if (const core::MuscleRecord* m = m_catalog.muscleOfTriggerPoint(*id))
            requireLayer(key, spec.triggerPoint, m->layer);
        return *id;
    };

    QuizQuestion q;
    q.kind = spec.kind;
    switch (spec.kind) {
    case QuestionKind::Paint:
    case QuestionKind::Which: {
        const auto tp = findTriggerPoint("trigger_point");
        const auto& rec = m_catalog.record(tp);
        const auto& inst = m_catalog.instance(tp);
        if (!rec.refersPain || inst.essential.empty())
            fail(source, spec, "trigger_point", spec.triggerPoint + " refers no pain (no essential zone to paint)");
        q.triggerPoint = tp;
        q.muscle = rec.muscle;
        const std::string key = m_catalog.key(tp);
        if (spec.kind == QuestionKind::Paint) {
            q.item = "paint:" + key;
            q.prompt = "Paint where " + triggerPointName(tp) + " sends pain";
            q.answer = m_catalog.caption(tp);
            q.hint = "It refers to " + std::to_string(inst.essential.size()) + " area" +
                     (inst.essential.size() == 1 ? "" : "s") + ", among them " +
                     m_catalog.regionInstanceName(inst.essential.front());
            break;
        }
        q.item = "which:" + key;
        q.prompt = "Which trigger point refers pain in the pattern shown?";
        q.answer = triggerPointName(tp);
        // Distractors: same side, a different pattern; those sharing most regions with this one first.
        const std::set<std::uint32_t> mine(inst.essential.begin(), inst.essential.end());
        struct Candidate {
            int shared;
            float distance;
            core::TriggerPointId id;
        };
        std::vector<Candidate> candidates;
        for (core::TriggerPointId other : m_catalog.all()) {
            const auto& oi = m_catalog.instance(other);
            if (other == tp || oi.key.side != inst.key.side || oi.essential.empty() || !m_catalog.record(other).refersPain)
                continue;
            const std::set<std::uint32_t> theirs(oi.essential.begin(), oi.essential.end());
            if (theirs == mine)
                continue; // the same pattern: not a wrong answer
            int shared = 0;
            for (auto r : theirs)
                shared += mine.count(r) ? 1 : 0;
            candidates.push_back({shared, glm::distance(oi.position, inst.position), other});
        }
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            return a.shared != b.shared ? a.shared > b.shared : a.distance < b.distance;
        });
        std::vector<std::string> names, keys;
        std::set<std::string> usedMuscles{rec.muscle};
        for (const auto& c : candidates) {
            if (names.size() == 3)
                break;
            if (!usedMuscles.insert(m_catalog.record(c.id).muscle).second)
                continue; // one distractor per muscle
            names.push_back(triggerPointName(c.id));
            keys.push_back(m_catalog.key(c.id));
        }
        q.correctChoice = placeChoices(q.item, q.answer, names, q.choices);
        keys.insert(keys.begin() + q.correctChoice, key);
        q.choiceKeys = std::move(keys);
        const core::MuscleRecord* m = m_catalog.muscleOfTriggerPoint(tp);
        q.hint = m ? "Its muscle lies in the " + std::string(core::toString(m->layer)) + " layer and its name starts with \"" +
                         withoutParentheses(m->name).substr(0, 1) + "\""
                   : "";
        break;
    }
    case QuestionKind::Locate: {
        if (!spec.structure.empty()) {
            const auto id = findStructure("structure");
            const core::Structure& s = *m_model.get(id);
            const core::MuscleRecord* m = m_catalog.muscleOf(s);
            if (m)
                requireLayer("structure", spec.structure, m->layer);
            q.structure = id;
            q.muscle = m ? m->id : "";
            q.item = "locate:" + s.id;
            q.prompt = "Click the " + lowerFirst(s.name);
            q.answer = s.name;
            q.hint = m ? "It lies in the " + std::string(core::toString(m->layer)) + " layer; origin: " + lowerFirst(m->origin)
                       : "It lies in the " + std::string(core::toString(s.layer)) + " layer";
        } else if (!spec.triggerPoint.empty()) {
            const auto tp = findTriggerPoint("trigger_point");
            q.triggerPoint = tp;
            q.point = m_catalog.instance(tp).position;
            q.structure = m_catalog.instance(tp).structure;
            q.muscle = m_catalog.record(tp).muscle;
            q.item = "locate:" + m_catalog.key(tp);
            q.prompt = "Click " + triggerPointName(tp);
            q.answer = triggerPointName(tp);
            q.hint = "It lies " + lowerFirst(m_catalog.record(tp).locationText);
        } else {
            const core::Landmark* l = m_model.landmark(spec.landmark);
            if (!l) {
                std::vector<std::string> ids;
                for (const auto& lm : m_model.landmarks)
                    ids.push_back(lm.id);
                fail(source, spec, "landmark", "unknown landmark \"" + spec.landmark + "\"" + closeList(spec.landmark, ids));
            }
            q.point = l->position;
            q.item = "locate:landmark:" + l->id;
            q.prompt = "Click the " + lowerFirst(l->name);
            q.answer = l->name;
            q.hint = "A bony landmark: peel down to the bones";
        }
        break;
    }
    case QuestionKind::Name: {
        const auto id = findStructure("structure");
        const core::Structure& s = *m_model.get(id);
        const core::MuscleRecord* m = m_catalog.muscleOf(s);
        if (m)
            requireLayer("structure", spec.structure, m->layer);
        q.structure = id;
        q.muscle = m ? m->id : "";
        q.item = "name:" + s.id;
        q.prompt = "Name the highlighted structure (English or Latin)";
        q.answer = s.name + (s.latin.empty() ? "" : " (" + s.latin + ")");
        // Distractors: the nearest other muscles' structures on the same side.
        const glm::vec3 c = s.mesh.bounds().centre();
        std::vector<std::pair<float, const core::Structure*>> near;
        for (const auto& o : m_model.structures) {
            if (&o == &s || o.kind != core::Kind::Muscle || (o.side != s.side && o.side != core::Side::Midline))
                continue;
            const core::MuscleRecord* om = m_catalog.muscleOf(o);
            if (om && m && om->id == m->id)
                continue;
            near.emplace_back(glm::distance(o.mesh.bounds().centre(), c), &o);
        }
        std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::string> names;
        for (const auto& [d, o] : near)
            if (names.size() < 3 && o->name != s.name && std::find(names.begin(), names.end(), o->name) == names.end())
                names.push_back(o->name);
        q.correctChoice = placeChoices(q.item, s.name, names, q.choices);
        const std::string base = m ? withoutParentheses(m->name) : s.name;
        q.hint = "Starts with \"" + base.substr(0, 1) + "\"" + (s.latin.empty() ? "" : "; in Latin: " + s.latin.substr(0, 12) + "...");
        break;
    }
    case QuestionKind::Facts: {
        const auto mi = data.findMuscle(spec.muscle);
        if (!mi) {
            std::vector<std::string> ids;
            for (const auto& m : data.muscles)
                ids.push_back(m.id);
            fail(source, spec, "muscle", "unknown muscle \"" + spec.muscle + "\"" + closeList(spec.muscle, ids));
        }
        const core::MuscleRecord& m = data.muscles[*mi];
        requireLayer("muscle", spec.muscle, m.layer);
        q.muscle = m.id;
        q.about = spec.about;
        q.item = "facts:" + m.id + ":" + std::string(study::toString(spec.about));
        q.prompt = withoutParentheses(m.name) + ": what is its " + std::string(study::toString(spec.about)) + "?";
        q.answer = factText(m, spec.about);
        const glm::vec3 c = centreOf(m);
        std::vector<std::pair<float, const core::MuscleRecord*>> near;
        for (const auto& o : data.muscles)
            if (o.id != m.id && !factText(o, spec.about).empty() && factText(o, spec.about) != q.answer)
                near.emplace_back(glm::distance(centreOf(o), c), &o);
        std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::string> texts;
        for (const auto& [d, o] : near)
            if (texts.size() < 3 && std::find(texts.begin(), texts.end(), factText(*o, spec.about)) == texts.end())
                texts.push_back(factText(*o, spec.about));
        q.hint = texts.empty() ? "" : "Not this one: \"" + texts.front() + "\" (that is the " +
                                          withoutParentheses(near.front().second->name) + "'s)";
        q.correctChoice = placeChoices(q.item, q.answer, texts, q.choices);
        break;
    }
    }
    if (options.exam)
        q.hint.clear();
    return q;
}

std::vector<study::QuestionSpec> QuizBuilder::practiceSpecs(const std::vector<core::Layer>& layers) const
{
    std::vector<study::QuestionSpec> out;
    const auto& data = m_catalog.data();
    for (const auto& m : data.muscles) {
        if (!layers.empty() && std::find(layers.begin(), layers.end(), m.layer) == layers.end())
            continue;
        const std::string path = "practice[" + m.id + "]";
        for (const auto& base : m.structures) {
            const auto id = m_model.find(base + "-left");
            if (!id)
                continue;
            for (QuestionKind k : {QuestionKind::Locate, QuestionKind::Name}) {
                study::QuestionSpec s;
                s.kind = k;
                s.structure = m_model.get(*id)->id;
                s.path = path;
                out.push_back(s);
            }
            break;
        }
        for (core::TriggerPointId tp : m_catalog.all()) {
            const auto& rec = m_catalog.record(tp);
            if (rec.muscle != m.id || m_catalog.instance(tp).key.side != core::Side::Left || !rec.refersPain ||
                m_catalog.instance(tp).essential.empty())
                continue;
            for (QuestionKind k : {QuestionKind::Paint, QuestionKind::Which}) {
                study::QuestionSpec s;
                s.kind = k;
                s.triggerPoint = m_catalog.key(tp);
                s.path = path;
                out.push_back(s);
            }
        }
        for (auto topic : {study::FactTopic::Origin, study::FactTopic::Insertion, study::FactTopic::Action,
                           study::FactTopic::Innervation}) {
            study::QuestionSpec s;
            s.kind = QuestionKind::Facts;
            s.muscle = m.id;
            s.about = topic;
            s.path = path;
            out.push_back(s);
        }
    }
    return out;
}

} // namespace ta::session
