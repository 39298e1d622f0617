import Testing
@testable import TranscriptMiner

@Suite("Redaction: IBANs")
struct RedactionIBANTests {
    @Test("checksum-valid IBANs", arguments: [
        "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432",
        "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00", "BE68 5390 0754 7034", "NO93 8601 1117 947",
        "CH93 0076 2011 6238 5295 7", "ES91 2100 0418 4502 0005 1332", "IT60 X054 2811 1010 0000 0123 456",
        "gb82 west 1234 5698 7654 32", "DE89-3704-0044-0532-0130-00",
    ])
    func finds(iban: String) {
        #expect(RedactionProbe.found("IBAN: \(iban), thanks", .iban) == [iban])
        #expect(RedactionProbe.findings("pay to \(iban).").map(\.0) == [.iban])
    }

    @Test("rejects", arguments: [
        "DE89 3704 0044 0532 0130 01",  // checksum
        "DE89 3704 0044 0532 0130",  // too short for DE
        "DE89 3704 0044 0532 0130 001",  // too long for DE
        "XDE89370400440532013000", "ISO 9001 certified", "AB12 cd", "GB00 WEST 1234 5698 7654 32",
    ])
    func rejects(text: String) {
        #expect(RedactionProbe.found(text, .iban).isEmpty)
    }

    @Test func checksum() {
        #expect(IBANDetector.checksumIsValid(Array("GB82WEST12345698765432".utf8)))
        #expect(!IBANDetector.checksumIsValid(Array("GB83WEST12345698765432".utf8)))
        #expect(IBANDetector.lengths["DE"] == 22)
        #expect(IBANDetector.lengths.count >= 80)
    }
}
