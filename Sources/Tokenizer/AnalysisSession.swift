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
    private var spans: [SpecialSpan] = []
    private var sentenceEnds: [Int] = []
    private var batch: [Token] = []

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
        self.words = ICUBreaker(.word, locale: analyzer.segmenter.locale)
        batch.reserveCapacity(256)
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
        var batch = self.batch
        self.batch = []
        text.withUTF8 { all in
            var cursor = Cursor()
            var pieceStart = 0
            while pieceStart < all.count {
                let pieceEnd = Self.pieceEnd(all, from: pieceStart)
                let piece = UnsafeBufferPointer(rebasing: all[pieceStart..<pieceEnd])
                segmentPiece(piece, base: pieceStart, cursor: &cursor, batch: &batch, offsetMaps: offsetMaps, emit: emit)
                pieceStart = pieceEnd
            }
            flush(&batch, emit)
        }
        batch.removeAll(keepingCapacity: true)
        self.batch = batch
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

    private func segmentPiece(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, cursor: inout Cursor, batch: inout [Token],
                              offsetMaps: [OffsetMap], emit: ([Token]) -> Void) {
        let segmenter = analyzer.segmenter
        let tracksSentences = analyzer.tracksSentences
        if segmenter.keepsSpecialSpans { scanner.scan(bytes, into: &spans) } else { spans.removeAll(keepingCapacity: true) }
        if tracksSentences { sentences.sentenceEnds(in: bytes, into: &sentenceEnds) }
        let spans = self.spans
        let sentenceEnds = tracksSentences ? self.sentenceEnds : []
        cursor.nextSentenceEnd = sentenceEnds.first ?? Int.max
        var sentenceIndex = 0
        var spanIndex = 0
        var covered = 0
        cursor.previousEnd = cursor.previousEnd >= 0 ? 0 : -1
        let mapsOffsets = !offsetMaps.isEmpty

        @inline(__always)
        func push(_ start: Int, _ end: Int, _ kind: TokenKind) {
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
                if !batch.isEmpty { flush(&batch, emit) }
            }
            if batch.count >= Self.maximumBatchSize { flush(&batch, emit) }
            let textStart = kind == .hashtag ? start + 1 : start
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[textStart..<end]), as: UTF8.self)
            var range = (base + start)..<(base + end)
            if mapsOffsets {
                for map in offsetMaps {
                    let lower = map.inputOffset(range.lowerBound)
                    range = lower..<max(lower + 1, map.inputOffset(range.upperBound))
                }
            }
            batch.append(Token(text: text, kind: kind, range: range, position: cursor.position, sentence: cursor.sentence))
            cursor.position += 1
            cursor.previousEnd = end
        }

        let keepsEmoji = segmenter.keepsEmoji
        words.forEachSegment(in: bytes) { start, end, status in
            while spanIndex < spans.count, spans[spanIndex].range.lowerBound < end {
                let span = spans[spanIndex]
                spanIndex += 1
                push(span.range.lowerBound, span.range.upperBound, span.kind)
                covered = span.range.upperBound
            }
            if start < covered { return }
            if status < 0 && !keepsEmoji { return }
            push(start, end, ICUWordSegmenter.kind(ofRuleStatus: status, UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
        while spanIndex < spans.count {
            let span = spans[spanIndex]
            spanIndex += 1
            push(span.range.lowerBound, span.range.upperBound, span.kind)
        }
    }

    /// Runs the filters over `batch`, hands it to `emit`, and empties it.
    private func flush(_ batch: inout [Token], _ emit: ([Token]) -> Void) {
        guard !batch.isEmpty else { return }
        for filter in analyzer.filters {
            filter.apply(to: &batch)
            if batch.isEmpty { return }
        }
        emit(batch)
        batch.removeAll(keepingCapacity: true)
    }
}
