import Testing
@testable import TranscriptMiner

@Suite("Redaction: emails")
struct RedactionEmailTests {
    @Test("finds addresses", arguments: [
        ("mail jane.doe@example.com today", "jane.doe@example.com"),
        ("<Jane.Doe+help@mail.example.co.uk>.", "Jane.Doe+help@mail.example.co.uk"),
        ("(o'brien_2@sub-domain.example.io)", "o'brien_2@sub-domain.example.io"),
        ("at JOHN@EXAMPLE.ORG.", "JOHN@EXAMPLE.ORG"),
        ("mailto:support@example.net?subject=hi", "support@example.net"),
        ("write to josé@exämple.de please", "josé@exämple.de"),
        ("почта: иван@пример.рф", "иван@пример.рф"),
        ("请发到bob@example.com谢谢", "bob@example.com"),
        ("'bob@x.io'", "bob@x.io"),
        ("email=first.last@company.com&x=1", "first.last@company.com"),
    ])
    func finds(text: String, expected: String) {
        #expect(RedactionProbe.found(text, .email) == [expected])
    }

    @Test("leaves other @ uses", arguments: [
        "@handle said hi", "user@localhost", "price @ 5.00", "a@b", "@@", "me@.com", "x@y.c", "team @ example.com",
        "bob@example.com2",
    ])
    func negatives(text: String) {
        #expect(RedactionProbe.found(text, .email).isEmpty)
    }

    @Test func placeholderReplacesWholeAddress() {
        #expect(Redactor().redact("Contact jane@example.com, or call.").text == "Contact [EMAIL], or call.")
    }
}
