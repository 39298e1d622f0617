// Character set conversion to UTF-8 and version information.
#include "cicushim.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

int32_t cicu_convert_to_utf8(const char *charset, const uint8_t *source, int32_t length,
                             uint8_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t n = ucnv_convert("UTF-8", charset, (char *)destination, capacity,
                             (const char *)source, length, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING) error = U_ZERO_ERROR;
    *status = U_FAILURE(error) ? error : U_ZERO_ERROR;
    return U_FAILURE(error) ? -1 : n;
}

void cicu_versions(char *icu_version, char *unicode_version) {
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, icu_version);
    u_getUnicodeVersion(v);
    u_versionToString(v, unicode_version);
}

const char *cicu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}
