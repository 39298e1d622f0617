/// The redaction stage: finds personal data in text and replaces each finding with a typed
/// placeholder, keeping a map between the redacted text and the input.
///
/// ```swift
/// let redactor = Redactor()                        // every kind, the pipeline's default
/// let result = redactor.redact("I'm jo@example.com, card 4111 1111 1111 1111.")
/// result.text        // "I'm [EMAIL], card [CARD]."
/// result.redactions  // [email 4..<18 → 4..<11, card 25..<44 → 18..<24]
///
/// Redactor(kinds: [.email]).redact("call 555-123-4567").text // unchanged: phones not enabled
/// ```
///
/// What each kind matches is documented on its detector and summarised on ``PIIKind``. One pass
/// over the UTF-8 bytes finds the places where something could start (digit runs, `@`, `:`, URL
/// signs); each enabled detector then looks only there, by hand, without regular expressions.
/// Recognised syntax is ASCII; text around it may be in any script.
///
/// **Overlaps.** Findings of different kinds may overlap (the digits of an IBAN also look like a
/// card number; an email sits in a URL's query). Overlapping findings merge into one redaction
/// covering all of them, so nothing of either survives. Its kind is that of the highest
/// ``PIIKind/priority`` (email > url > iban > card > ssn > phone > ipAddress) among the findings
/// that cover the whole merged span, or among all of them when none does; a longer finding
/// breaks a tie.
///
/// **Ranges.** Text outside redactions is copied byte for byte; each replaced span becomes exactly
/// its placeholder, and ``RedactedText`` maps offsets both ways, so quotes read naturally and
/// line up with token ranges.
///
/// **Idempotence.** Placeholders contain no digits, `@`, `:` or `.`, so redacting a redacted text
/// changes nothing.
///
/// - Complexity: O(n) in the length of the text, plus O(f log f) to order f findings. Text with
///   no digit, `@`, `:` or `.` is returned as is after one scan, without copying.
public struct Redactor: Sendable, Hashable, Codable {
    /// The kinds of personal data to find. Default: all of them. An empty set turns redaction off.
    public var kinds: Set<PIIKind> {
        didSet { mask = Self.mask(kinds) }
    }
    /// `kinds` as bits by ``PIIKind/allCases`` index (no hashing per call).
    private var mask: UInt8

    private enum CodingKeys: String, CodingKey { case kinds }

    /// Creates a redactor for the given kinds.
    ///
    /// ```swift
    /// let phonesAndEmails = Redactor(kinds: [.phone, .email])
    /// ```
    /// - Parameter kinds: the kinds to find; default all of ``PIIKind/allCases``.
    /// - Complexity: O(1).
    public init(kinds: Set<PIIKind> = Set(PIIKind.allCases)) {
        self.kinds = kinds
        mask = Self.mask(kinds)
    }

    /// Decodes a redactor: `{"kinds": ["email", "phone"]}`.
    /// - Throws: `DecodingError` when `kinds` is missing or names an unknown kind.
    /// - Complexity: O(k) in the number of kinds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kinds: try container.decode(Set<PIIKind>.self, forKey: .kinds))
    }

    private static func mask(_ kinds: Set<PIIKind>) -> UInt8 {
        var mask: UInt8 = 0
        for (k, kind) in PIIKind.allCases.enumerated() where kinds.contains(kind) { mask |= 1 << k }
        return mask
    }

    /// Redacts `text`.
    ///
    /// ```swift
    /// let r = Redactor().redact("SSN 123-45-6789, IP 10.1.2.3")
    /// r.text // "SSN [SSN], IP [IP]"
    /// r.originalRange(forRedactedRange: 4..<9) // 4..<15: "123-45-6789"
    /// ```
    /// - Parameter text: any text; offsets are UTF-8.
    /// - Returns: the redacted text and its redactions in text order.
    /// - Complexity: O(n) in the length of `text` (see the type's notes).
    public func redact(_ text: String) -> RedactedText {
        guard mask != 0 else { return RedactedText(text: text, redactions: []) }
        if let result = text.utf8.withContiguousStorageIfAvailable({ redact(bytes: $0, original: text) }) {
            return result
        }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { redact(bytes: $0, original: text) }
            ?? RedactedText(text: text, redactions: [])
    }

    // MARK: Internals

    private func redact(bytes: PIIBytes.Bytes, original: String) -> RedactedText {
        let scan = PIIScan(bytes)
        guard scan.mayContainPII else { return RedactedText(text: original, redactions: []) }
        var candidates: [PIICandidate] = []
        candidates.reserveCapacity(8)
        for (k, kind) in PIIKind.allCases.enumerated() where mask & (1 << k) != 0 {
            switch kind {
            case .email: EmailDetector().detect(in: scan, into: &candidates)
            case .phone: PhoneDetector().detect(in: scan, into: &candidates)
            case .card: PaymentCardDetector().detect(in: scan, into: &candidates)
            case .iban: IBANDetector().detect(in: scan, into: &candidates)
            case .ipAddress: IPAddressDetector().detect(in: scan, into: &candidates)
            case .url: SecretURLDetector().detect(in: scan, into: &candidates)
            case .ssn: SSNDetector().detect(in: scan, into: &candidates)
            }
        }
        guard !candidates.isEmpty else { return RedactedText(text: original, redactions: []) }
        let spans = Self.resolve(candidates)
        return Self.replace(bytes, spans)
    }

    /// Merges overlapping candidates and names each merged span (see the type's notes).
    static func resolve(_ candidates: [PIICandidate]) -> [PIICandidate] {
        let sorted = candidates.sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
                : $0.range.upperBound > $1.range.upperBound
        }
        var spans: [PIICandidate] = []
        spans.reserveCapacity(sorted.count)
        var k = 0
        while k < sorted.count {
            var union = sorted[k].range
            var m = k + 1
            while m < sorted.count, sorted[m].range.lowerBound < union.upperBound {
                union = union.lowerBound..<max(union.upperBound, sorted[m].range.upperBound)
                m += 1
            }
            // The best of those covering the union, else the best of all.
            func better(_ a: PIICandidate, than b: PIICandidate?) -> Bool {
                guard let b else { return true }
                return a.kind.priority != b.kind.priority ? a.kind.priority > b.kind.priority : a.range.count > b.range.count
            }
            var bestCovering: PIICandidate?
            var best: PIICandidate?
            for c in sorted[k..<m] {
                if c.range == union, better(c, than: bestCovering) { bestCovering = c }
                if better(c, than: best) { best = c }
            }
            spans.append(PIICandidate(kind: (bestCovering ?? best)!.kind, range: union))
            k = m
        }
        return spans
    }

    /// Builds the output: bytes outside `spans` copied, each span replaced by its placeholder.
    static func replace(_ bytes: PIIBytes.Bytes, _ spans: [PIICandidate]) -> RedactedText {
        var capacity = bytes.count
        for s in spans { capacity += max(0, s.kind.placeholder.utf8.count - s.range.count) }
        var redactions: [Redaction] = []
        redactions.reserveCapacity(spans.count)
        let text = String(unsafeUninitializedCapacity: capacity) { out in
            var o = 0
            var i = 0
            func copy(_ source: UnsafeBufferPointer<UInt8>) {
                guard let base = source.baseAddress, !source.isEmpty else { return }
                (out.baseAddress! + o).update(from: base, count: source.count)
                o += source.count
            }
            for s in spans {
                copy(UnsafeBufferPointer(rebasing: bytes[i..<s.range.lowerBound]))
                let start = o
                var placeholder = s.kind.placeholder
                placeholder.withUTF8 { copy($0) }
                redactions.append(Redaction(kind: s.kind, originalRange: s.range, redactedRange: start..<o))
                i = s.range.upperBound
            }
            copy(UnsafeBufferPointer(rebasing: bytes[i..<bytes.count]))
            return o
        }
        return RedactedText(text: text, redactions: redactions)
    }
}
