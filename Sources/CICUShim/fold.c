// NFKC_Casefold, Turkic case folding and accent stripping with ICU.
#include "cicushim.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

enum { STACK_UNITS = 256 };

/// A UTF-16 buffer that lives on the stack while it is small.
typedef struct {
    UChar *units;
    int32_t capacity;
    UChar stack[STACK_UNITS];
} buffer16;

static void buffer_init(buffer16 *b) {
    b->units = b->stack;
    b->capacity = STACK_UNITS;
}

static int buffer_reserve(buffer16 *b, int32_t capacity) {
    if (capacity <= b->capacity) return 1;
    UChar *units = malloc(sizeof(UChar) * (size_t)capacity);
    if (units == NULL) return 0;
    if (b->units != b->stack) free(b->units);
    b->units = units;
    b->capacity = capacity;
    return 1;
}

static void buffer_free(buffer16 *b) {
    if (b->units != b->stack) free(b->units);
}

/// Normalizes `in` (length `n`) with `norm` into `out`, growing it as needed. Returns the length or -1.
static int32_t normalize(const UNormalizer2 *norm, const UChar *in, int32_t n, buffer16 *out, UErrorCode *error) {
    int32_t length = unorm2_normalize(norm, in, n, out->units, out->capacity, error);
    if (*error == U_BUFFER_OVERFLOW_ERROR) {
        *error = U_ZERO_ERROR;
        if (!buffer_reserve(out, length + 1)) {
            *error = U_MEMORY_ALLOCATION_ERROR;
            return -1;
        }
        length = unorm2_normalize(norm, in, n, out->units, out->capacity, error);
    }
    return U_FAILURE(*error) ? -1 : length;
}

/// Whether accents after a base letter of this script are decoration rather than letters.
static int script_has_decorative_marks(UScriptCode script) {
    return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC;
}

/// Removes nonspacing marks that follow a Latin, Greek or Cyrillic base, in place. Returns the new length.
static int32_t strip_marks(UChar *units, int32_t length) {
    int32_t read = 0, write = 0;
    int decorative = 0;
    while (read < length) {
        int32_t begin = read;
        UChar32 c;
        U16_NEXT(units, read, length, c);
        int8_t type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
            if (decorative) continue;
        } else {
            UErrorCode error = U_ZERO_ERROR;
            decorative = script_has_decorative_marks(uscript_getScript(c, &error));
        }
        while (begin < read) units[write++] = units[begin++];
    }
    return write;
}

int32_t cicu_fold(const uint8_t *source, int32_t length, uint8_t *destination, int32_t capacity,
                  uint32_t options, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    buffer16 a, b;
    buffer_init(&a);
    buffer_init(&b);
    int32_t result = -1;

    // UTF-8 -> UTF-16 (ill-formed bytes become U+FFFD).
    int32_t n = 0;
    u_strFromUTF8WithSub(a.units, a.capacity, &n, (const char *)source, length, 0xFFFD, NULL, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
        error = U_ZERO_ERROR;
        if (!buffer_reserve(&a, n + 1)) { error = U_MEMORY_ALLOCATION_ERROR; goto done; }
        u_strFromUTF8WithSub(a.units, a.capacity, &n, (const char *)source, length, 0xFFFD, NULL, &error);
    }
    if (U_FAILURE(error)) goto done;

    UChar *current = a.units;
    buffer16 *spare = &b;
    if (options & CICU_FOLD_TURKIC) {
        // Turkic folding first (I -> ı, İ -> i); NFKC_Casefold then leaves ı and i alone.
        int32_t m = u_strFoldCase(b.units, b.capacity, current, n, U_FOLD_CASE_EXCLUDE_SPECIAL_I, &error);
        if (error == U_BUFFER_OVERFLOW_ERROR) {
            error = U_ZERO_ERROR;
            if (!buffer_reserve(&b, m + 1)) { error = U_MEMORY_ALLOCATION_ERROR; goto done; }
            m = u_strFoldCase(b.units, b.capacity, current, n, U_FOLD_CASE_EXCLUDE_SPECIAL_I, &error);
        }
        if (U_FAILURE(error)) goto done;
        // Swap: the folded text is in b, a becomes the spare buffer.
        current = b.units;
        n = m;
        spare = &a;
    }

    const UNormalizer2 *casefold = unorm2_getNFKCCasefoldInstance(&error);
    if (U_FAILURE(error)) goto done;
    int32_t m = normalize(casefold, current, n, spare, &error);
    if (m < 0) goto done;
    buffer16 *folded = spare;

    if (options & CICU_FOLD_STRIP_ACCENTS) {
        // NFD, drop decorative marks, NFC.
        buffer16 *other = folded == &a ? &b : &a;
        const UNormalizer2 *nfd = unorm2_getNFDInstance(&error);
        if (U_FAILURE(error)) goto done;
        int32_t d = normalize(nfd, folded->units, m, other, &error);
        if (d < 0) goto done;
        d = strip_marks(other->units, d);
        const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
        if (U_FAILURE(error)) goto done;
        m = normalize(nfc, other->units, d, folded, &error);
        if (m < 0) goto done;
    }

    int32_t written = 0;
    u_strToUTF8((char *)destination, capacity, &written, folded->units, m, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING) error = U_ZERO_ERROR;
    if (U_FAILURE(error)) goto done;
    result = written;

done:
    buffer_free(&a);
    buffer_free(&b);
    *status = U_FAILURE(error) ? error : U_ZERO_ERROR;
    return result;
}
