#pragma once
// The names people use for structures: "Upper trapezius" for "Descending part of left trapezius", "SCM,
// sternal head" for "Sternal head of left sternocleidomastoid". Labels and presentation mode use these;
// the info panel keeps the formal English and the Latin names. No UI, no GL.
#include "core/anatomy_model.h"

#include <string>
#include <string_view>

namespace ta::session {

/// The short common name of a structure, without the side: a table for the muscles therapists name
/// otherwise, else the formal name with the side word taken out ("Left levator scapulae" -> "Levator
/// scapulae"). Never empty for a structure with a name or an id.
std::string commonName(const core::Structure& structure);

/// The first word of a structure id: "trapezius" for "trapezius-descending-left", "c7" for "c7". Parts of
/// one muscle share it.
std::string familyOf(std::string_view structureId);

/// Where a part sits in its muscle, top to bottom (Upper 0, Middle 1, Lower 2), for lists in anatomical
/// order; 1 when the name says nothing about it.
int partRank(const core::Structure& structure);

/// List order: by muscle (first id word), then left before right, then top to bottom (Upper, Middle,
/// Lower trapezius), then by common name.
bool listedBefore(const core::Structure& a, const core::Structure& b);

} // namespace ta::session
