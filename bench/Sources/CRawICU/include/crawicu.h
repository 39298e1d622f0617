// CRawICU: the raw ICU word-break baseline of the tokenizer benchmark.
//
// It does the least work any ICU-based tokenizer must do: point a UBRK_WORD iterator at UTF-8
// text through a UText, call ubrk_next and ubrk_getRuleStatus for every boundary, and count the
// word-like segments (rule status >= UBRK_WORD_NONE_LIMIT, i.e. 100). No tokens are made.
//
// Like the library's CICUShim, this header uses only <stdint.h> types and an opaque handle and
// never includes a <unicode/...> header: Foundation on Linux carries its own ICU whose C types
// clash with the system's in any Swift module that sees both.
#ifndef CRAWICU_H
#define CRAWICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A UBRK_WORD break iterator and the UText it reads through. Not thread-safe.
typedef struct crawicu_counter crawicu_counter;

/// Opens a word break iterator for `locale` ("" is ICU's root locale, as the library uses).
/// Returns NULL and sets *status > 0 (an ICU UErrorCode) on failure.
crawicu_counter *crawicu_open(const char *locale, int32_t *status);

/// Frees the counter. NULL is ignored.
void crawicu_close(crawicu_counter *counter);

/// Sets the iterator's text to `length` bytes of UTF-8 and counts its word-like segments
/// (rule status >= 100). Returns -1 and sets *status > 0 on error; length must be below 2^31.
int64_t crawicu_count_words(crawicu_counter *counter, const uint8_t *text, int64_t length, int32_t *status);

/// Counts the word-like segments of `count` documents, document i being the `lengths[i]` bytes
/// at `base + starts[i]`, setting the iterator's text once per document (as the analysis chain
/// does). The whole loop runs in C. Returns the total, or -1 and sets *status > 0 on error.
int64_t crawicu_count_words_in_documents(crawicu_counter *counter, const uint8_t *base, const int64_t *starts,
                                         const int32_t *lengths, int64_t count, int32_t *status);

/// Writes ICU's version ("72.1") as a NUL-terminated string into a buffer of at least 32 bytes.
void crawicu_version(char *version);

#ifdef __cplusplus
}
#endif

#endif
