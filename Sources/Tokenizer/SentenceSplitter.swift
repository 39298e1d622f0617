/// Splits text into sentences with ICU's sentence break rules (Unicode UAX #29), for every
/// script: "I was charged twice. Please refund me!" → "I was charged twice. ", "Please refund me!".
///
/// ```swift
/// let splitter = SentenceSplitter()
/// splitter.sentences(in: "Card stuck. Help?")   // ["Card stuck. ", "Help?"]
/// ```
///
/// Like ``AnalysisSession``, a splitter owns an ICU break iterator, which is not thread-safe:
/// use one splitter per task. Opening one costs a few microseconds; reuse it across texts.
///
/// Invariant: the sentences are contiguous, non-empty, and their concatenation is the input
/// (trailing spaces and line breaks stay with the sentence they follow).
public final class SentenceSplitter {
    private let breaker: ICUBreaker

    /// Opens a splitter with the break rules of `locale` (`""`, the root locale, suits mixed text).
    public init(locale: String = "") {
        breaker = ICUBreaker(.sentence, locale: locale)
    }

    /// The sentences of `text`, in order.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    public func sentences(in text: String) -> [Substring] {
        var text = text
        var ends: [Int] = []
        let ok: Bool = text.withUTF8 { bytes in
            guard bytes.count < Int(Int32.max) else { return false }
            breaker.sentenceEnds(in: bytes, into: &ends)
            return true
        }
        guard ok, !text.isEmpty else { return text.isEmpty ? [] : [Substring(text)] }
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        for end in ends {
            // ICU reports offsets on scalar boundaries of valid UTF-8 (Swift strings are valid).
            let stop = utf8.index(utf8.startIndex, offsetBy: end, limitedBy: utf8.endIndex) ?? utf8.endIndex
            guard stop > start else { continue }
            result.append(text[start..<stop])
            start = stop
        }
        if start < utf8.endIndex { result.append(text[start...]) }
        return result
    }
}
