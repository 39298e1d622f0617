// Word segments of ASCII-only text without ICU: the shim's fast path (see ascii_words.c).
// Private to CICUShim: not part of the public header.
#ifndef CICUSHIM_ASCII_WORDS_H
#define CICUSHIM_ASCII_WORDS_H

#include <stdint.h>

/// Whether all `length` bytes of `text` are ASCII (below 0x80).
int cicu_is_ascii(const uint8_t *text, int32_t length);

/// Writes the word-like segments (rule status >= 100) of the ASCII text `text` from offset
/// `*position` on as (start, end, status) triples into `out`, at most `capacity` of them, and
/// moves `*position` past the last one written. Returns how many were written.
int32_t cicu_ascii_words(const uint8_t *text, int32_t length, int32_t *position, int32_t *out, int32_t capacity);

/// Whether the fast path gives exactly what the linked ICU's root word breaker gives on the
/// self-check strings (computed once per process; see ascii_words_check.c).
int cicu_ascii_words_match_icu(void);

/// (cicu_ascii_words_compare, for tests, is declared in the public header.)

#endif
