/// The hot path of ``AnalysisSession``: one piece of text (at most
/// ``AnalysisSession/maximumPieceSize`` bytes) from ICU segments and special spans to tokens.
extension AnalysisSession {
    /// Segments `bytes`, which start at offset `base` of the text, and hands each token to `body`
    /// (through the batch when there are batch filters).
    ///
    /// Special spans are found first (``SpecialSpanScanner``); ICU's word segments are then read
    /// in blocks of ``ICUBreaker/capacity`` straight from the breaker's buffer, and a span
    /// replaces the segments it covers.
    /// - Complexity: O(n) in the length of the piece.
    func segmentPiece(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, cursor: inout Cursor, buffers: inout Buffers,
                      offsetMaps: [OffsetMap], _ body: (Token) -> Void) {
        if keepsSpecialSpans { scanner.scan(bytes, into: &buffers.spans) } else { buffers.spans.removeAll(keepingCapacity: true) }
        if tracksSentences { sentences.sentenceEnds(in: bytes, into: &buffers.sentenceEnds) }
        var state = PieceSegmenter(bytes: bytes, base: base, offsetMaps: offsetMaps,
                                   sentenceEnds: tracksSentences ? buffers.sentenceEnds : [],
                                   perTokenFilters: perTokenFilters, batchFilters: batchFilters,
                                   usesMemo: usesMemo, cursor: cursor)
        // Swaps move the buffers in and out without copying them.
        swap(&state.batch, &buffers.batch)
        swap(&state.memo, &buffers.memo)
        swap(&state.single, &buffers.single)
        defer {
            swap(&state.batch, &buffers.batch)
            swap(&state.memo, &buffers.memo)
            swap(&state.single, &buffers.single)
            cursor = state.cursor
        }
        state.cursor.nextSentenceEnd = state.sentenceEnds.first ?? Int.max
        state.cursor.previousEnd = state.cursor.previousEnd >= 0 ? 0 : -1
        let keepsEmoji = keepsEmoji
        let words = words
        let segments = words.segments
        let hasText = words.setText(bytes)
        buffers.spans.withUnsafeBufferPointer { spans in
            var spanIndex = 0
            var covered = 0
            while hasText {
                let n = words.nextSegments()
                var i = 0
                while i < n {
                    let start = Int(segments[3 * i]), end = Int(segments[3 * i + 1]), status = segments[3 * i + 2]
                    i += 1
                    while spanIndex < spans.count, spans[spanIndex].range.lowerBound < end {
                        let span = spans[spanIndex]
                        spanIndex += 1
                        state.push(span.range.lowerBound, span.range.upperBound, span.kind, body)
                        covered = span.range.upperBound
                    }
                    if start < covered { continue }
                    if status < 0 && !keepsEmoji { continue }
                    state.push(start, end, ICUWordSegmenter.kind(ofRuleStatus: status, UnsafeBufferPointer(rebasing: bytes[start..<end])), body)
                }
                if n < ICUBreaker.capacity { break }
            }
            while spanIndex < spans.count {
                let span = spans[spanIndex]
                spanIndex += 1
                state.push(span.range.lowerBound, span.range.upperBound, span.kind, body)
            }
        }
    }
}

/// The state of segmenting one piece of text, as a value: the hot loop touches no class
/// property (each access to one costs a dynamic exclusivity check).
///
/// Tokens go straight to the caller's body when the chain has no batch filters, and into
/// `batch` otherwise (flushed at sentence ends, every ``AnalysisSession/maximumBatchSize``
/// tokens and at the end of the text).
struct PieceSegmenter {
    let bytes: UnsafeBufferPointer<UInt8>
    let base: Int
    let offsetMaps: [OffsetMap]
    let hasOffsetMaps: Bool
    let sentenceEnds: [Int]
    let perTokenFilters: [any TokenFilter]
    let batchFilters: [any TokenFilter]
    let usesMemo: Bool
    /// Whether tokens are collected in `batch` (the chain has batch filters).
    let batches: Bool
    var cursor: AnalysisSession.Cursor
    var batch: [Token] = []
    var memo = TokenMemo()
    var sentenceIndex = 0
    /// A one-token batch for running the per-token filters on a token the memo does not know.
    var single: [Token] = []

    init(bytes: UnsafeBufferPointer<UInt8>, base: Int, offsetMaps: [OffsetMap], sentenceEnds: [Int],
         perTokenFilters: [any TokenFilter], batchFilters: [any TokenFilter], usesMemo: Bool, cursor: AnalysisSession.Cursor) {
        self.bytes = bytes
        self.base = base
        self.offsetMaps = offsetMaps
        self.hasOffsetMaps = !offsetMaps.isEmpty
        self.sentenceEnds = sentenceEnds
        self.perTokenFilters = perTokenFilters
        self.batchFilters = batchFilters
        self.usesMemo = usesMemo
        self.batches = !batchFilters.isEmpty
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

    /// Hands `token` on: to the batch, or to `body` when there are no batch filters.
    @inline(__always)
    mutating func deliver(_ token: Token, _ body: (Token) -> Void) {
        if batches { batch.append(token) } else { body(token) }
    }

    /// Moves the sentence count on to the sentence of `start`, flushing the batch of the last one.
    mutating func enterSentence(at start: Int, _ body: (Token) -> Void) {
        while sentenceIndex < sentenceEnds.count, start >= sentenceEnds[sentenceIndex] {
            sentenceIndex += 1
            cursor.sentence += 1
        }
        cursor.nextSentenceEnd = sentenceIndex < sentenceEnds.count ? sentenceEnds[sentenceIndex] : Int.max
        if !batch.isEmpty { AnalysisSession.flush(&batch, batchFilters, body) }
    }

    /// Adds the segment `start..<end` of `kind` as a token.
    ///
    /// A segment the memo knows costs its hash, one probe and (when kept) a token; only a new
    /// segment makes a string and runs the per-token filters.
    @inline(__always)
    mutating func push(_ start: Int, _ end: Int, _ kind: TokenKind, _ body: (Token) -> Void) {
        if cursor.previousEnd >= 0, cursor.previousEnd < start,
           ICUWordSegmenter.gapBreaksPhrase(UnsafeBufferPointer(rebasing: bytes[cursor.previousEnd..<start])) {
            cursor.position += 1
        }
        if start >= cursor.nextSentenceEnd { enterSentence(at: start, body) }
        if batches, batch.count >= AnalysisSession.maximumBatchSize { AnalysisSession.flush(&batch, batchFilters, body) }
        let textStart = kind == .hashtag ? start + 1 : start
        let textBytes = UnsafeBufferPointer(rebasing: bytes[textStart..<end])
        var range = (base + start)..<(base + end)
        if hasOffsetMaps {
            for map in offsetMaps {
                let lower = map.inputOffset(range.lowerBound)
                range = lower..<max(lower + 1, map.inputOffset(range.upperBound))
            }
        }
        let position = cursor.position
        cursor.position += 1
        cursor.previousEnd = end
        guard usesMemo else {
            deliver(Token(text: String(decoding: textBytes, as: UTF8.self), kind: kind, range: range, position: position,
                          sentence: cursor.sentence), body)
            return
        }
        guard textBytes.count <= TokenMemo.maximumKeyLength else {
            let raw = Token(text: String(decoding: textBytes, as: UTF8.self), kind: kind, range: range, position: position, sentence: cursor.sentence)
            if let filtered = perTokenFiltered(raw) { deliver(filtered, body) }
            return
        }
        let key = TokenMemo.Key(textBytes, readable: bytes.count - textStart, kind: kind)
        let index = memo.lookup(key)
        if index >= 0 {
            let entry = memo.entry(index)
            if entry.pointee.isKept {
                deliver(Token(text: entry.pointee.text, kind: entry.pointee.newKind, range: range, position: position,
                              sentence: cursor.sentence), body)
            }
            return
        }
        let raw = Token(text: String(decoding: textBytes, as: UTF8.self), kind: kind, range: range, position: position, sentence: cursor.sentence)
        let filtered = perTokenFiltered(raw)
        memo.store(key, result: filtered.map { ($0.text, $0.kind) })
        if let filtered { deliver(filtered, body) }
    }
}
