// The raw ICU word-break loop (see include/crawicu.h).
#include "crawicu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct crawicu_counter {
    UBreakIterator *iterator;
    UText text;  // reused for every document: utext_openUTF8 on an open UText allocates nothing
    int has_text;
};

crawicu_counter *crawicu_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    crawicu_counter *c = calloc(1, sizeof(crawicu_counter));
    if (c == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    UText initial = UTEXT_INITIALIZER;
    c->text = initial;
    c->iterator = iterator;
    return c;
}

void crawicu_close(crawicu_counter *c) {
    if (c == NULL) return;
    ubrk_close(c->iterator);
    if (c->has_text) utext_close(&c->text);
    free(c);
}

/// Points the iterator at the text; returns 0 on success.
static int set_text(crawicu_counter *c, const uint8_t *text, int64_t length, UErrorCode *error) {
    if (length < 0 || length > INT32_MAX) {
        *error = U_INDEX_OUTOFBOUNDS_ERROR;
        return -1;
    }
    static const char empty[1] = {0};
    utext_openUTF8(&c->text, text != NULL ? (const char *)text : empty, text != NULL ? length : 0, error);
    if (U_FAILURE(*error)) return -1;
    c->has_text = 1;
    ubrk_setUText(c->iterator, &c->text, error);
    return U_FAILURE(*error) ? -1 : 0;
}

/// The word loop over the iterator's current text.
static int64_t count_words(UBreakIterator *iterator) {
    int64_t words = 0;
    while (ubrk_next(iterator) != UBRK_DONE) {
        if (ubrk_getRuleStatus(iterator) >= UBRK_WORD_NONE_LIMIT) words++;
    }
    return words;
}

int64_t crawicu_count_words(crawicu_counter *c, const uint8_t *text, int64_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    if (set_text(c, text, length, &error) != 0) {
        *status = error;
        return -1;
    }
    *status = U_ZERO_ERROR;
    return count_words(c->iterator);
}

int64_t crawicu_count_words_in_documents(crawicu_counter *c, const uint8_t *base, const int64_t *starts,
                                         const int32_t *lengths, int64_t count, int32_t *status) {
    int64_t words = 0;
    for (int64_t i = 0; i < count; i++) {
        UErrorCode error = U_ZERO_ERROR;
        if (set_text(c, base + starts[i], lengths[i], &error) != 0) {
            *status = error;
            return -1;
        }
        words += count_words(c->iterator);
    }
    *status = U_ZERO_ERROR;
    return words;
}

void crawicu_version(char *version) {
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, version);
}
