// citfee-office: workbooks and statements are linked in; nothing to hand over.
#include "office.hpp"

namespace citfee::cli {

void keep_arguments(int, char**) {}

void need_office() {}

}  // namespace citfee::cli
