/// Offsets between the redacted text and the input it came from.
///
/// Text outside redactions maps one to one (shifted by the length changes before it). An offset
/// inside a placeholder has no exact counterpart: a range start maps to the start of the
/// original span and a range end to its end, so a quote that touches a placeholder covers the
/// whole original value, and the reverse maps a range that touches a value to one covering
/// the whole placeholder.
extension RedactedText {
    /// The input offset for an offset in ``text`` (both UTF-8); inside a placeholder, the start
    /// of the span it replaced.
    ///
    /// ```swift
    /// let r = Redactor().redact("SSN 123-45-6789, thanks") // "SSN [SSN], thanks"
    /// r.originalOffset(forRedactedOffset: 9)  // 15: the "," after the number
    /// r.originalOffset(forRedactedOffset: 6)  // 4: inside "[SSN]" → start of "123-45-6789"
    /// ```
    /// - Complexity: O(log r) in the number of redactions r.
    public func originalOffset(forRedactedOffset offset: Int) -> Int {
        Self.mapLower(offset, redactions, from: \.redactedRange, to: \.originalRange)
    }

    /// The offset in ``text`` for an input offset (both UTF-8); inside a replaced span, the
    /// start of its placeholder.
    ///
    /// ```swift
    /// let r = Redactor().redact("SSN 123-45-6789, thanks") // "SSN [SSN], thanks"
    /// r.redactedOffset(forOriginalOffset: 15) // 9
    /// ```
    /// - Complexity: O(log r) in the number of redactions r.
    public func redactedOffset(forOriginalOffset offset: Int) -> Int {
        Self.mapLower(offset, redactions, from: \.originalRange, to: \.redactedRange)
    }

    /// The input range that a range of ``text`` came from (UTF-8 offsets). A bound inside a
    /// placeholder widens to the whole replaced span.
    ///
    /// ```swift
    /// let r = Redactor().redact("Call 555-123-4567 now") // "Call [PHONE] now"
    /// r.originalRange(forRedactedRange: 0..<12) // 0..<17: "Call 555-123-4567"
    /// r.originalRange(forRedactedRange: 13..<16) // 18..<21: "now"
    /// ```
    /// - Complexity: O(log r) in the number of redactions r.
    public func originalRange(forRedactedRange range: Range<Int>) -> Range<Int> {
        let lower = Self.mapLower(range.lowerBound, redactions, from: \.redactedRange, to: \.originalRange)
        if range.isEmpty { return lower..<lower }
        let upper = Self.mapUpper(range.upperBound, redactions, from: \.redactedRange, to: \.originalRange)
        return lower..<max(lower, upper)
    }

    /// The range of ``text`` that an input range became (UTF-8 offsets). A bound inside a
    /// replaced span widens to the whole placeholder.
    ///
    /// ```swift
    /// let r = Redactor().redact("Call 555-123-4567 now") // "Call [PHONE] now"
    /// r.redactedRange(forOriginalRange: 5..<8) // 5..<12: "[PHONE]"
    /// ```
    /// - Complexity: O(log r) in the number of redactions r.
    public func redactedRange(forOriginalRange range: Range<Int>) -> Range<Int> {
        let lower = Self.mapLower(range.lowerBound, redactions, from: \.originalRange, to: \.redactedRange)
        if range.isEmpty { return lower..<lower }
        let upper = Self.mapUpper(range.upperBound, redactions, from: \.originalRange, to: \.redactedRange)
        return lower..<max(lower, upper)
    }

    /// Maps a start offset: inside (or at the start of) a span → the start of its counterpart.
    private static func mapLower(
        _ offset: Int, _ redactions: [Redaction],
        from: KeyPath<Redaction, Range<Int>>, to: KeyPath<Redaction, Range<Int>>
    ) -> Int {
        // The last redaction whose source span starts at or before `offset`.
        var low = 0
        var high = redactions.count
        while low < high {
            let mid = (low + high) / 2
            if redactions[mid][keyPath: from].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let r = redactions[low - 1]
        let source = r[keyPath: from]
        let target = r[keyPath: to]
        return offset < source.upperBound ? target.lowerBound : offset - source.upperBound + target.upperBound
    }

    /// Maps an end offset: inside (or at the end of) a span → the end of its counterpart.
    private static func mapUpper(
        _ offset: Int, _ redactions: [Redaction],
        from: KeyPath<Redaction, Range<Int>>, to: KeyPath<Redaction, Range<Int>>
    ) -> Int {
        // The last redaction whose source span starts strictly before `offset`.
        var low = 0
        var high = redactions.count
        while low < high {
            let mid = (low + high) / 2
            if redactions[mid][keyPath: from].lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let r = redactions[low - 1]
        let source = r[keyPath: from]
        let target = r[keyPath: to]
        return offset <= source.upperBound ? target.upperBound : offset - source.upperBound + target.upperBound
    }
}
