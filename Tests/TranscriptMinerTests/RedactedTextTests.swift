import Testing
@testable import TranscriptMiner

@Suite("RedactedText: mapping offsets between redacted text and input")
struct RedactedTextTests {
    let input = "Call 555-123-4567 now or mail jo@example.com."
    var result: RedactedText { Redactor().redact(input) }

    @Test func handComputedRanges() {
        #expect(result.text == "Call [PHONE] now or mail [EMAIL].")
        #expect(result.redactions == [
            Redaction(kind: .phone, originalRange: 5..<17, redactedRange: 5..<12),
            Redaction(kind: .email, originalRange: 30..<44, redactedRange: 25..<32),
        ])
        #expect(result.redactions.map(\.lengthChange) == [-5, -7])
    }

    @Test func offsetsOutsideRedactionsRoundTrip() {
        let r = result
        let original = Array(input.utf8)
        let redacted = Array(r.text.utf8)
        for o in 0...original.count where !r.redactions.contains(where: { $0.originalRange.lowerBound < o && o < $0.originalRange.upperBound }) {
            let m = r.redactedOffset(forOriginalOffset: o)
            #expect(r.originalOffset(forRedactedOffset: m) == o)
            if o < original.count, !r.redactions.contains(where: { $0.originalRange.contains(o) }) {
                #expect(redacted[m] == original[o])
            }
        }
    }

    @Test func offsetsInsideMapToTheStart() {
        #expect(result.originalOffset(forRedactedOffset: 8) == 5)   // inside "[PHONE]"
        #expect(result.redactedOffset(forOriginalOffset: 10) == 5)  // inside "555-123-4567"
        #expect(result.originalOffset(forRedactedOffset: 12) == 17) // right after "[PHONE]"
    }

    @Test func quotesLineUp() {
        let r = result
        let redacted = Array(r.text.utf8)
        let original = Array(input.utf8)
        // "now" in the redacted text is "now" in the input.
        let now = 13..<16
        #expect(String(decoding: redacted[now], as: UTF8.self) == "now")
        #expect(String(decoding: original[r.originalRange(forRedactedRange: now)], as: UTF8.self) == "now")
        // A quote that touches a placeholder covers the whole value.
        #expect(r.originalRange(forRedactedRange: 0..<8) == 0..<17)
        #expect(r.originalRange(forRedactedRange: 8..<16) == 5..<21)
        // And the other way: part of a value widens to the whole placeholder.
        #expect(r.redactedRange(forOriginalRange: 7..<9) == 5..<12)
        #expect(r.redactedRange(forOriginalRange: 0..<45) == 0..<33)
        // Empty ranges.
        #expect(r.originalRange(forRedactedRange: 12..<12) == 17..<17)
        #expect(r.redactedRange(forOriginalRange: 30..<30) == 25..<25)
    }

    @Test func noRedactionsIsIdentity() {
        let r = RedactedText(text: "plain", redactions: [])
        #expect(r.originalOffset(forRedactedOffset: 3) == 3)
        #expect(r.redactedRange(forOriginalRange: 1..<4) == 1..<4)
    }
}
