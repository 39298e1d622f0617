// The word segments of ASCII-only text, computed without ICU.
//
// For text that is all ASCII, ICU 72's root word break rules reduce to a few character classes,
// found by experiment on the linked ICU (every ASCII character in every context of up to three
// characters) rather than from the Unicode property, which differs: '@' is a letter, ':' is not
// a MidLetter, '"' only matters between Hebrew letters.
//
//   letter   A-Z a-z @         numeric  0-9          extend   _
//   mid      . '               (joins letters: WB6/7, and digits: WB11/12)
//   midnum   , ;               (joins digits only)
//   other    everything else (space, CR, LF, punctuation, controls)
//
// A word-like segment starts at a letter, digit or '_' and runs on over letters, digits and
// '_' (WB5, 8, 9, 10, 13a, 13b), and over one mid character between two letters or one mid
// or midnum character between two digits. Its rule status is that of its last character:
// letter 200, digit 100; a final '_' takes 100 after a digit and 200 otherwise, and a lone
// '_' has status 0 (not a word). Everything else is a segment of status 0, which the shim
// never reports for ASCII text (no emoji).
//
// That this equals ICU is checked three ways: at run time, once per process, against the
// linked ICU before the fast path is used (cicu_ascii_words_match_icu); by the tests, on every
// string of up to 7 characters over one character of each class and more; and, when the fast
// path was written, on 51 million strings (all strings of up to 8 characters over the classes,
// every string of up to 3 ASCII characters, and random strings of up to 1,200).
#include "ascii_words.h"

#include <string.h>

enum {
    OTHER = 0,
    LETTER = 1,
    NUMERIC = 2,
    EXTEND = 4,   // ExtendNumLet: '_'
    MID = 8,      // MidNumLet and Single_Quote: '.' '\''
    MIDNUM = 16,  // MidNum: ',' ';'
    WORDLIKE = LETTER | NUMERIC | EXTEND
};

static const uint8_t classes[128] = {
    ['0' ... '9'] = NUMERIC,
    ['A' ... 'Z'] = LETTER,
    ['a' ... 'z'] = LETTER,
    ['@'] = LETTER,
    ['_'] = EXTEND,
    ['.'] = MID,
    ['\''] = MID,
    [','] = MIDNUM,
    [';'] = MIDNUM,
};

int cicu_is_ascii(const uint8_t *text, int32_t length) {
    int32_t i = 0;
    uint64_t high = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        memcpy(&word, text + i, 8);
        high |= word;
    }
    for (; i < length; i++) high |= text[i];
    return (high & 0x8080808080808080ULL) == 0;
}

int32_t cicu_ascii_words(const uint8_t *text, int32_t length, int32_t *position, int32_t *out, int32_t capacity) {
    int32_t n = 0;
    int32_t i = *position;
    while (n < capacity && i < length) {
        if (!(classes[text[i]] & WORDLIKE)) {
            i++;
            continue;
        }
        int32_t start = i++;
        while (i < length) {
            uint8_t c = classes[text[i]];
            if (c & WORDLIKE) {
                i++;
                continue;
            }
            if (i + 1 < length && (c & (MID | MIDNUM))) {
                uint8_t before = classes[text[i - 1]], after = classes[text[i + 1]];
                if ((before == LETTER && after == LETTER && c == MID) || (before == NUMERIC && after == NUMERIC)) {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        uint8_t last = classes[text[i - 1]];
        int32_t status;
        if (last == LETTER) {
            status = 200;
        } else if (last == NUMERIC) {
            status = 100;
        } else if (i - start >= 2) {
            status = classes[text[i - 2]] == NUMERIC ? 100 : 200;
        } else {
            continue;  // a lone '_'
        }
        out[3 * n] = start;
        out[3 * n + 1] = i;
        out[3 * n + 2] = status;
        n++;
    }
    *position = i;
    return n;
}
