// Checks the ASCII fast path (ascii_words.c) against the linked ICU's root word breaker.
#include "ascii_words.h"
#include "cicushim.h"

#include <pthread.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

enum { MAX_CHECK_LENGTH = 16, MAX_SEGMENTS = MAX_CHECK_LENGTH };

typedef struct {
    UBreakIterator *iterator;
    UText text;
} checker;

/// Whether ICU and the fast path give the same word-like segments for `s`.
static int same(checker *c, const uint8_t *s, int32_t n) {
    UErrorCode error = U_ZERO_ERROR;
    utext_openUTF8(&c->text, (const char *)s, n, &error);
    ubrk_setUText(c->iterator, &c->text, &error);
    if (U_FAILURE(error)) return 0;
    int32_t icu[3 * MAX_SEGMENTS], fast[3 * MAX_SEGMENTS];
    int32_t count = 0, start = 0, end;
    while ((end = ubrk_next(c->iterator)) != UBRK_DONE) {
        int32_t status = ubrk_getRuleStatus(c->iterator);
        if (status >= UBRK_WORD_NONE_LIMIT) {
            icu[3 * count] = start;
            icu[3 * count + 1] = end;
            icu[3 * count + 2] = status;
            count++;
        }
        start = end;
    }
    int32_t position = 0;
    int32_t fastCount = cicu_ascii_words(s, n, &position, fast, MAX_SEGMENTS);
    if (fastCount != count) return 0;
    for (int32_t k = 0; k < 3 * count; k++) {
        if (icu[k] != fast[k]) return 0;
    }
    return 1;
}

/// Every string of `length` - `filled` more characters of `alphabet` after `s[0..<filled]`:
/// the number that differ.
static int64_t sweep(checker *c, uint8_t *s, int32_t filled, int32_t length, const uint8_t *alphabet, int32_t count) {
    int64_t differ = same(c, s, filled) ? 0 : 1;
    if (filled == length) return differ;
    for (int32_t k = 0; k < count; k++) {
        s[filled] = alphabet[k];
        differ += sweep(c, s, filled + 1, length, alphabet, count);
    }
    return differ;
}

static int open_checker(checker *c) {
    UErrorCode error = U_ZERO_ERROR;
    c->iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &error);
    UText initial = UTEXT_INITIALIZER;
    c->text = initial;
    return U_SUCCESS(error);
}

static void close_checker(checker *c) {
    utext_close(&c->text);
    ubrk_close(c->iterator);
}

int64_t cicu_ascii_words_compare(const uint8_t *alphabet, int32_t count, int32_t length) {
    if (length > MAX_CHECK_LENGTH) length = MAX_CHECK_LENGTH;
    checker c;
    if (!open_checker(&c)) return -1;
    uint8_t s[MAX_CHECK_LENGTH];
    int64_t differ = sweep(&c, s, 0, length, alphabet, count);
    close_checker(&c);
    return differ;
}

static int matches = 0;
static pthread_once_t checked = PTHREAD_ONCE_INIT;

/// The run-time check (about 5 ms): every ASCII character alone, after and before one
/// character of each class, and between two of them; then every string of up to 4 characters
/// over one character of each class.
static void check_once(void) {
    checker c;
    if (!open_checker(&c)) return;
    static const uint8_t classes[] = "a1_.',; -";
    const int32_t count = (int32_t)sizeof(classes) - 1;
    int ok = 1;
    uint8_t s[MAX_CHECK_LENGTH];
    for (int32_t ch = 0; ch < 128 && ok; ch++) {
        s[1] = (uint8_t)ch;
        ok = same(&c, s + 1, 1);
        for (int32_t a = 0; a < count && ok; a++) {
            s[0] = classes[a];
            s[2] = classes[a];
            ok = same(&c, s, 2) && same(&c, s + 1, 2);
            for (int32_t b = 0; b < count && ok; b++) {
                s[2] = classes[b];
                ok = same(&c, s, 3);
            }
        }
    }
    if (ok) ok = sweep(&c, s, 0, 4, classes, count) == 0;
    close_checker(&c);
    matches = ok;
}

int cicu_ascii_words_match_icu(void) {
    pthread_once(&checked, check_once);
    return matches;
}
