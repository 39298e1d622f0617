// Embeds sentiment-lexicon.tsv, the readable lexicon file beside this one, into the binary.
// clang records the file as a dependency, so editing the .tsv rebuilds this target.
#include "csentimentlexicon.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char lexicon[] = {
#embed "sentiment-lexicon.tsv"
};

const unsigned char *tm_sentiment_lexicon_bytes(size_t *count) {
    *count = sizeof(lexicon);
    return lexicon;
}
