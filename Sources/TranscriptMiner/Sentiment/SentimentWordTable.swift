/// Everything the scorer looks up, keyed by UTF-8 bytes and built once per ``SentimentScorer``:
/// words (with an integer id and their ``WordFacts``), phrases (as sequences of word ids) and
/// emoticons.
///
/// ```swift
/// let table = SentimentWordTable(SentimentLexicon.builtIn)
/// let id = Array("great".utf8).withUnsafeBufferPointer { table.view.words.index(of: $0) }
/// table.view.facts(id).valence    // 3.1
/// ```
///
/// Every word a rule compares with ("but", "never", "kind", "of", …) and every word of every
/// phrase and amplifier has an id, so the rules compare ids, not strings, and a phrase is probed
/// by hashing the ids of its words. A word without an id is in no phrase and no rule.
/// - Complexity: building O(e) for e lexicon entries; each lookup O(m) for m bytes.
final class SentimentWordTable: @unchecked Sendable {
    /// The ids of the words the rules compare with.
    struct RuleWords {
        var but: Int32 = -1, kind: Int32 = -1, sort: Int32 = -1, of: Int32 = -1, a: Int32 = -1
        var bit: Int32 = -1, tad: Int32 = -1, little: Int32 = -1, no: Int32 = -1, never: Int32 = -1
        var so: Int32 = -1, this: Int32 = -1, without: Int32 = -1, doubt: Int32 = -1, least: Int32 = -1
        var at: Int32 = -1, very: Int32 = -1
    }

    /// The lookup side: plain values and raw pointers (no reference counting in the hot loops),
    /// valid while the table lives.
    struct View {
        let words: ByteKeyTable.View
        let factsByID: UnsafePointer<WordFacts>
        let rules: RuleWords
        let phrases: ByteKeyTable.View
        let phraseValences: UnsafePointer<Double>
        let maximumPhraseLength: Int
        let hasPhrases: Bool
        let emoticons: ByteKeyTable.View
        let emoticonValences: UnsafePointer<Double>
        let maximumEmoticonLength: Int
        let hasEmoticons: Bool
        /// A bit per pair of bytes an emoticon begins with (first · 256 + second; for an
        /// emoticon of one byte, every pair beginning with it), 8 KB: see
        /// ``mayStartEmoticon(_:at:count:)``.
        let emoticonPairs: UnsafePointer<UInt64>
        /// The first bytes of the emoticons, as a 256-bit set (tested before ``emoticonPairs``,
        /// without a memory access: most chunks start with a byte no emoticon starts with).
        let emoticonFirstBytes: ByteSet
        /// The last bytes of the emoticons, as a 256-bit set: a chunk of text (or a prefix of it)
        /// can only be an emoticon when its last byte is in it (no hashing otherwise).
        let emoticonLastBytes: ByteSet
        /// A bit per hash of each pair of word ids that begins a phrase (``pairBit(_:_:)``): a
        /// clear bit means no phrase begins with the pair (no false negatives; false positives
        /// are settled by the phrase table).
        let phrasePairs: UnsafePointer<UInt64>

        /// The facts of word `id` (empty for −1). The ASCII path reads them from the word's slot
        /// instead (``ByteKeyTable/View/entry(ofPadded:count:)``).
        @inline(__always)
        func facts(_ id: Int32) -> WordFacts { id >= 0 ? factsByID[Int(id)] : WordFacts() }

        /// Whether the whitespace-delimited chunk starting at `start` of the `count` bytes at
        /// `base` may be an emoticon, or one followed by sentence punctuation: its first two
        /// bytes (the second taken as 0 at the end of the text) are in ``emoticonPairs`` (and
        /// the first in ``emoticonFirstBytes``).
        /// Exact as a filter: stripping punctuation never takes a tried chunk below 2 bytes, so
        /// a chunk of 2 or more bytes can only match an emoticon that begins with its first
        /// two, and a chunk of 1 byte only an emoticon of 1 byte, whose pairs are all set.
        /// - Complexity: O(1), one bit.
        @inline(__always)
        func mayStartEmoticon(_ base: UnsafePointer<UInt8>, at start: Int, count: Int) -> Bool {
            let first = base[start]
            guard emoticonFirstBytes.contains(first) else { return false }
            let second = start &+ 1 < count ? base[start &+ 1] : 0
            let bit = Int(first) &<< 8 | Int(second)
            return (emoticonPairs[bit &>> 6] &>> UInt64(bit & 63)) & 1 != 0
        }

        /// Whether a phrase may begin with the words `first`, `second` (see ``phrasePairs``).
        @inline(__always)
        func mayBeginPhrase(_ first: Int32, _ second: Int32) -> Bool {
            let bit = SentimentWordTable.pairBit(first, second)
            return (phrasePairs[bit >> 6] >> UInt64(bit & 63)) & 1 != 0
        }

        /// The valence of the phrase whose word ids are the `count` ids at `ids`; NaN when they
        /// only begin phrases; `nil` when no phrase begins with them.
        @inline(__always)
        func phraseValence(_ ids: UnsafePointer<Int32>, count: Int) -> Double? {
            let index = UnsafeRawPointer(ids).withMemoryRebound(to: UInt8.self, capacity: 4 * count) {
                phrases.index(of: $0, count: 4 * count)
            }
            return index < 0 ? nil : phraseValences[Int(index)]
        }
    }

    private let words: ByteKeyTable
    private let phrases: ByteKeyTable
    private let emoticons: ByteKeyTable
    private let facts: UnsafeMutablePointer<WordFacts>
    private let phraseValences: UnsafeMutablePointer<Double>
    private let emoticonValences: UnsafeMutablePointer<Double>
    private let phrasePairs: UnsafeMutablePointer<UInt64>
    private let emoticonPairs: UnsafeMutablePointer<UInt64>
    /// Bits of ``View/phrasePairs``: 2^15 (4 KB, in L1 beside the items), about 2 % set by the
    /// built-in lexicon's pairs.
    static let phrasePairBits = 15

    /// The bit of the pair `first`, `second` in ``View/phrasePairs`` (multiplicative hashing).
    @inline(__always)
    static func pairBit(_ first: Int32, _ second: Int32) -> Int {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - phrasePairBits))
    }
    /// The frustration amplifiers as word ids (all words of every amplifier have ids).
    let amplifiers: [[Int32]]
    /// See ``View``.
    let view: View

    init(_ lexicon: SentimentLexicon) {
        var keys: [String] = []
        var ids: [String: Int32] = [:]
        var facts: [WordFacts] = []
        func id(_ word: String) -> Int32 {
            if let id = ids[word] { return id }
            let id = Int32(keys.count)
            ids[word] = id
            keys.append(word)
            facts.append(WordFacts())
            return id
        }
        // Sorted: the same ids in every process (Dictionary order is seeded per process).
        for (word, valence) in lexicon.words.sorted(by: { $0.key < $1.key }) {
            let i = Int(id(word))
            facts[i].valence = valence
            facts[i].flags |= WordFacts.entry
        }
        for (word, boost) in SentimentRules.boosters.sorted(by: { $0.key < $1.key }) {
            let i = Int(id(word))
            facts[i].setBoost(boost)
            facts[i].flags |= WordFacts.entry
        }
        for word in SentimentRules.negators.sorted() { facts[Int(id(word))].flags |= WordFacts.entry | WordFacts.negator }
        for head in lexicon.phraseHeads.sorted() { facts[Int(id(head))].flags |= WordFacts.entry | WordFacts.phraseHead }
        for sequence in SentimentRules.frustrationAmplifiers { facts[Int(id(sequence[0]))].flags |= WordFacts.entry | WordFacts.amplifierHead }

        var rules = RuleWords()
        rules.but = id("but"); rules.kind = id("kind"); rules.sort = id("sort"); rules.of = id("of"); rules.a = id("a")
        rules.bit = id("bit"); rules.tad = id("tad"); rules.little = id("little"); rules.no = id("no")
        rules.never = id("never"); rules.so = id("so"); rules.this = id("this"); rules.without = id("without")
        rules.doubt = id("doubt"); rules.least = id("least"); rules.at = id("at"); rules.very = id("very")
        amplifiers = SentimentRules.frustrationAmplifiers.map { $0.map(id) }
        // The words the modifier pass starts from (SentimentBuffers.markModifiers).
        // "a" acts only before "bit", "tad", "little": those are marked instead of it.
        for word in [rules.but, rules.kind, rules.sort, rules.no, rules.bit, rules.tad, rules.little] {
            facts[Int(word)].flags |= WordFacts.modifier
        }
        for k in facts.indices where facts[k].valence != 0 && facts[k].boost != 0 { facts[k].flags |= WordFacts.modifier }

        // Phrases: their keys are the chain's token texts joined by single spaces.
        var phraseKeys: [[UInt8]] = []
        var phraseValences: [Double] = []
        // Every beginning of 2 or more words of a phrase is a key too, with the valence NaN
        // unless it is a phrase itself: a probe stops at the first sequence no phrase starts with.
        var phraseIndex: [[Int32]: Int] = [:]
        let phrasePairs = UnsafeMutablePointer<UInt64>.allocate(capacity: 1 << (Self.phrasePairBits - 6))
        phrasePairs.initialize(repeating: 0, count: 1 << (Self.phrasePairBits - 6))
        for (key, valence) in lexicon.phrases.sorted(by: { $0.key < $1.key }) {
            let wordIDs = key.split(separator: " ", omittingEmptySubsequences: false).map { id(String($0)) }
            guard wordIDs.count >= 2 else { continue }
            let bit = Self.pairBit(wordIDs[0], wordIDs[1])
            phrasePairs[bit >> 6] |= 1 << UInt64(bit & 63)
            for length in 2...wordIDs.count {
                let prefix = Array(wordIDs[..<length])
                let value = length == wordIDs.count ? valence : Double.nan
                if let k = phraseIndex[prefix] {
                    if !value.isNaN { phraseValences[k] = value }
                } else {
                    phraseIndex[prefix] = phraseKeys.count
                    phraseKeys.append(prefix.withUnsafeBytes { Array($0) })
                    phraseValences.append(value)
                }
            }
        }
        // Words that are not entries: a negator by rule or nothing (as the lexicon sees them).
        for (k, word) in keys.enumerated() where !facts[k].has(WordFacts.entry) && SentimentRules.isNegator(word) {
            facts[k].flags |= WordFacts.ruleNegator
        }

        var emoticonKeys: [[UInt8]] = []
        var emoticonValences: [Double] = []
        var firstBytes = ByteSet(), lastBytes = ByteSet()
        let emoticonPairs = UnsafeMutablePointer<UInt64>.allocate(capacity: 1024)
        emoticonPairs.initialize(repeating: 0, count: 1024)
        for (text, valence) in lexicon.emoticons.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(text.utf8)
            emoticonKeys.append(bytes)
            emoticonValences.append(valence)
            guard let first = bytes.first, let last = bytes.last else { continue }
            firstBytes.insert(first)
            lastBytes.insert(last)
            for second in bytes.count >= 2 ? bytes[1]...bytes[1] : 0...255 {
                let bit = Int(first) << 8 | Int(second)
                emoticonPairs[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        self.emoticonPairs = emoticonPairs

        words = ByteKeyTable(keys: keys.map { Array($0.utf8) }, payloads: facts.map(\.payload), dense: true)
        phrases = ByteKeyTable(keys: phraseKeys)
        emoticons = ByteKeyTable(keys: emoticonKeys)
        self.facts = .allocate(capacity: max(1, facts.count))
        self.facts.initialize(from: facts, count: facts.count)
        self.phraseValences = .allocate(capacity: max(1, phraseValences.count))
        self.phraseValences.initialize(from: phraseValences, count: phraseValences.count)
        self.emoticonValences = .allocate(capacity: max(1, emoticonValences.count))
        self.emoticonValences.initialize(from: emoticonValences, count: emoticonValences.count)
        self.phrasePairs = phrasePairs
        view = View(words: words.view, factsByID: self.facts, rules: rules, phrases: phrases.view,
                    phraseValences: self.phraseValences, maximumPhraseLength: lexicon.maximumPhraseLength,
                    hasPhrases: !lexicon.phrases.isEmpty, emoticons: emoticons.view, emoticonValences: self.emoticonValences,
                    maximumEmoticonLength: lexicon.maximumEmoticonLength, hasEmoticons: !lexicon.emoticons.isEmpty,
                    emoticonPairs: emoticonPairs, emoticonFirstBytes: firstBytes, emoticonLastBytes: lastBytes, phrasePairs: phrasePairs)
    }

    deinit {
        facts.deallocate()
        phraseValences.deallocate()
        emoticonValences.deallocate()
        phrasePairs.deallocate()
        emoticonPairs.deallocate()
    }
}

/// A set of bytes as four 64-bit words.
struct ByteSet {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// Bits 64·k … 64·k + 63 of the set.
    @inline(__always)
    func word(_ k: Int) -> UInt64 {
        switch k {
        case 0: return words.0
        case 1: return words.1
        case 2: return words.2
        default: return words.3
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return (word >> UInt64(byte & 63)) & 1 != 0
    }
}
