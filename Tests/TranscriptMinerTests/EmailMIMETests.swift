import Testing
@testable import TranscriptMiner

@Suite struct EmailMIMETests {
    /// The outcome for a whole message text (headers and body).
    private func outcome(_ message: String) -> MIMEBody.Outcome {
        let bytes = Array(message.utf8)
        let (headers, start) = EmailHeaders.parse(bytes[...])
        return MIMEBody.text(headers: headers, body: bytes[start...])
    }

    private func text(_ message: String) -> String? {
        if case .text(let text, _, _) = outcome(message) { return text }
        return nil
    }

    private func failure(_ message: String) -> String? {
        if case .failed(let reason) = outcome(message) { return reason }
        return nil
    }

    private let alternative = """
        Content-Type: multipart/alternative; boundary="b1"

        preamble
        --b1
        Content-Type: text/html; charset=utf-8

        <p>HTML version</p>
        --b1
        Content-Type: text/plain; charset=utf-8

        Plain version
        --b1--
        epilogue
        """

    @Test func alternativePrefersPlainTextWhateverItsPosition() {
        #expect(text(alternative) == "Plain version")
    }

    @Test func htmlIsUsedWhenThereIsNoPlainText() {
        let message = """
            Content-Type: multipart/alternative; boundary=b1

            --b1
            Content-Type: text/plain

            \u{20}\u{20}
            --b1
            Content-Type: text/html

            <html><head><title>T</title></head><body><p>Card&nbsp;<b>blocked</b></p><p>Help &amp; thanks</p></body></html>
            --b1--
            """
        guard case .text(let body, let isHTML, _) = outcome(message) else {
            Issue.record("no text")
            return
        }
        #expect(isHTML)
        #expect(body == "Card blocked\nHelp & thanks")
    }

    @Test func nestedMultipartsAndAttachments() {
        let message = """
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain
            Content-Disposition: attachment; filename="log.txt"

            attached log, not the message
            --outer
            Content-Type: multipart/related; boundary="middle"

            --middle
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Caf=E9 card declined
            --inner--
            --middle
            Content-Type: image/png

            PNG
            --middle--
            --outer--
            """
        #expect(text(message) == "Café card declined")
    }

    @Test func base64PartsDecode() {
        let message = "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: Base64\n\nSXQgd29ya3MgYWdhaW4g\n4oKs\n"
        #expect(text(message) == "It works again €")
    }

    @Test func undecodableBase64FailsWithoutQuotingText() {
        let reason = failure("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nsecret!!text\n")
        #expect(reason?.contains("base64") == true)
        #expect(reason?.contains("secret") == false)
    }

    @Test func aBrokenAlternativeFallsBackToAGoodOne() {
        let message = """
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/plain
            Content-Transfer-Encoding: base64

            ***
            --b
            Content-Type: text/html

            <p>fine</p>
            --b--
            """
        #expect(text(message) == "fine")
    }

    @Test func multipartWithoutBoundaryOrPartsFails() {
        #expect(failure("Content-Type: multipart/mixed\n\n--x\n\ntext\n--x--\n")?.contains("boundary") == true)
        #expect(failure("Content-Type: multipart/mixed; boundary=declared\n\n--other\n\ntext\n--other--\n")?.contains("no part") == true)
    }

    @Test func aMissingCloseDelimiterIsTolerated() {
        #expect(text("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\ncut short\n") == "cut short\n")
    }

    @Test func onlyAttachmentsMeansNoText() {
        let message = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf\n\n%PDF\n--b--\n"
        guard case .noText = outcome(message) else {
            Issue.record("expected no text")
            return
        }
    }

    @Test func nestingIsBounded() {
        var message = ""
        for level in 0..<30 { message += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        message += "Content-Type: text/plain\n\ndeep\n"
        #expect(failure(message)?.contains("deeper") == true)
    }

    @Test func delimitersMustStartALineAndMatchExactly() {
        let parts = MIMEBody.split(Array("pre\n--b\r\nA\n--bx\nstill A\n --b\n--b  \nB\n--b--\nepilogue".utf8)[...], boundary: Array("b".utf8))
        #expect(parts.map { String(decoding: $0, as: UTF8.self) } == ["A\n--bx\nstill A\n --b", "B"])
    }

    @Test func flowedTextIsRejoined() {
        #expect(MIMEBody.unflowed("one \ntwo\n three\n-- \nsig", deleteSpace: false) == "one two\nthree\n-- \nsig")
        #expect(MIMEBody.unflowed("hyphen- \nated", deleteSpace: true) == "hyphen-ated")
        let message = "Content-Type: text/plain; format=flowed\n\nThanks, uploaded. \nFrom what I see\n"
        #expect(text(message) == "Thanks, uploaded. From what I see\n")
    }

    @Test func htmlBlocksBecomeLinesAndQuotesBecomeMarkers() {
        let html = "<div>Hi Jana,<br>your card\n works.</div><div class=\"gmail_quote\">On Mon wrote:<blockquote>old <blockquote>older</blockquote> text</blockquote></div><p>after</p>"
        #expect(HTMLText.text(from: html) == "Hi Jana,\nyour card works.\nOn Mon wrote:\n>\n\nafter")
        #expect(HTMLText.text(from: "a < b and <unclosed") == "a < b and <unclosed")
        #expect(HTMLText.text(from: "<!-- comment -->x<script>var a = 1;</script>y") == "x y")
    }
}
