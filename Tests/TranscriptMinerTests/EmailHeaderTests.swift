import Testing
@testable import TranscriptMiner

@Suite struct EmailHeaderTests {
    private func parse(_ text: String) -> (EmailHeaders, String) {
        let bytes = Array(text.utf8)
        let (headers, start) = EmailHeaders.parse(bytes[...])
        return (headers, String(decoding: bytes[start...], as: UTF8.self))
    }

    @Test func unfoldsContinuationLinesKeepingTheirWhitespace() {
        let (headers, body) = parse("Subject: card\r\n  blocked\r\n\tagain\r\nFrom: a@example.net\r\n\r\nbody\r\n")
        #expect(headers.text("subject") == "card  blocked\tagain")
        #expect(headers.text("from") == "a@example.net")
        #expect(body == "body\r\n")
    }

    @Test func namesAreCaseInsensitiveAndTheFirstFieldWins() {
        let (headers, _) = parse("SUBJECT: one\nsubject: two\nX-Weird-Name: v\n\n")
        #expect(headers.text("Subject") == "one")
        #expect(headers.text("x-weird-name") == "v")
        #expect(headers.fields.map(\.name) == ["subject", "subject", "x-weird-name"])
    }

    @Test func obsoleteSpaceBeforeColonIsAccepted() {
        let (headers, _) = parse("Subject : spaced\n\n")
        #expect(headers.text("subject") == "spaced")
    }

    @Test func textWithoutHeadersHasNoFieldsAndIsAllBody() {
        let (headers, body) = parse("Hello, my card is blocked.\nPlease help.\n")
        #expect(headers.fields.isEmpty)
        #expect(!headers.hasMessageFields)
        #expect(body == "Hello, my card is blocked.\nPlease help.\n")
    }

    @Test func aLeadingContinuationLineIsNotAHeader() {
        let (headers, _) = parse("  indented: text\nSubject: x\n\n")
        #expect(headers.fields.isEmpty)
    }

    @Test func aNonHeaderLineAfterFieldsStartsTheBody() {
        let (headers, body) = parse("From: a@example.net\nthis is body text\nmore\n")
        #expect(headers.text("from") == "a@example.net")
        #expect(body == "this is body text\nmore\n")
    }

    @Test func headersWithoutABodyEndAtTheEnd() {
        let (headers, body) = parse("From: a@example.net\nSubject: only headers")
        #expect(headers.text("subject") == "only headers")
        #expect(body.isEmpty)
    }

    @Test func hasMessageFieldsNeedsAMessageHeader() {
        #expect(!parse("Note: not a mail\n\nx").0.hasMessageFields)
        #expect(parse("Message-ID: <a@b>\n\nx").0.hasMessageFields)
    }

    @Test func addressesAreFoundAndLowerCased() {
        #expect(EmailAddress.address(in: "Jana Novák <Jana.Novak@Example.NET>") == "jana.novak@example.net")
        #expect(EmailAddress.address(in: "tom@examplebank.example (Tom)") == "tom@examplebank.example")
        #expect(EmailAddress.address(in: "\"Becker, Tom\" <tom@x.example>, other <o@y.example>") == "o@y.example")
        #expect(EmailAddress.address(in: "Undisclosed recipients") == nil)
    }

    @Test func agentDomainsMatchTheDomainAndItsSubdomainsOnly() {
        let domains = ["ExampleBank.example", "@partner.example"]
        #expect(EmailAddress.isAgent("tom@examplebank.example", agentDomains: domains))
        #expect(EmailAddress.isAgent("tom@support.examplebank.example", agentDomains: domains))
        #expect(EmailAddress.isAgent("x@partner.example", agentDomains: domains))
        #expect(!EmailAddress.isAgent("eve@notexamplebank.example", agentDomains: domains))
        #expect(!EmailAddress.isAgent("eve@examplebank.example.evil.example", agentDomains: domains))
        #expect(!EmailAddress.isAgent("no-domain", agentDomains: domains))
    }

    @Test func messageIDsLoseTheirAngleBrackets() {
        #expect(EmailAddress.messageIDs(in: "<a1@example.net>\n <a2@example.net> junk <a3@x>") == ["a1@example.net", "a2@example.net", "a3@x"])
        #expect(EmailAddress.messageIDs(in: "bare-id@example.net (comment)") == ["bare-id@example.net"])
        #expect(EmailAddress.messageIDs(in: "<a@b> <c@d>", limit: 1) == ["a@b"])
    }

    @Test func contentTypeParametersAreParsed() {
        let type = MIMEContentType(parsing: "Multipart/Alternative; (comment) boundary=\"=_b \\\"1\"; CHARSET=utf-8")
        #expect(type.mediaType == "multipart/alternative")
        #expect(type.parameters["boundary"] == "=_b \"1")
        #expect(type.parameters["charset"] == "utf-8")
        #expect(MIMEContentType(parsing: nil).mediaType == "text/plain")
        #expect(MIMEContentType(parsing: "garbage").mediaType == "text/plain")
        #expect(MIMEContentType(parsing: "text/plain; charset*=utf-8''%E2%82%AC").parameters["charset"] == "€")
        #expect(MIMEContentType.isAttachment(disposition: "Attachment; filename=a.pdf"))
        #expect(!MIMEContentType.isAttachment(disposition: "inline"))
    }

    @Test func datesAreBoundedAgainstOverflow() {
        #expect(Timestamp.parse("Mon, 15 Jan 2024 10:32:00 +0100")?.timeIntervalSince1970 == 1_705_311_120)
        #expect(Timestamp.parse("1 Jan 999999999999999 10:00") == nil)
        #expect(Timestamp.parse("15 Jan 99999999 10:00") == nil)  // an eight-digit number is no year
        #expect(Timestamp.parse("2024-05-17T09:31:07.123456789Z") != nil)
        #expect(Timestamp.parse(String(repeating: "9", count: 40)) == nil)
    }
}
