/// The per-task state of a ``SentimentScorer``: an analysis session (ICU iterators are not
/// thread-safe) and buffers reused from text to text.
///
/// ```swift
/// let session = SentimentScorer().makeSession()
/// let scores = messages.map { session.score($0) }
/// ```
///
/// Plain ASCII texts that only hold words, digit runs and ordinary punctuation (most support
/// messages) are segmented by the scorer itself (``SentimentASCIIPath``, which gives exactly the
/// chain's tokens on them); every other text goes through the analysis chain. Either way the
/// tokens are looked up by their UTF-8 bytes (no `String` per token) and the rules work on one
/// reused buffer of plain values (no allocation per text once warm).
///
/// Not `Sendable`: make one per task. All sessions of one scorer give identical scores for
/// identical text.
public final class SentimentSession {
    /// The scorer this session runs.
    public let scorer: SentimentScorer
    let tokens: AnalysisSession
    /// Whether ASCII texts may take the fast path (``SentimentASCIIPath/agreesWithChain``).
    let usesASCIIPath: Bool
    /// Reused buffers, owned by the session (allocated in `init`, freed in `deinit`). Reached
    /// through a pointer: a class's stored `var` would cost a dynamic exclusivity check and a
    /// copy of the buffers' references on each text; the session is not `Sendable`, so one text
    /// at a time uses them.
    private let buffers: UnsafeMutablePointer<SentimentBuffers>
    /// The scorer's lookup tables and amplifiers, kept here so that a text reaches them without
    /// going through `scorer` (a retain and a release of its table per text); valid while
    /// `scorer` holds the table.
    private let view: SentimentWordTable.View
    private let amplifiers: [[Int32]]

    init(scorer: SentimentScorer, usesASCIIPath: Bool = true) {
        self.scorer = scorer
        self.view = scorer.table.view
        self.amplifiers = scorer.table.amplifiers
        self.tokens = SentimentScorer.analyzer.makeSession()
        self.usesASCIIPath = usesASCIIPath && SentimentASCIIPath.agreesWithChain
        buffers = .allocate(capacity: 1)
        buffers.initialize(to: SentimentBuffers())
    }

    deinit {
        buffers.pointee.release()
        buffers.deinitialize(count: 1)
        buffers.deallocate()
    }

    /// The sentiment of `text` (see ``SentimentScorer`` for the rules).
    /// - Complexity: O(n) in the length of `text`.
    public func score(_ text: String) -> SentimentScore {
        let buffers = self.buffers, tokens = self.tokens, fast = usesASCIIPath
        func run(_ text: String) -> SentimentScore? {
            text.utf8.withContiguousStorageIfAvailable { bytes in
                buffers.pointee.score(text, bytes, tokens, view, amplifiers: amplifiers, asciiPath: fast)
            }
        }
        if let score = run(text) { return score }
        var contiguous = text
        contiguous.makeContiguousUTF8()  // bridged or otherwise foreign strings
        return run(contiguous)!
    }
}

/// The working state of one scoring: items, emoticons found, amplifiers per clause, scratch
/// bytes. A value passed `inout`, so the hot loops run without dynamic exclusivity checks, and
/// kept by the session, so its arrays are allocated once.
struct SentimentBuffers {
    var items = SentimentItemList(capacity: 64)
    var emoticons: [(start: Int, end: Int, valence: Double)] = []
    var amplifiersByClause: [Int32] = []
    /// Lower-cased and collapsed word bytes: `scratchCapacity` bytes owned like ``items``
    /// (a raw buffer: no uniqueness test, retain or release per text).
    var scratch: UnsafeMutablePointer<UInt8>
    var scratchCapacity = 256
    /// Where the punctuation between items is scanned from, and the current clause and sentence.
    var cursor = 0
    var clause: Int32 = 0
    var sentence: Int32 = 0
    var nextEmoticon = 0
    /// The first lexical phrase head followed, in its clause, by a lexical word a phrase may
    /// continue it with (``SentimentWordTable/View/mayBeginPhrase(_:_:)``), −1 when none: no
    /// phrase can merge before it (phrase merging is skipped when −1).
    var firstPhrasePair = -1
    /// Items that may start a frustration amplifier (the amplifier rule is skipped when 0).
    var amplifierHeads = 0
    /// Items whose word the modifier pass acts on (``WordFacts/modifier``; the pass is skipped
    /// when 0).
    var modifiers = 0
    /// Items with at least two cased letters, and those of them in capitals (the mixed-case
    /// test); kept while items are appended, counted again when phrases merge.
    var casedItems = 0
    var capitalItems = 0

    init() {
        scratch = .allocate(capacity: scratchCapacity)
        scratch.initialize(repeating: 0, count: scratchCapacity)
    }

    /// Frees the items and the scratch bytes; the buffers must not be used afterwards.
    func release() {
        items.release()
        scratch.deallocate()
    }

    /// Collects the items of `text` (whose UTF-8 is `bytes`), applies the rules and totals them.
    mutating func score(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: AnalysisSession,
                        _ table: SentimentWordTable.View, amplifiers: [[Int32]], asciiPath: Bool) -> SentimentScore {
        let punctuation: (exclamations: Int, questions: Int)
        if asciiPath, let counts = collectASCII(bytes, table) {
            punctuation = counts
        } else {
            punctuation = Self.countPunctuation(bytes)
            collectChain(text, bytes, tokens, table)
        }
        guard !items.isEmpty else { return .empty }
        if table.hasPhrases && firstPhrasePair >= 0 { mergePhrases(table) }
        let sums = applyRules(table.rules, amplifiers)
        return total(sums, exclamations: punctuation.exclamations, questions: punctuation.questions)
    }

    /// The numbers of "!" and "?" in `bytes`.
    static func countPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> (exclamations: Int, questions: Int) {
        var exclamations = 0, questions = 0
        for byte in bytes {
            if byte == UInt8(ascii: "!") { exclamations &+= 1 } else if byte == UInt8(ascii: "?") { questions &+= 1 }
        }
        return (exclamations, questions)
    }

    /// The running totals of the rule-adjusted valences, added in item order.
    struct Sums {
        var sum = 0.0, positive = 0.0, negative = 0.0, neutral = 0.0

        /// Adds one item's valence `v`.
        @inline(__always)
        mutating func add(_ v: Double) {
            sum += v
            if v > 0 { positive += v + 1 } else if v < 0 { negative += v - 1 } else { neutral += 1 }
        }
    }

    /// The totals of the valences of ``items`` (after every rule).
    func sums() -> Sums {
        var sums = Sums()
        items.withUnsafeBufferPointer { items in
            for item in items { sums.add(item.valence) }
        }
        return sums
    }

    /// The sum, punctuation emphasis, compound and shares of the rule-adjusted valences, from
    /// their totals.
    func total(_ sums: Sums, exclamations: Int, questions: Int) -> SentimentScore {
        var sum = sums.sum
        var positive = sums.positive, negative = sums.negative
        let neutral = sums.neutral
        var emphasis = Double(min(exclamations, SentimentRules.maximumExclamationMarks)) * SentimentRules.exclamationIncrement
        if questions > 1 {
            emphasis += questions <= 3 ? Double(questions) * SentimentRules.questionIncrement : SentimentRules.maximumQuestionEmphasis
        }
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        if positive > -negative { positive += emphasis } else if positive < -negative { negative -= emphasis }
        let mass = positive - negative + neutral
        guard mass > 0 else { return .empty }
        let compound = sum == 0 ? 0 : SentimentScore.normalize(sum)
        return SentimentScore(compound: compound, positive: positive / mass, neutral: neutral / mass, negative: -negative / mass)
    }
}
