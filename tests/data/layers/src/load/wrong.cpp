// A wrong-way include: load/ never prints.
#include "render/text.hpp"
