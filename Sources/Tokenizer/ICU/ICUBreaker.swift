import CICUShim

/// An ICU break iterator (word or sentence) owned by one task.
///
/// ICU iterators are not thread-safe: each ``AnalysisSession`` opens its own. Opening costs
/// a few microseconds (ICU caches the compiled rules), so sessions are reused across documents.
///
/// Hot loops use ``setText(_:)`` and ``nextSegments()`` and read the segments straight from
/// ``segments``; ``forEachSegment(in:_:)`` wraps the same calls for everything else.
final class ICUBreaker {
    enum Kind {
        case word, sentence
    }

    private let handle: OpaquePointer
    /// How many segments one ``nextSegments()`` call writes at most.
    static let capacity = 256
    /// The (start, end, status) triples of the last ``nextSegments()`` call: segment `i` is at
    /// `segments[3 * i]`, `segments[3 * i + 1]` and `segments[3 * i + 2]`. Allocated once.
    let segments: UnsafeMutablePointer<Int32>

    /// Opens a breaker. ICU's break rules ship inside libicudata; failing to open one means the
    /// installation is broken, not the input, so this stops with ICU's error name.
    init(_ kind: Kind, locale: String) {
        var status: Int32 = 0
        let opened = cicu_breaker_open(kind == .word ? Int32(CICU_BREAK_WORD) : Int32(CICU_BREAK_SENTENCE), locale, &status)
        guard let opened, status <= 0 else {
            fatalError("ICU could not open its \(kind) break rules for locale '\(locale)': \(ICUInfo.errorName(status)). Is libicu installed?")
        }
        handle = opened
        segments = .allocate(capacity: 3 * Self.capacity)
        segments.initialize(repeating: 0, count: 3 * Self.capacity)
    }

    deinit {
        cicu_breaker_close(handle)
        segments.deallocate()
    }

    /// Points the breaker at `text` (not copied: it must stay valid while its segments are
    /// read). Returns `false` when ICU refuses the text (then there are no segments).
    /// `text` must be shorter than 2^31 bytes.
    @inline(__always)
    func setText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var status: Int32 = 0
        cicu_breaker_set_text(handle, text.baseAddress, Int32(text.count), &status)
        return status <= 0
    }

    /// Writes the next segments of the text into ``segments`` and returns how many; fewer than
    /// ``capacity`` means the text is done (0 once it was done before).
    ///
    /// Word breakers report word-like segments (rule status ≥ 100) and emoji segments
    /// (status `CICU_STATUS_EMOJI`); sentence breakers report every sentence.
    @inline(__always)
    func nextSegments() -> Int {
        Int(cicu_breaker_next_segments(handle, segments, Int32(Self.capacity)))
    }

    /// Whether ASCII-only texts are segmented without ICU (word breakers of the root locale,
    /// once the shim's fast path has matched the linked ICU on its self-check). The segments
    /// are the same either way; see `Sources/CICUShim/ascii_words.c`.
    var usesASCIIFastPath: Bool {
        get { cicu_breaker_uses_ascii_fast_path(handle) != 0 }
        set { cicu_breaker_set_ascii_fast_path(handle, newValue ? 1 : 0) }
    }

    /// On how many of the strings of up to `length` characters of `alphabet` (ASCII) the fast
    /// path and ICU's root word breaker differ (-1: ICU could not be opened).
    /// - Complexity: O(a^length) for an alphabet of a characters.
    static func asciiFastPathDifferences(alphabet: String, length: Int) -> Int {
        var alphabet = alphabet
        return alphabet.withUTF8 { Int(cicu_ascii_words_compare($0.baseAddress, Int32($0.count), Int32(length))) }
    }

    /// Iterates the segments of `text`, calling `body(start, end, status)` for each.
    /// - Complexity: O(n) in the length of `text`.
    @inline(__always)
    func forEachSegment(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int32) -> Void) {
        guard setText(text) else { return }
        while true {
            let n = nextSegments()
            for i in 0..<n {
                body(Int(segments[3 * i]), Int(segments[3 * i + 1]), segments[3 * i + 2])
            }
            if n < Self.capacity { break }
        }
    }

    /// The end offsets of the sentences of `text`, in order.
    func sentenceEnds(in text: UnsafeBufferPointer<UInt8>, into ends: inout [Int]) {
        ends.removeAll(keepingCapacity: true)
        forEachSegment(in: text) { _, end, _ in ends.append(end) }
    }
}
