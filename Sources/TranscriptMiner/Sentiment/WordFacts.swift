/// What the lexicon and the rules say about one word: built once per scorer so that each token
/// costs one hash lookup.
struct WordFacts: Sendable {
    var valence: Double = 0
    var boost: Double = 0
    var isNegator = false
    var isPhraseHead = false
    var isAmplifierHead = false

    /// The table of every word that is a lexicon entry, a booster, a listed negator, the first
    /// word of a phrase or of an amplifier.
    /// - Complexity: O(e) for e lexicon entries.
    static func table(_ lexicon: SentimentLexicon) -> [String: WordFacts] {
        var table: [String: WordFacts] = [:]
        table.reserveCapacity(lexicon.words.count + 256)
        for (word, valence) in lexicon.words { table[word, default: WordFacts()].valence = valence }
        for (word, boost) in SentimentRules.boosters { table[word, default: WordFacts()].boost = boost }
        for word in SentimentRules.negators { table[word, default: WordFacts()].isNegator = true }
        for head in lexicon.phraseHeads { table[head, default: WordFacts()].isPhraseHead = true }
        for sequence in SentimentRules.frustrationAmplifiers { table[sequence[0], default: WordFacts()].isAmplifierHead = true }
        return table
    }
}
