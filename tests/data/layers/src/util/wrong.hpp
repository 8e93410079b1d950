// A wrong-way include: util/ knows nothing of the product.
#include "model/records.hpp"
