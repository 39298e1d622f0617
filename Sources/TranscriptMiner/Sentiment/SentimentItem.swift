/// One unit the sentiment rules see: a token of the analysis chain (word, hashtag, emoji,
/// mention, URL…), a phrase made of several, or an emoticon found in the raw text.
///
/// A plain value without references (no retain or release when items are copied), 32 bytes:
/// the rules read nothing else, so an item has no text offsets, and its roles, its booster step
/// and its elongation are bits of ``flags`` (the steps are constants, so a bit gives back the
/// exact `Double`).
///
/// Invariant: at most one of the booster and dampener bits is set.
struct SentimentItem {
    /// The id of the item's lookup text (normalised; elongations collapsed when that matched) in
    /// the scorer's ``SentimentWordTable``, −1 when the text has none (unknown words, phrases,
    /// emoticons, URLs…). The rules compare ids where they used to compare texts.
    var word: Int32 = -1
    /// The clause and the sentence, counted from the punctuation between tokens.
    var clause: Int32
    var sentence: Int32
    /// The bits below. Negator, phrase head, amplifier head, booster and dampener are the bits
    /// of ``WordFacts`` (a lookup copies them with one mask).
    var flags: UInt16 = 0
    /// The lexicon valence, 0 when none (or when a rule reads the word as a modifier).
    var base: Double = 0
    /// The valence after the rules.
    var valence: Double = 0

    static let negator = UInt16(WordFacts.negator)
    static let phraseHead = UInt16(WordFacts.phraseHead)
    static let amplifierHead = UInt16(WordFacts.amplifierHead)
    static let booster = UInt16(WordFacts.booster)
    static let dampener = UInt16(WordFacts.dampener)
    /// The bits a word's ``WordFacts`` decide.
    static let roles = negator | phraseHead | amplifierHead | booster | dampener
    static let lexical: UInt16 = 0x100
    static let allCaps: UInt16 = 0x200
    static let cased: UInt16 = 0x400
    static let elongated: UInt16 = 0x800
    /// The word is ``WordFacts/modifier`` (set with the word id, not by ``roles``).
    static let modifier = UInt16(WordFacts.modifier)

    @inline(__always)
    init(clause: Int32, sentence: Int32) {
        self.clause = clause
        self.sentence = sentence
    }

    @inline(__always) func has(_ flag: UInt16) -> Bool { flags & flag != 0 }

    @inline(__always)
    mutating func set(_ flag: UInt16, _ on: Bool) {
        if on { flags |= flag } else { flags &= ~flag }
    }

    /// Whether words of this kind can carry sentiment and join phrases.
    var isLexical: Bool {
        @inline(__always) get { has(Self.lexical) }
        @inline(__always) set { set(Self.lexical, newValue) }
    }
    /// At least two letters, all upper case.
    var isAllCaps: Bool {
        @inline(__always) get { has(Self.allCaps) }
        @inline(__always) set { set(Self.allCaps, newValue) }
    }
    /// At least two cased letters (takes part in the mixed-case test).
    var isCased: Bool {
        @inline(__always) get { has(Self.cased) }
        @inline(__always) set { set(Self.cased, newValue) }
    }
    var isNegator: Bool {
        @inline(__always) get { has(Self.negator) }
        @inline(__always) set { set(Self.negator, newValue) }
    }
    /// The first word of a lexicon phrase / of a frustration amplifier.
    var isPhraseHead: Bool { @inline(__always) get { has(Self.phraseHead) } }
    var isAmplifierHead: Bool {
        @inline(__always) get { has(Self.amplifierHead) }
        @inline(__always) set { set(Self.amplifierHead, newValue) }
    }

    /// The booster (> 0) or dampener (< 0) step, 0 for other words: ±
    /// ``SentimentRules/boosterIncrement`` (the only steps there are; see ``WordFacts/boost``).
    var boost: Double {
        @inline(__always) get {
            has(Self.booster) ? SentimentRules.boosterIncrement : has(Self.dampener) ? -SentimentRules.boosterIncrement : 0
        }
    }

    /// Makes the item a dampener (the second word of "kind of", "a bit"…).
    @inline(__always)
    mutating func makeDampener() { flags = flags & ~Self.booster | Self.dampener }

    /// Extra emphasis (elongated word): ``SentimentRules/elongationIncrement`` or 0.
    var emphasis: Double {
        @inline(__always) get { has(Self.elongated) ? SentimentRules.elongationIncrement : 0 }
    }
}
