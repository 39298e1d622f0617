import Testing
@testable import TranscriptMiner

@Suite("Redaction: phone numbers")
struct RedactionPhoneTests {
    @Test("international formats", arguments: [
        "+44 20 7946 0958", "+1 (555) 123-4567", "+1-555-123-4567", "+49 (0)30 1234 5678", "+4915112345678",
        "+33 6 12 34 56 78", "+91 98765 43210", "+61 4 1234 5678", "+81 3-1234-5678", "+55 11 91234-5678",
        "+34 612 345 678", "+353 1 234 5678", "0044 20 7946 0958", "+86 138 1234 5678", "+44\u{00A0}20\u{00A0}7946\u{00A0}0958",
    ])
    func international(number: String) {
        #expect(RedactionProbe.found("Reach me on \(number), thanks.", .phone) == [number])
        #expect(RedactionProbe.found("\(number)", .phone) == [number])
    }

    @Test("national formats", arguments: [
        "(555) 123-4567", "555-123-4567", "555.123.4567", "555 123 4567", "1-800-555-0199", "020 7946 0958",
        "07700 900123", "0121 496 0000", "06 12 34 56 78", "030 12345678", "0171 1234567", "089/1234567",
        "03-1234-5678", "0412 345 678", "(02) 9876 5432", "(11) 91234-5678", "06-12345678", "612 345 678",
        "91 123 45 67", "555\u{2013}123\u{2013}4567", "07700900123",
    ])
    func national(number: String) {
        #expect(RedactionProbe.found("My number is \(number).", .phone) == [number])
        #expect(RedactionProbe.found("I'm at \(number) until 5", .phone) == [number])
    }

    @Test("plain digits after a phone word", arguments: [
        ("call me on 5551234567", "5551234567"), ("my number is 5551234567", "5551234567"),
        ("mobile: 13812345678", "13812345678"), ("tel 5551234", "5551234"),
    ])
    func plainWithContext(text: String, expected: String) {
        #expect(RedactionProbe.found(text, .phone) == [expected])
    }

    @Test("not phones: dates, times, amounts, ids, years, versions", arguments: [
        "2024-05-17", "17/05/2024", "17.05.2024", "05/17/2024", "2024/05/17", "on 2024-05-17 at 10:30",
        "10:30:15", "$1,234.56", "1.234,56 €", "€1.234.567,00", "12 345 678 €", "EUR 123 456 789", "A-1234",
        "ORD-2024-00871", "#12345", "order 48291", "2019 2020 2021", "v2.14.3", "version 10.0.19045.2965",
        "192.168.100.200", "1.2.3.4", "7489 1234 5678", "9400 1000 0000 0000 0000 00", "7489 1234 5678 9012",
        "order number 5551234567", "tracking 0123456789", "12.500.000", "1 234 567", "3 items", "x2", "15%",
        "123-45-6789", "ticket 555-0134", "case 123 456 789", "2024-05-17 2024-05-18", "17.05.2024 10:30",
        "ISBN 978-3-16-148410-0", "1Z999AA10123456784", "1st 2nd", "7489123456781234",
        "between 10 and 20", "42", "+5", "+20%", "1+1", "page 12 of 30",
    ])
    func negatives(text: String) {
        #expect(RedactionProbe.found(text, .phone).isEmpty)
    }

    @Test func phoneInsideLongerRun() {
        #expect(RedactionProbe.found("Scores 10 20 555 123 4567 ok", .phone) == ["555 123 4567"])
    }
}
