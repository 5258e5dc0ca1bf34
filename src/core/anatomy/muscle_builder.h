#pragma once
// Procedural muscle geometry from the muscle specification (muscle_spec.h).
//
// A muscle is a thick sheet. Its mid-surface is swept through the spec's stations (origin curve, via
// curves, insertion curve): each station is resampled across its width by arc length, and the stations are
// joined origin -> insertion by Catmull-Rom splines. The sheet is then given thickness along its normal
// (full at mid-width, `edgeRatio` of it at the side edges, rounded beyond them), which yields a closed tube
// of quads: top face, bottom face, two rounded side faces and two small end caps. Triangles wind counter-clockwise seen from outside
// (positive signed volume); normals are smooth; every vertex carries the unit fibre direction, the
// tangent of its origin -> insertion line.
#include "core/anatomy/muscle_spec.h"
#include "core/anatomy_model.h"

#include <vector>

namespace ta::core::anatomy {

struct MuscleSpec;

/// Builds every muscle of the spec, left (+X, as specified) then right (mirrored), in spec order.
/// Ids are "<base>-left" / "<base>-right"; extras (name, latin, fma, side, layer, kind = muscle) filled.
/// Deterministic: the same spec gives the same bytes. Does not throw for a spec that loadMuscleSpec
/// accepted.
std::vector<core::Structure> buildMuscles(const MuscleSpec& spec);

/// The closed mesh of one muscle on the LEFT side (as specified), in the model frame.
core::Mesh buildMuscleMesh(const MuscleDef& def);

/// The mirror image of a mesh through the mid-sagittal plane (x -> -x), winding kept outward.
core::Mesh mirrorMesh(const core::Mesh& mesh);

} // namespace ta::core::anatomy
