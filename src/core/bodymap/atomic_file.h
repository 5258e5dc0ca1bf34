#pragma once
// Moved: the one atomic-write routine lives in core/atomic_file.h, whole-file reads in core/read_file.h.
// This header stays so branches written against the old path still build; new code includes those.
#include "core/atomic_file.h"
#include "core/read_file.h"
