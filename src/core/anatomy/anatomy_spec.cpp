#include "core/anatomy/anatomy_spec.h"

#include "core/read_file.h"
#include "core/json_limits.h"
#include "core/anatomy/vertebra_template.h"
#include "core/error.h"

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <utility>

namespace ta::core::anatomy {

namespace {

using nlohmann::json;

/// A JSON value with the path that led to it, for messages that name file and key.
struct Node {
    const json& value;
    std::string file;
    std::string path;

    [[noreturn]] void fail(const std::string& what) const
    {
        throw ValidationError(file + ": " + (path.empty() ? std::string("(top level)") : path) + ": " + what);
    }
    bool has(const char* key) const { return value.is_object() && value.contains(key); }
    Node at(const char* key) const
    {
        if (!value.is_object())
            fail("expected an object");
        if (!value.contains(key))
            Node{value, file, path.empty() ? key : path + "." + key}.fail("missing");
        return {value.at(key), file, path.empty() ? key : path + "." + key};
    }
    Node at(std::size_t i) const { return {value.at(i), file, path + "[" + std::to_string(i) + "]"}; }
    std::size_t arraySize() const
    {
        if (!value.is_array())
            fail("expected an array");
        return value.size();
    }
    std::string str() const
    {
        if (!value.is_string())
            fail("expected a string");
        return value.get<std::string>();
    }
    float number() const
    {
        if (!value.is_number())
            fail("expected a number");
        const double d = value.get<double>();
        if (!std::isfinite(static_cast<float>(d))) // NaN never parses; 1e39 would become an infinite float
            fail("expected a finite number, got " + value.dump());
        return static_cast<float>(d);
    }
    float positive() const
    {
        const float v = number();
        if (!(v > 0.0f))
            fail("expected a positive number, got " + std::to_string(v));
        return v;
    }
    glm::vec3 vec3() const
    {
        if (!value.is_array() || value.size() != 3 || !value[0].is_number() || !value[1].is_number() ||
            !value[2].is_number())
            fail("expected an array of 3 numbers");
        return {at(std::size_t{0}).number(), at(std::size_t{1}).number(), at(std::size_t{2}).number()};
    }
};

json parseJson(const std::string& text, const std::string& file)
{
    checkJsonDepth(text, file);
    try {
        return json::parse(text);
    } catch (const json::exception& e) { // parse_error, or out_of_range on a number like 1e999999
        throw ParseError(file + ": not valid JSON: " + e.what());
    }
}

void checkHeader(const Node& root, const char* schema)
{
    if (!root.value.is_object())
        root.fail("expected an object");
    if (root.at("schema").str() != schema)
        root.at("schema").fail(std::string("expected \"") + schema + "\"");
    const Node version = root.at("version");
    if (!version.value.is_number_integer() || version.value.get<int>() != kSpecVersion)
        version.fail("unsupported version (this program reads version " + std::to_string(kSpecVersion) + ")");
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to)
{
    for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

/// The `min` and `max` corners of a box entry (refine, face), refused unless min lies below max on every axis.
std::pair<glm::vec3, glm::vec3> boxCorners(const Node& n)
{
    const glm::vec3 lo = n.at("min").vec3(), hi = n.at("max").vec3();
    if (!(lo.x < hi.x && lo.y < hi.y && lo.z < hi.z))
        n.fail("min must lie below max on every axis");
    return {lo, hi};
}

/// A text field: a string with optional {side}/{Side} placeholders, or an object {"left": .., "right": ..}.
std::string sidedText(const Node& node, Side side)
{
    if (node.value.is_object()) {
        if (side == Side::Midline)
            node.fail("an unpaired entry takes a plain string");
        return node.at(side == Side::Left ? "left" : "right").str();
    }
    std::string s = node.str();
    const bool left = side == Side::Left;
    s = replaceAll(s, "{side}", left ? "left" : "right");
    s = replaceAll(s, "{Side}", left ? "Left" : "Right");
    return s;
}

glm::vec3 mirrorX(glm::vec3 p) { return {-p.x, p.y, p.z}; }

glm::mat3 rotationFromDegrees(const glm::vec3& deg)
{
    // Applied x, then y, then z (model axes).
    glm::mat4 r(1.0f);
    r = glm::rotate(r, glm::radians(deg.z), glm::vec3(0, 0, 1));
    r = glm::rotate(r, glm::radians(deg.y), glm::vec3(0, 1, 0));
    r = glm::rotate(r, glm::radians(deg.x), glm::vec3(1, 0, 0));
    return glm::mat3(r);
}

std::vector<Primitive> expandVertebra(const Node& n)
{
    VertebraParams v;
    v.centre = n.at("centre").vec3();
    v.body = n.at("body").vec3();
    const glm::vec3 canal = n.at("canal").vec3();
    v.canal = {canal.x, canal.z};
    v.spinousTip = n.at("spinous").vec3();
    v.transverseTip = n.at("transverse").vec3();
    if (n.has("bifid"))
        v.bifid = n.at("bifid").value == true;
    if (n.has("process_radius"))
        v.processRadius = n.at("process_radius").positive();
    return vertebraPrimitives(v);
}

Primitive parsePrimitive(const Node& n, bool mirror)
{
    Primitive p;
    const std::string type = n.at("type").str();
    const std::string op = n.has("op") ? n.at("op").str() : "add";
    if (op == "add")
        p.op = CsgOp::Union;
    else if (op == "subtract")
        p.op = CsgOp::Subtract;
    else if (op == "intersect")
        p.op = CsgOp::Intersect;
    else if (op == "hollow")
        p.op = CsgOp::Hollow;
    else
        n.at("op").fail("unknown op \"" + op + "\" (add, subtract, intersect, hollow)");
    if (n.has("blend"))
        p.blend = n.at("blend").number();
    if (n.has("symmetric")) {
        if (!n.at("symmetric").value.is_boolean())
            n.at("symmetric").fail("expected true or false");
        p.mirrored = n.at("symmetric").value.get<bool>();
    }
    auto point = [&](const Node& v) { return mirror ? mirrorX(v.vec3()) : v.vec3(); };
    if (p.op == CsgOp::Hollow) {
        p.thickness = n.at("thickness").positive();
        return p;
    }
    if (type == "ellipsoid" || type == "box") {
        p.type = type == "box" ? PrimitiveType::Box : PrimitiveType::Ellipsoid;
        p.centre = point(n.at("centre"));
        const glm::vec3 r = n.at(type == "box" ? "half" : "radii").vec3();
        if (!(r.x > 0 && r.y > 0 && r.z > 0))
            n.at(type == "box" ? "half" : "radii").fail("expected three positive numbers");
        p.radii = r;
        if (n.has("rotate")) {
            glm::vec3 deg = n.at("rotate").vec3();
            if (mirror) // mirroring in x flips the sense of rotations about y and z
                deg = {deg.x, -deg.y, -deg.z};
            p.rotation = rotationFromDegrees(deg);
        }
        if (n.has("rounding"))
            p.rounding = std::min(n.at("rounding").number(), std::min(r.x, std::min(r.y, r.z)));
    } else if (type == "tube" || type == "plate" || type == "ribbon") {
        p.type = type == "tube" ? PrimitiveType::Tube : type == "plate" ? PrimitiveType::Plate : PrimitiveType::Ribbon;
        const Node pts = n.at("points");
        const std::size_t count = pts.arraySize();
        if (count < (type == "plate" ? 3u : 2u))
            pts.fail(type == "plate" ? "a plate needs at least 3 points" : "at least 2 points are needed");
        for (std::size_t i = 0; i < count; ++i)
            p.points.push_back(point(pts.at(i)));
        if (p.type == PrimitiveType::Ribbon) {
            // points: one edge; points2: the other edge, same count. Stored interleaved a0 b0 a1 b1 ...
            const Node other = n.at("points2");
            if (other.arraySize() != count)
                other.fail("expected as many points as \"points\" (" + std::to_string(count) + ")");
            std::vector<glm::vec3> both;
            for (std::size_t i = 0; i < count; ++i) {
                both.push_back(p.points[i]);
                both.push_back(point(other.at(i)));
            }
            p.points = std::move(both);
        }
        const Node radius = n.at("radius");
        if (radius.value.is_array()) {
            if (radius.arraySize() != count)
                radius.fail("expected one radius per point (" + std::to_string(count) + ")");
            for (std::size_t i = 0; i < count; ++i)
                p.pointRadii.push_back(radius.at(i).positive());
        } else {
            p.pointRadii.assign(count, radius.positive());
        }
        if (p.type == PrimitiveType::Ribbon) {
            std::vector<float> both;
            for (float r : p.pointRadii)
                both.insert(both.end(), {r, r});
            p.pointRadii = std::move(both);
        }
    } else if (type == "halfspace") {
        p.type = PrimitiveType::HalfSpace;
        p.centre = point(n.at("centre"));
        glm::vec3 normal = n.at("normal").vec3();
        if (mirror)
            normal = mirrorX(normal);
        if (glm::length(normal) <= 0.0f)
            n.at("normal").fail("expected a non-zero vector");
        p.radii = glm::normalize(normal);
    } else {
        n.at("type").fail("unknown type \"" + type + "\" (ellipsoid, box, tube, plate, ribbon, halfspace, vertebra)");
    }
    return p;
}

std::string readFile(const std::filesystem::path& file)
{
    return readTextFile(file);
}

} // namespace

void AnatomySpec::parseLandmarks(const std::string& text, const std::string& file)
{
    const json doc = parseJson(text, file);
    const Node root{doc, file, ""};
    checkHeader(root, "trigger-atlas/landmarks");
    const Node list = root.at("landmarks");
    for (std::size_t i = 0; i < list.arraySize(); ++i) {
        const Node e = list.at(i);
        const std::string id = e.at("id").str();
        const bool paired = e.has("paired") && e.at("paired").value == true;
        const glm::vec3 mm = e.at("position").vec3();
        for (Side side : paired ? std::vector{Side::Left, Side::Right} : std::vector{Side::Midline}) {
            Landmark l;
            l.id = side == Side::Midline ? id : id + (side == Side::Left ? "-left" : "-right");
            l.name = sidedText(e.at("name"), side);
            l.position = (side == Side::Right ? mirrorX(mm) : mm) / 1000.0f;
            for (const auto& other : landmarks)
                if (other.id == l.id)
                    e.at("id").fail("duplicate landmark id \"" + l.id + "\"");
            if (e.has("on")) {
                landmarkSurfaces.emplace_back(l.id, sidedText(e.at("on"), side));
            }
            landmarks.push_back(std::move(l));
        }
    }
}

void AnatomySpec::parseStructures(const std::string& text, const std::string& file)
{
    const json doc = parseJson(text, file);
    const Node root{doc, file, ""};
    checkHeader(root, "trigger-atlas/structures");
    const Node list = root.at("structures");
    for (std::size_t i = 0; i < list.arraySize(); ++i) {
        const Node e = list.at(i);
        const std::string id = e.at("id").str();
        const bool paired = e.has("paired") && e.at("paired").value == true;
        const std::string layer = e.at("layer").str(), kind = e.at("kind").str();
        const auto layerValue = layerFromString(layer);
        if (!layerValue)
            e.at("layer").fail("unknown layer \"" + layer + "\"");
        const auto kindValue = kindFromString(kind);
        if (!kindValue)
            e.at("kind").fail("unknown kind \"" + kind + "\"");
        const Node shape = e.at("shape");
        if (shape.arraySize() == 0)
            shape.fail("a shape needs at least one primitive");
        for (Side side : paired ? std::vector{Side::Left, Side::Right} : std::vector{Side::Midline}) {
            StructureSpec s;
            s.id = side == Side::Midline ? id : id + (side == Side::Left ? "-left" : "-right");
            s.name = sidedText(e.at("name"), side);
            s.latin = sidedText(e.at("latin"), side);
            s.fma = sidedText(e.at("fma"), side);
            s.side = side;
            s.layer = *layerValue;
            s.kind = *kindValue;
            if (e.has("voxel"))
                s.voxel = e.at("voxel").positive();
            if (e.has("clearance"))
                s.clearance = e.at("clearance").positive();
            if (e.has("refine")) {
                const Node r = e.at("refine");
                s.refineVoxel = r.at("voxel").positive();
                const auto [lo, hi] = boxCorners(r);
                s.refineBox.expand(side == Side::Right ? glm::vec3(-hi.x, lo.y, lo.z) : lo);
                s.refineBox.expand(side == Side::Right ? glm::vec3(-lo.x, hi.y, hi.z) : hi);
            }
            if (e.has("face")) {
                const Node f = e.at("face");
                if (s.clearance < 0.0f)
                    f.fail("a face region belongs to a skin, which gives a clearance");
                const auto [lo, hi] = boxCorners(f);
                s.faceBox.expand(lo);
                s.faceBox.expand(hi);
                s.faceFade = f.at("fade").positive();
                s.faceClearance = f.at("clearance").positive();
                s.faceBlend = f.at("blend").positive();
                if (2.0f * s.faceFade > std::min({hi.x - lo.x, hi.y - lo.y, hi.z - lo.z}))
                    f.at("fade").fail("the fade is wider than half the box");
                if (s.faceClearance > s.clearance)
                    f.at("clearance").fail("the face's clearance is larger than the skin's own");
            }
            std::vector<Primitive> prims;
            for (std::size_t k = 0; k < shape.arraySize(); ++k) {
                const Node item = shape.at(k);
                if (item.has("type") && item.at("type").str() == "vertebra") {
                    if (side != Side::Midline)
                        item.fail("a vertebra is a midline structure");
                    const auto parts = expandVertebra(item);
                    prims.insert(prims.end(), parts.begin(), parts.end());
                } else {
                    prims.push_back(parsePrimitive(item, side == Side::Right));
                }
            }
            if (prims.front().op != CsgOp::Union)
                shape.at(std::size_t{0}).fail("the first primitive must be added");
            s.shape = SdfShape(std::move(prims));
            for (const auto& other : structures)
                if (other.id == s.id)
                    e.at("id").fail("duplicate structure id \"" + s.id + "\"");
            structures.push_back(std::move(s));
        }
    }
}

std::vector<Landmark> AnatomySpec::placedLandmarks() const
{
    std::vector<Landmark> out = landmarks;
    for (auto& l : out) {
        for (const auto& [landmark, structure] : landmarkSurfaces) {
            if (landmark != l.id)
                continue;
            for (const auto& s : structures) {
                if (s.id != structure)
                    continue;
                glm::vec3 p = l.position * 1000.0f;
                for (int step = 0; step < 6; ++step) {
                    constexpr float e = 0.25f;
                    const float d = s.shape.distance(p);
                    const glm::vec3 g{s.shape.distance(p + glm::vec3(e, 0, 0)) - s.shape.distance(p - glm::vec3(e, 0, 0)),
                                      s.shape.distance(p + glm::vec3(0, e, 0)) - s.shape.distance(p - glm::vec3(0, e, 0)),
                                      s.shape.distance(p + glm::vec3(0, 0, e)) - s.shape.distance(p - glm::vec3(0, 0, e))};
                    const float len = glm::length(g);
                    if (len <= 0.0f)
                        break;
                    p -= d * g / len;
                }
                l.position = p / 1000.0f;
            }
        }
    }
    return out;
}

AnatomySpec AnatomySpec::load(const std::filesystem::path& dir)
{
    AnatomySpec spec;
    for (const char* name : {"bones.json", "skin.json"}) {
        const auto file = dir / name;
        spec.parseStructures(readFile(file), file.string());
    }
    const auto file = dir / "landmarks.json";
    spec.parseLandmarks(readFile(file), file.string());
    spec.muscles = loadMuscleSpec(dir / "muscles.json");
    for (const auto& [landmark, structure] : spec.landmarkSurfaces) {
        bool found = false;
        for (const auto& s : spec.structures)
            found = found || s.id == structure;
        if (!found)
            throw ValidationError(file.string() + ": landmark \"" + landmark + "\": \"on\" names unknown structure \"" +
                                  structure + "\"");
    }
    return spec;
}

} // namespace ta::core::anatomy
