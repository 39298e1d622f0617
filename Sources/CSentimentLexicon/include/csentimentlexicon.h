#ifndef CSENTIMENTLEXICON_H
#define CSENTIMENTLEXICON_H

#include <stddef.h>

/// The bytes of the built-in sentiment lexicon (`sentiment-lexicon.tsv`, UTF-8, read-only,
/// static storage): the file is compiled into the binary with C23 `#embed`, so no resource
/// bundle has to be found at run time and a copied `minectl` binary still has its lexicon.
/// Stores the length in `*count`.
const unsigned char *tm_sentiment_lexicon_bytes(size_t *count);

#endif
