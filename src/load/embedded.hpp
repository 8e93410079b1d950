// The fact base built into the binary. Defined in a file generated at build time by
// nkfacts-embed from facts/*.toml (see src/tools/embed_facts.cpp): the same loader checks
// the files at build time and the records are emitted as constexpr arrays that the
// returned fact base views in place, so start-up parses, builds and copies nothing.
#pragma once

#include "model/fact_base.hpp"

namespace nkfacts::load {

model::FactBase embedded_fact_base();

}  // namespace nkfacts::load
