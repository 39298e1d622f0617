/// One unit the sentiment rules see: a token of the analysis chain (word, hashtag, emoji,
/// mention, URL…), a phrase made of several, or an emoticon found in the raw text.
struct SentimentItem {
    /// The lookup text (normalised; a phrase's words joined by spaces; an emoticon as written).
    var text: String
    /// UTF-8 offsets in the original text.
    var start: Int
    var end: Int
    /// The lexicon valence, 0 when none (or when a rule reads the word as a modifier).
    var base: Double = 0
    /// The valence after the rules.
    var valence: Double = 0
    /// Whether words of this kind can carry sentiment and join phrases.
    var isLexical = false
    /// At least two letters, all upper case.
    var isAllCaps = false
    /// At least two cased letters (takes part in the mixed-case test).
    var isCased = false
    /// The clause and the sentence, counted from the punctuation between tokens.
    var clause = 0
    var sentence = 0
    /// The booster (> 0) or dampener (< 0) step, 0 for other words.
    var boost: Double = 0
    var isNegator = false
    /// The first word of a lexicon phrase / of a frustration amplifier.
    var isPhraseHead = false
    var isAmplifierHead = false
    /// Extra emphasis (elongated word).
    var emphasis: Double = 0

    init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}
