/// What the lexicon and the rules say about one word, by word id (the index of the word in the
/// scorer's ``SentimentWordTable``): built once per scorer so that each token costs one lookup.
///
/// 16 bytes, so that the ASCII path finds it in the word's own hash slot
/// (``ByteKeyTable/Slot``: ``payload`` packs it into two words) with no second memory access.
struct WordFacts {
    var valence: Double = 0
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
    /// A booster: ``boost`` is +``SentimentRules/boosterIncrement``.
    static let booster: UInt8 = 32
    /// A dampener: ``boost`` is −``SentimentRules/boosterIncrement``.
    static let dampener: UInt8 = 64
    /// A word the modifier pass starts from ("but", "kind", "sort", "no", boosters with a valence
    /// of their own, and "bit", "tad", "little", which "a" makes dampeners: marking them rather
    /// than the frequent "a"): a text without one skips that pass. Set whether or not the word
    /// is an ``entry``.
    static let modifier: UInt8 = 128

    @inline(__always) func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

    /// The booster (> 0) or dampener (< 0) step, 0 for other words. Every step of
    /// ``SentimentRules/boosters`` is ± ``SentimentRules/boosterIncrement`` (checked when the
    /// table is built), so a flag holds it.
    @inline(__always)
    var boost: Double {
        has(Self.booster) ? SentimentRules.boosterIncrement : has(Self.dampener) ? -SentimentRules.boosterIncrement : 0
    }

    /// Sets ``boost`` to `step`, which must be ± ``SentimentRules/boosterIncrement`` or 0.
    mutating func setBoost(_ step: Double) {
        precondition(step == 0 || abs(step) == SentimentRules.boosterIncrement, "booster steps are ±boosterIncrement")
        flags &= ~(Self.booster | Self.dampener)
        if step > 0 { flags |= Self.booster } else if step < 0 { flags |= Self.dampener }
    }

    /// The two words a ``ByteKeyTable`` slot carries for this word.
    var payload: (UInt64, UInt64) { (valence.bitPattern, UInt64(flags)) }

    /// The facts a slot's ``payload`` holds.
    @inline(__always)
    init(payload: (UInt64, UInt64)) {
        valence = Double(bitPattern: payload.0)
        flags = UInt8(truncatingIfNeeded: payload.1)
    }

    init() {}
}
