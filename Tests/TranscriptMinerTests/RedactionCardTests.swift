import Testing
@testable import TranscriptMiner

@Suite("Redaction: payment cards")
struct RedactionCardTests {
    @Test("Luhn-valid numbers with a known prefix", arguments: [
        "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5555 5555 5555 4444", "2223 0031 2200 3222",
        "3782 822463 10005", "371449635398431", "6011 1111 1111 1117", "3530 1113 3330 0000", "3056 9309 0259 04",
        "6200 0000 0000 0005", "4222222222222", "4111\u{00A0}1111\u{00A0}1111\u{00A0}1111", "6759 6498 2643 8453",
    ])
    func finds(number: String) {
        #expect(RedactionProbe.found("card \(number), exp 12/27", .card) == [number])
        #expect(RedactionProbe.findings("card \(number).").map(\.0) == [.card])
    }

    @Test("rejects", arguments: [
        "4111 1111 1111 1112",  // Luhn fails
        "1234 5678 9012 3452",  // unknown prefix (Luhn-valid)
        "9400 1000 0000 0000 0000 00", "411111111111",  // too short
        "41111111111111111111",  // too long
        "#4111111111111111", "A-4111111111111111", "4111111111111111.50", "$4111111111111111",
        "4111.1111.1111.1111",
    ])
    func rejects(text: String) {
        #expect(RedactionProbe.found(text, .card).isEmpty)
    }

    @Test func cardInsideLongerRun() {
        #expect(RedactionProbe.found("qty 2 4111 1111 1111 1111 ok", .card) == ["4111 1111 1111 1111"])
        #expect(RedactionProbe.found("4111 1111 1111 1111 12", .card) == ["4111 1111 1111 1111"])
    }

    @Test func luhn() {
        let digits = Array("79927398713".utf8)
        digits.withUnsafeBufferPointer { bytes in
            let group = DigitGroup(digits: 0..<digits.count, span: 0..<digits.count, join: .start, isParenthesized: false)
            #expect(PaymentCardDetector.luhnIsValid([group][...], bytes))
        }
        #expect(PaymentCardDetector.hasIssuerPrefix(411111))
        #expect(PaymentCardDetector.hasIssuerPrefix(222100))
        #expect(!PaymentCardDetector.hasIssuerPrefix(272100))
        #expect(!PaymentCardDetector.hasIssuerPrefix(123456))
    }
}
