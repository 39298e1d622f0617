/// One finding of a detector, before overlaps are resolved: a kind and UTF-8 offsets.
struct PIICandidate: Sendable, Hashable {
    /// What was found.
    var kind: PIIKind
    /// UTF-8 offsets in the input; non-empty, on character boundaries.
    var range: Range<Int>
}

/// Finds the spans of one kind of personal data in UTF-8 text.
///
/// A detector visits the places of a ``PIIScan`` where its kind could start, appends its findings
/// to `candidates` in text order and never overlaps its own findings (another detector's may
/// overlap; ``Redactor`` resolves those). Detectors are stateless values.
protocol PIIDetector: Sendable {
    /// The kind this detector finds.
    static var kind: PIIKind { get }
    /// Appends the findings in the scanned text to `candidates`.
    /// - Complexity: O(n) in the length of the text.
    func detect(in scan: PIIScan, into candidates: inout [PIICandidate])
}
