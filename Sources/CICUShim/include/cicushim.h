// CICUShim: the only code in TranscriptMiner that sees ICU headers.
//
// Why a C shim: Debian's ICU headers rename every function with a version suffix
// (ubrk_open -> ubrk_open_72), which Swift cannot import, and Foundation on Linux carries its
// own ICU whose C types share names with the system's ('UErrorCode' has different
// definitions in different modules) in any Swift module that sees both. So this header uses
// only <stdint.h> types and opaque handles, and never includes a <unicode/...> header.
//
// Status codes are ICU's UErrorCode values: 0 is success, negative values are warnings,
// positive values are errors.
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which boundaries a breaker finds.
enum {
    CICU_BREAK_WORD = 0,
    CICU_BREAK_SENTENCE = 1
};

/// The status the word breaker reports for a segment that ICU calls "none" (rule status 0-99)
/// but that starts with an emoji (Extended_Pictographic above U+00FF, or a regional indicator).
/// ICU itself never reports a negative rule status.
enum { CICU_STATUS_EMOJI = -1 };

/// An ICU break iterator over UTF-8 text. Not thread-safe: use one per thread or task
/// (cicu_breaker_clone makes a cheap copy of a prototype).
typedef struct cicu_breaker cicu_breaker;

/// Opens a breaker of `kind` (CICU_BREAK_WORD or CICU_BREAK_SENTENCE) for `locale` ("" for
/// the root locale). Returns NULL and sets *status > 0 on failure.
cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status);

/// A new breaker with the prototype's rules and no text. The prototype is only read.
cicu_breaker *cicu_breaker_clone(const cicu_breaker *prototype, int32_t *status);

/// Frees the breaker. NULL is ignored.
void cicu_breaker_close(cicu_breaker *breaker);

/// Points the breaker at `length` bytes of UTF-8. The bytes are not copied: they must stay
/// valid and unchanged until the next call to cicu_breaker_set_text or cicu_breaker_close.
/// Ill-formed UTF-8 is read as U+FFFD. Offsets are 32-bit: length must be below 2^31.
void cicu_breaker_set_text(cicu_breaker *breaker, const uint8_t *text, int32_t length, int32_t *status);

/// Writes up to `capacity` segments as (start, end, status) triples of int32 into `out`
/// (which holds 3 * capacity values) and returns how many it wrote; 0 once the text is done.
/// Offsets are UTF-8 byte offsets into the text. For word breakers, segments whose rule status
/// is below 100 (spaces, punctuation, symbols) are skipped, except those that start with an
/// emoji, which are reported with CICU_STATUS_EMOJI. Sentence breakers report every sentence.
int32_t cicu_breaker_next_segments(cicu_breaker *breaker, int32_t *out, int32_t capacity);

/// Whether the word breaker segments ASCII-only texts without ICU (the fast path): on for word
/// breakers of the root locale ("") once the fast path has given the same segments as the
/// linked ICU on its self-check (once per process, a few milliseconds), unless the environment
/// variable TRANSCRIPTMINER_ICU_ONLY was 1 when the breaker was opened (for benchmarks). The
/// segments a caller sees are the same either way.
int32_t cicu_breaker_uses_ascii_fast_path(const cicu_breaker *breaker);

/// Turns the ASCII fast path off (0) or back on (it stays off for sentence breakers and when
/// the self-check failed). For benchmarks and tests; takes effect at the next set_text.
void cicu_breaker_set_ascii_fast_path(cicu_breaker *breaker, int32_t enabled);

/// Compares the ASCII fast path with ICU's root word breaker on every string of up to
/// `length` (at most 16) characters drawn from the `count` ASCII characters of `alphabet`:
/// returns on how many they differ (-1 when ICU cannot be opened). For tests.
int64_t cicu_ascii_words_compare(const uint8_t *alphabet, int32_t count, int32_t length);

/// Counts every segment of the text (no filtering, nothing written): the raw iteration
/// baseline the benchmarks compare against.
int64_t cicu_breaker_count_all(cicu_breaker *breaker);

/// Options of cicu_fold.
enum {
    /// Turkish and Azeri dotted/dotless i: I -> ı, İ -> i (instead of I -> i, İ -> i̇).
    CICU_FOLD_TURKIC = 1,
    /// Remove combining marks (accents) that follow Latin, Greek or Cyrillic letters: é -> e.
    /// Marks of other scripts (Thai vowels, Devanagari matras) are kept: they are letters there.
    CICU_FOLD_STRIP_ACCENTS = 2
};

/// NFKC_Casefold of `length` bytes of UTF-8 `source` (Unicode's NFKC, case folding and
/// removal of default-ignorable code points), with `options`, written as UTF-8 into
/// `destination`. Returns the length of the result; when it exceeds `capacity` nothing
/// useful was written: call again with a larger buffer. Returns -1 and sets *status on error.
int32_t cicu_fold(const uint8_t *source, int32_t length, uint8_t *destination, int32_t capacity,
                  uint32_t options, int32_t *status);

/// Converts `length` bytes in the character set `charset` (any name ICU knows: "ISO-8859-1",
/// "windows-1252", "Shift_JIS", "GB18030", ...) to UTF-8 in `destination`. Unmappable or
/// ill-formed input becomes U+FFFD. Returns the length of the result; when it exceeds
/// `capacity` call again with a larger buffer. Returns -1 and sets *status for an unknown
/// character set or another error.
int32_t cicu_convert_to_utf8(const char *charset, const uint8_t *source, int32_t length,
                             uint8_t *destination, int32_t capacity, int32_t *status);

/// Writes ICU's version ("72.1") and the Unicode version it implements ("15.0") as
/// NUL-terminated strings into buffers of at least 32 bytes.
void cicu_versions(char *icu_version, char *unicode_version);

/// ICU's name of a status code ("U_ILLEGAL_ARGUMENT_ERROR"). Never NULL.
const char *cicu_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
