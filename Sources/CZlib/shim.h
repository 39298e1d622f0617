// zlib (Debian's zlib1g-dev), for gzip-compressed inputs.
#include <zlib.h>
