import CICUShim

/// An ICU break iterator (word or sentence) owned by one task.
///
/// ICU iterators are not thread-safe: each ``AnalysisSession`` opens its own. Opening costs
/// a few microseconds (ICU caches the compiled rules), so sessions are reused across documents.
final class ICUBreaker {
    enum Kind {
        case word, sentence
    }

    private let handle: OpaquePointer
    /// Reused buffer of (start, end, status) triples.
    private var triples: [Int32]
    private let capacity: Int32 = 256

    /// Opens a breaker. ICU's break rules ship inside libicudata; failing to open one means the
    /// installation is broken, not the input, so this stops with ICU's error name.
    init(_ kind: Kind, locale: String) {
        var status: Int32 = 0
        let opened = cicu_breaker_open(kind == .word ? Int32(CICU_BREAK_WORD) : Int32(CICU_BREAK_SENTENCE), locale, &status)
        guard let opened, status <= 0 else {
            fatalError("ICU could not open its \(kind) break rules for locale '\(locale)': \(ICUInfo.errorName(status)). Is libicu installed?")
        }
        handle = opened
        triples = [Int32](repeating: 0, count: 3 * Int(capacity))
    }

    deinit { cicu_breaker_close(handle) }

    /// Iterates the segments of `text`, calling `body(start, end, status)` for each.
    ///
    /// Word breakers report word-like segments (rule status ≥ 100) and emoji segments
    /// (status `CICU_STATUS_EMOJI`); sentence breakers report every sentence.
    /// `text` must be shorter than 2^31 bytes.
    /// - Complexity: O(n) in the length of `text`.
    @inline(__always)
    func forEachSegment(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int32) -> Void) {
        var status: Int32 = 0
        cicu_breaker_set_text(handle, text.baseAddress, Int32(text.count), &status)
        guard status <= 0 else { return }
        triples.withUnsafeMutableBufferPointer { out in
            while true {
                let n = Int(cicu_breaker_next_segments(handle, out.baseAddress, capacity))
                if n == 0 { break }
                for i in 0..<n {
                    body(Int(out[3 * i]), Int(out[3 * i + 1]), out[3 * i + 2])
                }
            }
        }
    }

    /// The end offsets of the sentences of `text`, in order.
    func sentenceEnds(in text: UnsafeBufferPointer<UInt8>, into ends: inout [Int]) {
        ends.removeAll(keepingCapacity: true)
        forEachSegment(in: text) { _, end, _ in ends.append(end) }
    }
}
