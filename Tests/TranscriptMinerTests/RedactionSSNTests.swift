import Testing
@testable import TranscriptMiner

@Suite("Redaction: US Social Security numbers")
struct RedactionSSNTests {
    @Test("issued SSNs", arguments: [
        ("SSN 123-45-6789.", "123-45-6789"), ("ssn: 078 05 1120", "078 05 1120"), ("SSN 123456789", "123456789"),
        ("social security number 665-12-3456", "665-12-3456"), ("it's 899\u{2011}99\u{2011}9999", "899\u{2011}99\u{2011}9999"),
    ])
    func finds(text: String, expected: String) {
        #expect(RedactionProbe.found(text, .ssn) == [expected])
        #expect(RedactionProbe.findings(text).map(\.0) == [.ssn])
    }

    @Test("never-issued or not SSN-shaped", arguments: [
        "000-12-3456", "666-12-3456", "900-12-3456", "987-65-4321", "123-00-4567", "123-45-0000",
        "order 123456789", "123456789", "123-45-67890", "1123-45-6789", "123-45-6789-1", "A-123-45-6789",
        "123-45 6789", "1 123 45 6789",
    ])
    func negatives(text: String) {
        #expect(RedactionProbe.found(text, .ssn).isEmpty)
    }
}
