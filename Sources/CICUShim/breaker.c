// Word and sentence break iteration over UTF-8 text with ICU.
#include "cicushim.h"
#include "ascii_words.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

struct cicu_breaker {
    UBreakIterator *iterator;
    UText text;             // reused across set_text calls: no allocation per document
    const uint8_t *bytes;   // the caller's bytes (not owned)
    int32_t length;
    int32_t last;           // start of the next segment
    int32_t kind;
    int has_text;       // ICU has a text (b->text is open)
    int fast_ascii;     // word breaker, root locale, fast path checked against ICU: ASCII texts skip ICU
    int ascii;          // the current text is ASCII and segmented by the fast path
};

static cicu_breaker *wrap(UBreakIterator *iterator, int32_t kind) {
    cicu_breaker *b = calloc(1, sizeof(cicu_breaker));
    if (b == NULL) {
        ubrk_close(iterator);
        return NULL;
    }
    UText initial = UTEXT_INITIALIZER;
    b->text = initial;
    b->iterator = iterator;
    b->kind = kind;
    return b;
}

cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIteratorType type = kind == CICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    cicu_breaker *b = wrap(iterator, kind);
    if (b == NULL) {
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    const char *icu_only = getenv("TRANSCRIPTMINER_ICU_ONLY");
    b->fast_ascii = kind == CICU_BREAK_WORD && locale != NULL && locale[0] == 0
        && !(icu_only != NULL && icu_only[0] == '1') && cicu_ascii_words_match_icu();
    return b;
}

cicu_breaker *cicu_breaker_clone(const cicu_breaker *prototype, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_clone(prototype->iterator, &error);
    // U_SAFECLONE_ALLOCATED_WARNING is expected (negative): only errors count.
    *status = U_FAILURE(error) ? error : U_ZERO_ERROR;
    if (U_FAILURE(error)) return NULL;
    cicu_breaker *b = wrap(iterator, prototype->kind);
    if (b == NULL) {
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->fast_ascii = prototype->fast_ascii;
    return b;
}

int32_t cicu_breaker_uses_ascii_fast_path(const cicu_breaker *b) { return b->fast_ascii; }

void cicu_breaker_set_ascii_fast_path(cicu_breaker *b, int32_t enabled) {
    b->fast_ascii = enabled && b->kind == CICU_BREAK_WORD && cicu_ascii_words_match_icu();
}

void cicu_breaker_close(cicu_breaker *b) {
    if (b == NULL) return;
    ubrk_close(b->iterator);
    if (b->has_text) utext_close(&b->text);
    free(b);
}

/// Points ICU at the breaker's current text.
static void set_icu_text(cicu_breaker *b, UErrorCode *error) {
    utext_openUTF8(&b->text, (const char *)b->bytes, b->length, error);
    if (U_SUCCESS(*error)) {
        b->has_text = 1;
        ubrk_setUText(b->iterator, &b->text, error);
    }
}

void cicu_breaker_set_text(cicu_breaker *b, const uint8_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    static const char empty[1] = {0};
    const char *chars = text != NULL ? (const char *)text : empty;
    if (text == NULL) length = 0;
    b->bytes = (const uint8_t *)chars;
    b->length = length;
    b->last = 0;
    // ASCII text skips ICU when the fast path is on: it gives the same segments (ascii_words.c).
    b->ascii = b->fast_ascii && length >= 0 && cicu_is_ascii(b->bytes, length);
    if (!b->ascii) set_icu_text(b, &error);
    *status = U_FAILURE(error) ? error : U_ZERO_ERROR;
}

/// Whether the segment starting at `start` begins with an emoji code point.
static int starts_with_emoji(const uint8_t *bytes, int32_t start, int32_t end) {
    if (bytes[start] < 0x80) return 0;  // ASCII: space or punctuation (keycaps start with a digit: status 100)
    int32_t i = start;
    UChar32 c;
    U8_NEXT(bytes, i, end, c);
    if (c < 0x100) return 0;  // ©, ® are Extended_Pictographic but read as symbols in text
    return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
           u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}

int32_t cicu_breaker_next_segments(cicu_breaker *b, int32_t *out, int32_t capacity) {
    int32_t n = 0;
    int32_t start = b->last;
    if (start < 0) return 0;
    if (b->ascii) {
        n = cicu_ascii_words(b->bytes, b->length, &b->last, out, capacity);
        if (n < capacity) b->last = -1;
        return n;
    }
    while (n < capacity) {
        int32_t end = ubrk_next(b->iterator);
        if (end == UBRK_DONE) {
            start = -1;
            break;
        }
        int32_t status = ubrk_getRuleStatus(b->iterator);
        if (b->kind == CICU_BREAK_WORD && status < UBRK_WORD_NONE_LIMIT) {
            if (!starts_with_emoji(b->bytes, start, end)) {
                start = end;
                continue;
            }
            status = CICU_STATUS_EMOJI;
        }
        out[3 * n] = start;
        out[3 * n + 1] = end;
        out[3 * n + 2] = status;
        n++;
        start = end;
    }
    b->last = start;
    return n;
}

int64_t cicu_breaker_count_all(cicu_breaker *b) {
    int64_t count = 0;
    if (b->ascii) {
        // Counting every segment (not only words) is ICU's job: give it the text now.
        UErrorCode error = U_ZERO_ERROR;
        b->ascii = 0;
        set_icu_text(b, &error);
        if (U_FAILURE(error)) return 0;
    }
    while (ubrk_next(b->iterator) != UBRK_DONE) count++;
    b->last = -1;
    return count;
}
