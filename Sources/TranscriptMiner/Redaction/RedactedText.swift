/// Text after redaction, with a record of every replaced span.
///
/// ```swift
/// let result = Redactor().redact("Call +44 20 7946 0958 or mail jo@example.com")
/// result.text        // "Call [PHONE] or mail [EMAIL]"
/// result.redactions  // [phone 5..<21 → 5..<12, email 30..<44 → 21..<28]
/// result.originalRange(forRedactedRange: 0..<12) // 0..<21: "Call +44 20 7946 0958"
/// ```
///
/// Text outside the redactions is byte-for-byte the input, so a quote taken from ``text`` maps
/// back to the input with ``originalRange(forRedactedRange:)`` and the other way with
/// ``redactedRange(forOriginalRange:)``.
///
/// Invariants: ``redactions`` are in text order, do not overlap, and their ``Redaction/redactedRange``
/// values hold the placeholders in ``text``.
public struct RedactedText: Sendable, Hashable {
    /// The text with each finding replaced by its kind's placeholder.
    public var text: String
    /// The replaced spans, in text order.
    public var redactions: [Redaction]

    /// Creates a result from a redacted text and its redactions (in text order, not overlapping).
    ///
    /// ```swift
    /// RedactedText(text: "no personal data", redactions: [])
    /// ```
    /// - Complexity: O(1).
    public init(text: String, redactions: [Redaction]) {
        self.text = text
        self.redactions = redactions
    }

    /// Whether nothing was replaced (then ``text`` is the input).
    ///
    /// ```swift
    /// Redactor().redact("Thanks, that worked!").isUnchanged // true
    /// ```
    /// - Complexity: O(1).
    public var isUnchanged: Bool { redactions.isEmpty }

    /// How many spans of `kind` were replaced.
    ///
    /// ```swift
    /// Redactor().redact("a@b.io, c@d.io").count(of: .email) // 2
    /// ```
    /// - Complexity: O(r) in the number of redactions r.
    public func count(of kind: PIIKind) -> Int {
        redactions.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) }
    }
}
