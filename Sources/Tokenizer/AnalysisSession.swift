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

    private let words: ICUBreaker
    private lazy var sentences = ICUBreaker(.sentence, locale: analyzer.segmenter.locale)
    private let scanner = SpecialSpanScanner()
    /// Buffers reused from text to text, in one stored property: the hot path takes it out once
    /// per text (each access to a class's stored property costs a dynamic exclusivity check).
    private struct Buffers {
        var spans: [SpecialSpan] = []
        var sentenceEnds: [Int] = []
        var batch: [Token] = []
        var memo = TokenMemo()
    }

    private var buffers: Buffers? = Buffers()
    /// The leading filters that work token by token (memoised), and the rest (run on batches).
    private let perTokenFilters: [any TokenFilter]
    private let batchFilters: [any TokenFilter]
    private let usesMemo: Bool

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
        self.words = ICUBreaker(.word, locale: analyzer.segmenter.locale)
        let prefix = analyzer.filters.prefix { $0.isPerToken }.count
        perTokenFilters = Array(analyzer.filters[..<prefix])
        batchFilters = Array(analyzer.filters[prefix...])
        usesMemo = prefix > 0
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
        run(text) { tokens.append(contentsOf: $0) }
    }

    /// Calls `body` with each token of `text`, in order, without collecting them.
    public func forEachToken(in text: String, _ body: (Token) -> Void) {
        run(text) { batch in
            batch.withUnsafeBufferPointer { tokens in
                for i in tokens.indices { body(tokens[i]) }
            }
        }
    }

    /// Runs the chain over `text`, calling `emit` with each filtered batch.
    private func run(_ text: String, emit: ([Token]) -> Void) {
        if analyzer.charFilters.isEmpty {
            segment(text, offsetMaps: [], emit: emit)
            return
        }
        var current = text
        var maps: [OffsetMap] = []
        for filter in analyzer.charFilters {
            let filtered = filter.filter(current)
            current = filtered.text
            maps.append(filtered.offsets)
        }
        segment(current, offsetMaps: maps.filter { !$0.isIdentity }.reversed(), emit: emit)
    }

    /// The state of one text's segmentation.
    private struct Cursor {
        var position = 0
        var sentence = 0
        var nextSentenceEnd = 0
        var previousEnd = -1
    }

    private func segment(_ text: String, offsetMaps: [OffsetMap], emit: ([Token]) -> Void) {
        var text = text
        // The hot loop works on locals, not on the session's stored properties: a class's
        // properties cost a dynamic exclusivity check on every access.
        var buffers = self.buffers.take() ?? Buffers()  // moved out, not copied
        text.withUTF8 { all in
            var cursor = Cursor()
            var pieceStart = 0
            while pieceStart < all.count {
                let pieceEnd = Self.pieceEnd(all, from: pieceStart)
                let piece = UnsafeBufferPointer(rebasing: all[pieceStart..<pieceEnd])
                segmentPiece(piece, base: pieceStart, cursor: &cursor, buffers: &buffers, offsetMaps: offsetMaps, emit: emit)
                pieceStart = pieceEnd
            }
            flush(&buffers.batch, emit)
        }
        buffers.batch.removeAll(keepingCapacity: true)
        self.buffers = buffers
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

    private func segmentPiece(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, cursor: inout Cursor, buffers: inout Buffers,
                              offsetMaps: [OffsetMap], emit: ([Token]) -> Void) {
        let segmenter = analyzer.segmenter
        if segmenter.keepsSpecialSpans { scanner.scan(bytes, into: &buffers.spans) } else { buffers.spans.removeAll(keepingCapacity: true) }
        if analyzer.tracksSentences { sentences.sentenceEnds(in: bytes, into: &buffers.sentenceEnds) }
        let spans = buffers.spans
        var state = PieceState(bytes: bytes, base: base, offsetMaps: offsetMaps,
                               sentenceEnds: analyzer.tracksSentences ? buffers.sentenceEnds : [],
                               perTokenFilters: perTokenFilters, batchFilters: batchFilters,
                               usesMemo: usesMemo, cursor: cursor)
        // Swaps move the buffers in and out without copying them.
        swap(&state.batch, &buffers.batch)
        swap(&state.memo, &buffers.memo)
        defer {
            swap(&state.batch, &buffers.batch)
            swap(&state.memo, &buffers.memo)
            cursor = state.cursor
        }
        state.cursor.nextSentenceEnd = state.sentenceEnds.first ?? Int.max
        state.cursor.previousEnd = state.cursor.previousEnd >= 0 ? 0 : -1
        var spanIndex = 0
        var covered = 0
        let keepsEmoji = segmenter.keepsEmoji
        words.forEachSegment(in: bytes) { start, end, status in
            while spanIndex < spans.count, spans[spanIndex].range.lowerBound < end {
                let span = spans[spanIndex]
                spanIndex += 1
                state.push(span.range.lowerBound, span.range.upperBound, span.kind, emit)
                covered = span.range.upperBound
            }
            if start < covered { return }
            if status < 0 && !keepsEmoji { return }
            state.push(start, end, ICUWordSegmenter.kind(ofRuleStatus: status, UnsafeBufferPointer(rebasing: bytes[start..<end])), emit)
        }
        while spanIndex < spans.count {
            let span = spans[spanIndex]
            spanIndex += 1
            state.push(span.range.lowerBound, span.range.upperBound, span.kind, emit)
        }
    }

    /// The state of segmenting one piece of text, as a value: the hot loop touches no class
    /// property (each access to one costs a dynamic exclusivity check).
    private struct PieceState {
        let bytes: UnsafeBufferPointer<UInt8>
        let base: Int
        let offsetMaps: [OffsetMap]
        let sentenceEnds: [Int]
        let perTokenFilters: [any TokenFilter]
        let batchFilters: [any TokenFilter]
        var cursor: Cursor
        var batch: [Token] = []
        let usesMemo: Bool
        var memo = TokenMemo()
        var sentenceIndex = 0
        var single: [Token] = []

        init(bytes: UnsafeBufferPointer<UInt8>, base: Int, offsetMaps: [OffsetMap], sentenceEnds: [Int],
             perTokenFilters: [any TokenFilter], batchFilters: [any TokenFilter], usesMemo: Bool, cursor: Cursor) {
            self.bytes = bytes
            self.base = base
            self.offsetMaps = offsetMaps
            self.sentenceEnds = sentenceEnds
            self.perTokenFilters = perTokenFilters
            self.batchFilters = batchFilters
            self.usesMemo = usesMemo
            self.cursor = cursor
        }

        /// The token after the per-token filters, or nil when they drop it.
        mutating func perTokenFiltered(_ token: Token) -> Token? {
            single.removeAll(keepingCapacity: true)
            single.append(token)
            for filter in perTokenFilters {
                filter.apply(to: &single)
                if single.isEmpty { return nil }
            }
            return single[0]
        }

        /// Adds the segment `start..<end` of `kind` as a token.
        @inline(__always)
        mutating func push(_ start: Int, _ end: Int, _ kind: TokenKind, _ emit: ([Token]) -> Void) {
            if cursor.previousEnd >= 0, cursor.previousEnd < start,
               ICUWordSegmenter.gapBreaksPhrase(UnsafeBufferPointer(rebasing: bytes[cursor.previousEnd..<start])) {
                cursor.position += 1
            }
            if start >= cursor.nextSentenceEnd {
                while sentenceIndex < sentenceEnds.count, start >= sentenceEnds[sentenceIndex] {
                    sentenceIndex += 1
                    cursor.sentence += 1
                }
                cursor.nextSentenceEnd = sentenceIndex < sentenceEnds.count ? sentenceEnds[sentenceIndex] : Int.max
                if !batch.isEmpty { AnalysisSession.flush(&batch, batchFilters, emit) }
            }
            if batch.count >= AnalysisSession.maximumBatchSize { AnalysisSession.flush(&batch, batchFilters, emit) }
            let textStart = kind == .hashtag ? start + 1 : start
            let textBytes = UnsafeBufferPointer(rebasing: bytes[textStart..<end])
            var range = (base + start)..<(base + end)
            for map in offsetMaps {
                let lower = map.inputOffset(range.lowerBound)
                range = lower..<max(lower + 1, map.inputOffset(range.upperBound))
            }
            let position = cursor.position
            cursor.position += 1
            cursor.previousEnd = end
            guard usesMemo else {
                batch.append(Token(text: String(decoding: textBytes, as: UTF8.self), kind: kind, range: range, position: position, sentence: cursor.sentence))
                return
            }
            guard textBytes.count <= TokenMemo.maximumKeyLength else {
                let raw = Token(text: String(decoding: textBytes, as: UTF8.self), kind: kind, range: range, position: position, sentence: cursor.sentence)
                if let filtered = perTokenFiltered(raw) { batch.append(filtered) }
                return
            }
            let hash = TokenMemo.hash(textBytes, kind)
            if let remembered = memo.lookup(textBytes, kind, hash: hash) {
                if let (text, newKind) = remembered {
                    batch.append(Token(text: text, kind: newKind, range: range, position: position, sentence: cursor.sentence))
                }
                return
            }
            let raw = Token(text: String(decoding: textBytes, as: UTF8.self), kind: kind, range: range, position: position, sentence: cursor.sentence)
            let filtered = perTokenFiltered(raw)
            memo.store(textBytes, kind, hash: hash, result: filtered.map { ($0.text, $0.kind) })
            if let filtered { batch.append(filtered) }
        }
    }

    /// Runs the batch filters over `batch` (the per-token ones ran as tokens were made), hands
    /// it to `emit`, and empties it.
    private func flush(_ batch: inout [Token], _ emit: ([Token]) -> Void) {
        Self.flush(&batch, batchFilters, emit)
    }

    private static func flush(_ batch: inout [Token], _ batchFilters: [any TokenFilter], _ emit: ([Token]) -> Void) {
        guard !batch.isEmpty else { return }
        for filter in batchFilters {
            filter.apply(to: &batch)
            if batch.isEmpty { return }
        }
        emit(batch)
        batch.removeAll(keepingCapacity: true)
    }
}
