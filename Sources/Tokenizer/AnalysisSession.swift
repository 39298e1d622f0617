/// The per-task state of an ``Analyzer``: ICU break iterators and reused buffers.
///
/// ```swift
/// let session = analyzer.makeSession()
/// for message in messages {
///     session.forEachToken(in: message) { token in counts[token.text, default: 0] += 1 }
/// }
/// ```
///
/// A session is not `Sendable`: ICU iterators are not thread-safe. Make one per task; all
/// sessions of one analyzer give identical tokens for identical text.
/// - Complexity: O(n) per text of n bytes; memory is bounded by the largest batch (a sentence,
///   at most ``maximumBatchSize`` tokens), not by the text, when tokens are streamed with
///   ``forEachToken(in:_:)``.
public final class AnalysisSession {
    /// The chain this session runs.
    public let analyzer: Analyzer
    /// Batches are cut after this many tokens even inside a sentence (phrases then break there).
    public static let maximumBatchSize = 4096
    /// Texts are segmented in pieces of at most this many bytes (ICU offsets are 32-bit).
    static let maximumPieceSize = 1 << 30

    let words: ICUBreaker
    lazy var sentences = ICUBreaker(.sentence, locale: analyzer.segmenter.locale)
    let scanner = SpecialSpanScanner()
    /// Buffers reused from text to text, in one stored property: the hot path takes it out once
    /// per text (each access to a class's stored property costs a dynamic exclusivity check).
    /// `nil` while a text is being analysed, which tells a re-entrant call (from inside a
    /// `forEachToken` body) to use a session of its own.
    private var buffers: Buffers? = Buffers()
    /// The leading filters that work token by token (memoised), and the rest (run on batches).
    let perTokenFilters: [any TokenFilter]
    let batchFilters: [any TokenFilter]
    let usesMemo: Bool
    /// Copies of the analyzer's settings that the hot path reads (no struct copies per text).
    let keepsSpecialSpans: Bool
    let keepsEmoji: Bool
    let tracksSentences: Bool

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
        self.words = ICUBreaker(.word, locale: analyzer.segmenter.locale)
        let prefix = analyzer.filters.prefix { $0.isPerToken }.count
        // `map` always allocates: `Array(slice)` of a whole array would share the analyzer's
        // buffer, and every session retaining and releasing one shared buffer per document makes
        // the cores fight over its reference count (2 tasks ran at 1.75× instead of 1.95×).
        perTokenFilters = analyzer.filters[..<prefix].map { $0 }
        batchFilters = analyzer.filters[prefix...].map { $0 }
        usesMemo = prefix > 0
        keepsSpecialSpans = analyzer.segmenter.keepsSpecialSpans
        keepsEmoji = analyzer.segmenter.keepsEmoji
        tracksSentences = analyzer.tracksSentences
        buffers!.batch.reserveCapacity(256)
    }

    /// The tokens of `text`.
    public func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        analyze(text, into: &tokens)
        return tokens
    }

    /// Appends the tokens of `text` to `tokens` (which keeps its capacity across calls).
    public func analyze(_ text: String, into tokens: inout [Token]) {
        run(text) { tokens.append($0) }
    }

    /// Calls `body` with each token of `text`, in order, without collecting them.
    public func forEachToken(in text: String, _ body: (Token) -> Void) {
        run(text, body)
    }

    /// Runs the chain over `text`, calling `body` with each token in order.
    ///
    /// Without batch filters, tokens go to `body` as they are made; otherwise in batches (a
    /// sentence, or at most ``maximumBatchSize`` tokens) after the batch filters.
    private func run(_ text: String, _ body: (Token) -> Void) {
        // The hot loop works on locals, not on the session's stored properties: a class's
        // properties cost a dynamic exclusivity check on every access.
        guard var buffers = self.buffers.take() else {
            // Called from inside a body of this session: the ICU iterator is busy.
            AnalysisSession(analyzer: analyzer).run(text, body)
            return
        }
        if analyzer.charFilters.isEmpty {
            segment(text, offsetMaps: [], buffers: &buffers, body)
        } else {
            var current = text
            var maps: [OffsetMap] = []
            for filter in analyzer.charFilters {
                let filtered = filter.filter(current)
                current = filtered.text
                maps.append(filtered.offsets)
            }
            segment(current, offsetMaps: maps.filter { !$0.isIdentity }.reversed(), buffers: &buffers, body)
        }
        if !buffers.batch.isEmpty { buffers.batch.removeAll(keepingCapacity: true) }
        self.buffers = buffers
    }

    /// Buffers reused from text to text.
    struct Buffers {
        var spans: [SpecialSpan] = []
        var sentenceEnds: [Int] = []
        var batch: [Token] = []
        var single: [Token] = []
        var memo = TokenMemo()
    }

    /// The state of one text's segmentation, carried from piece to piece.
    struct Cursor {
        var position = 0
        var sentence = 0
        var nextSentenceEnd = 0
        var previousEnd = -1
    }

    private func segment(_ text: String, offsetMaps: [OffsetMap], buffers: inout Buffers, _ body: (Token) -> Void) {
        var text = text
        text.withUTF8 { all in
            var cursor = Cursor()
            var pieceStart = 0
            while pieceStart < all.count {
                let pieceEnd = Self.pieceEnd(all, from: pieceStart)
                let piece = UnsafeBufferPointer(rebasing: all[pieceStart..<pieceEnd])
                segmentPiece(piece, base: pieceStart, cursor: &cursor, buffers: &buffers, offsetMaps: offsetMaps, body)
                pieceStart = pieceEnd
            }
            Self.flush(&buffers.batch, batchFilters, body)
        }
    }

    /// The end of the piece that starts at `start`: at most ``maximumPieceSize`` bytes, cut after
    /// white space when there is some in the last 64 KB, and never inside a character.
    static func pieceEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard bytes.count - start > maximumPieceSize else { return bytes.count }
        var end = start + maximumPieceSize
        let limit = end - 65_536
        var cut = end
        while cut > limit, bytes[cut - 1] != UInt8(ascii: " ") && bytes[cut - 1] != UInt8(ascii: "\n") { cut -= 1 }
        if cut > limit { return cut }
        while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    /// Runs the batch filters over `batch` (the per-token ones ran as tokens were made), hands
    /// its tokens to `body`, and empties it.
    static func flush(_ batch: inout [Token], _ batchFilters: [any TokenFilter], _ body: (Token) -> Void) {
        guard !batch.isEmpty else { return }
        for filter in batchFilters {
            filter.apply(to: &batch)
            if batch.isEmpty { return }
        }
        batch.withUnsafeBufferPointer { tokens in
            for i in tokens.indices { body(tokens[i]) }
        }
        batch.removeAll(keepingCapacity: true)
    }
}
