/// One unit the sentiment rules see: a token of the analysis chain (word, hashtag, emoji,
/// mention, URL…), a phrase made of several, or an emoticon found in the raw text.
///
/// A plain value without references (no retain or release when items are copied).
struct SentimentItem {
    /// UTF-8 offsets in the original text.
    var start: Int
    var end: Int
    /// The id of the item's lookup text (normalised; elongations collapsed when that matched) in
    /// the scorer's ``SentimentWordTable``, −1 when the text has none (unknown words, phrases,
    /// emoticons, URLs…). The rules compare ids where they used to compare texts.
    var word: Int32 = -1
    /// The clause and the sentence, counted from the punctuation between tokens.
    var clause: Int32
    var sentence: Int32
    /// Whether words of this kind can carry sentiment and join phrases.
    var isLexical = false
    /// At least two letters, all upper case.
    var isAllCaps = false
    /// At least two cased letters (takes part in the mixed-case test).
    var isCased = false
    var isNegator = false
    /// The first word of a lexicon phrase / of a frustration amplifier.
    var isPhraseHead = false
    var isAmplifierHead = false
    /// The lexicon valence, 0 when none (or when a rule reads the word as a modifier).
    var base: Double = 0
    /// The valence after the rules.
    var valence: Double = 0
    /// The booster (> 0) or dampener (< 0) step, 0 for other words.
    var boost: Double = 0
    /// Extra emphasis (elongated word).
    var emphasis: Double = 0

    @inline(__always)
    init(start: Int, end: Int, clause: Int32, sentence: Int32) {
        self.start = start
        self.end = end
        self.clause = clause
        self.sentence = sentence
    }
}
