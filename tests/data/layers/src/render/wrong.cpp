// A wrong-way include: render/ does not call query/.
#include "render/text.hpp"
#include "query/search.hpp"
