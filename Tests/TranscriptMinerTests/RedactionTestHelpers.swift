@testable import TranscriptMiner

/// Small helpers shared by the redaction tests.
enum RedactionProbe {
    /// The substrings of `text` that `redactor` replaces, with their kinds.
    static func findings(_ text: String, _ redactor: Redactor = Redactor()) -> [(PIIKind, String)] {
        let bytes = Array(text.utf8)
        return redactor.redact(text).redactions.map {
            ($0.kind, String(decoding: bytes[$0.originalRange], as: UTF8.self))
        }
    }

    /// The replaced substrings of `text` when only `kind` is enabled.
    static func found(_ text: String, _ kind: PIIKind) -> [String] {
        findings(text, Redactor(kinds: [kind])).map(\.1)
    }

    /// The first violated invariant of `result` as the redaction of `original`, or nil:
    /// redactions in order and not overlapping, placeholders at their ranges, text between them
    /// copied unchanged, and range mapping consistent at every boundary.
    static func violation(_ result: RedactedText, original: String) -> String? {
        let input = Array(original.utf8)
        let output = Array(result.text.utf8)
        var i = 0
        var o = 0
        for (k, r) in result.redactions.enumerated() {
            if r.originalRange.isEmpty { return "redaction \(k): empty" }
            if r.originalRange.lowerBound < i { return "redaction \(k): overlaps or out of order" }
            let gap = r.originalRange.lowerBound - i
            if r.redactedRange.lowerBound != o + gap { return "redaction \(k): redacted start \(r.redactedRange.lowerBound) != \(o + gap)" }
            if input[i..<r.originalRange.lowerBound] != output[o..<o + gap] { return "redaction \(k): text before differs" }
            if Array(output[r.redactedRange]) != Array(r.kind.placeholder.utf8) { return "redaction \(k): placeholder missing" }
            for bound in [r.originalRange.lowerBound, r.originalRange.upperBound] where bound < input.count && input[bound] & 0xC0 == 0x80 {
                return "redaction \(k): bound \(bound) inside a character"
            }
            if result.originalRange(forRedactedRange: r.redactedRange) != r.originalRange { return "redaction \(k): range maps back wrong" }
            if result.redactedRange(forOriginalRange: r.originalRange) != r.redactedRange { return "redaction \(k): range maps forward wrong" }
            i = r.originalRange.upperBound
            o = r.redactedRange.upperBound
        }
        if input[i...] != output[o...] { return "text after the last redaction differs" }
        return nil
    }
}
