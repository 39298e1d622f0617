/// One replaced span: what it was, where it stood in the input and where its placeholder
/// stands in the output.
///
/// ```swift
/// let result = Redactor().redact("Mail me at jo@example.com.")
/// let r = result.redactions[0]
/// r.kind           // .email
/// r.originalRange  // 11..<25, the UTF-8 offsets of "jo@example.com" in the input
/// r.redactedRange  // 11..<18, the UTF-8 offsets of "[EMAIL]" in result.text
/// ```
///
/// Invariants: both ranges are non-empty and fall on character boundaries;
/// `redactedRange.count == kind.placeholder.utf8.count`. A ``RedactedText`` lists its
/// redactions in text order, without overlaps.
public struct Redaction: Sendable, Hashable {
    /// What was found.
    public var kind: PIIKind
    /// UTF-8 offsets of the replaced text in the input.
    public var originalRange: Range<Int>
    /// UTF-8 offsets of the placeholder in the output.
    public var redactedRange: Range<Int>

    /// Creates a redaction record.
    ///
    /// ```swift
    /// Redaction(kind: .ssn, originalRange: 4..<15, redactedRange: 4..<9)
    /// ```
    /// - Complexity: O(1).
    public init(kind: PIIKind, originalRange: Range<Int>, redactedRange: Range<Int>) {
        self.kind = kind
        self.originalRange = originalRange
        self.redactedRange = redactedRange
    }

    /// How much longer the output is than the input after this span: placeholder length minus
    /// original length (negative when the placeholder is shorter).
    ///
    /// ```swift
    /// Redaction(kind: .ssn, originalRange: 4..<15, redactedRange: 4..<9).lengthChange // -6
    /// ```
    /// - Complexity: O(1).
    public var lengthChange: Int { redactedRange.count - originalRange.count }
}
