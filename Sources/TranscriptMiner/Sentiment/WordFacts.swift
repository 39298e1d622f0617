/// What the lexicon and the rules say about one word, by word id (the index of the word in the
/// scorer's ``SentimentWordTable``): built once per scorer so that each token costs one lookup.
struct WordFacts {
    var valence: Double = 0
    var boost: Double = 0
    var flags: UInt8 = 0

    /// A listed negator ("not", "never", …; words ending in "n't" are negators by rule).
    static let negator: UInt8 = 1
    /// The first word of a lexicon phrase.
    static let phraseHead: UInt8 = 2
    /// The first word of a frustration amplifier.
    static let amplifierHead: UInt8 = 4
    /// A word the rules know: a lexicon entry, a booster, a listed negator or the head of a
    /// phrase or amplifier. Other words are in the table only to have an id (the later words of
    /// phrases, the words the rules compare with).
    static let entry: UInt8 = 8
    /// A word that is not an ``entry`` but a negator by rule (ends in "n't").
    static let ruleNegator: UInt8 = 16

    @inline(__always) func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}
