#pragma once
// Procedural muscle geometry from the muscle specification (muscle_spec.h).
//
// A muscle is a thick sheet. Its mid-surface is swept through the spec's stations (origin curve, via
// curves, insertion curve): each station is resampled across its width by arc length, and the stations are
// joined origin -> insertion by Catmull-Rom splines. The sheet is then given thickness along its normal
// (full at mid-width, `edgeRatio` of it at the side edges, rounded beyond them), which yields a closed tube
// of quads: top face, bottom face, two rounded side faces and two small end caps. Between its first and
// last rows the mid-surface is laid over what the muscle lies on (MuscleWrap): pushed out of it to keep
// the gap plus half the local thickness, and, within `hug`, pulled down onto it, in a few relaxation
// passes that keep the sheet smooth. Triangles wind counter-clockwise seen from outside
// (positive signed volume); normals are smooth; every vertex carries the unit fibre direction, the
// tangent of its origin -> insertion line.
#include "core/anatomy/anatomy_spec.h"
#include "core/anatomy/muscle_spec.h"
#include "core/anatomy_model.h"

#include <functional>
#include <vector>

namespace ta::core::anatomy {

struct MuscleSpec;

/// Signed distance (metres; negative inside) to what a muscle lies on, at a model-frame point (metres).
/// A value of 1 or more means "nothing near": the point is left where it is.
using UnderlyingField = std::function<float(const glm::vec3&)>;

/// Builds every muscle of the spec, left (+X, as specified) then right (mirrored), in spec order: the
/// stations from the placed landmarks (AnatomySpec::placedLandmarks), each muscle laid over its "wrap"
/// structures (the bones' shapes, and the meshes of muscles built before it).
/// Ids are "<base>-left" / "<base>-right"; extras (name, latin, fma, side, layer, kind = muscle) filled.
/// Deterministic: the same spec gives the same bytes. Throws ValidationError for an anchor on an unknown
/// landmark or a wrap naming an unknown (or later) structure.
std::vector<core::Structure> buildMuscles(const AnatomySpec& spec);

/// The closed mesh of one muscle on the LEFT side (as specified, def.stations filled), in the model
/// frame, laid over `under` when given.
core::Mesh buildMuscleMesh(const MuscleDef& def, const UnderlyingField& under = {});

/// The mirror image of a mesh through the mid-sagittal plane (x -> -x), winding kept outward.
core::Mesh mirrorMesh(const core::Mesh& mesh);

} // namespace ta::core::anatomy
