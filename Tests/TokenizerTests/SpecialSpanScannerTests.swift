import Testing
@testable import Tokenizer

private func spans(_ text: String) -> [(String, TokenKind)] {
    var text = text
    return text.withUTF8 { bytes in
        var found: [SpecialSpan] = []
        SpecialSpanScanner().scan(bytes, into: &found)
        return found.map { (String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.range]), as: UTF8.self), $0.kind) }
    }
}

private func kinds(_ text: String) -> [TokenKind] { spans(text).map(\.1) }
private func texts(_ text: String) -> [String] { spans(text).map(\.0) }

@Suite("Special spans: URLs, emails, mentions, hashtags, identifiers, placeholders")
struct SpecialSpanScannerTests {
    @Test func urls() {
        #expect(texts("see https://bank.example.com/help?id=3&x=y. thanks") == ["https://bank.example.com/help?id=3&x=y"])
        #expect(texts("(www.example.org/faq)") == ["www.example.org/faq"])
        #expect(texts("go to example.com/help, now") == ["example.com/help"])
        #expect(texts("the wiki https://en.wikipedia.org/wiki/Bank_(finance) rocks") == ["https://en.wikipedia.org/wiki/Bank_(finance)"])
        #expect(kinds("NETFLIX.COM charged me") == [.url])
        // Not URLs: abbreviations and file names.
        #expect(texts("e.g. i.e. node.js version 2.0 a.b") == [])
    }

    @Test func emailsAndMentions() {
        #expect(spans("mail jane.doe+bank@mail.example.co.uk now").map(\.1) == [.email])
        #expect(texts("mail jane.doe+bank@mail.example.co.uk now") == ["jane.doe+bank@mail.example.co.uk"])
        #expect(spans("@BankHelp my card").map(\.1) == [.mention])
        #expect(texts("@BankHelp my card") == ["@BankHelp"])
        #expect(texts("meet @ 5pm") == [])
        #expect(texts("user@localhost") == [])  // no top-level domain
    }

    @Test func hashtagsAndIdentifiers() {
        #expect(spans("#frustrated #applepay #退款").map(\.1) == [.hashtag, .hashtag, .hashtag])
        #expect(spans("Order #A-1234 and A-1234 and ORD-2024-0042").map(\.1) == [.identifier, .identifier, .identifier])
        #expect(texts("Order #A-1234.") == ["#A-1234"])
        #expect(spans("ticket #12345").map(\.1) == [.identifier])
        #expect(texts("#1 fan") == [])
        // Hyphenated words and ranges are not identifiers.
        #expect(texts("e-mail top-up wi-fi mp3-player") == [])
        #expect(spans("3-5 days").map(\.1) == [.number])
    }

    @Test func digitGroups() {
        #expect(spans("on 2024-05-17 call 555-123-4567 or 12/05/2024").map(\.1) == [.number, .number, .number])
        #expect(texts("on 2024-05-17 call") == ["2024-05-17"])
    }

    @Test func placeholders() {
        #expect(spans("[EMAIL] wrote to [PHONE_NUMBER] about <url>").map(\.1) == [.placeholder, .placeholder, .placeholder])
        #expect(texts("[EMAIL] x") == ["[EMAIL]"])
        #expect(texts("[sic] [] <> a < b > c [1]") == [])
    }

    @Test func spansDoNotOverlapAndComeInOrder() {
        let text = "a@b.com@c.com https://x.com/@y #z-12 #A-12-b www.www.com"
        var copy = text
        copy.withUTF8 { bytes in
            var found: [SpecialSpan] = []
            SpecialSpanScanner().scan(bytes, into: &found)
            for (a, b) in zip(found, found.dropFirst()) { #expect(a.range.upperBound <= b.range.lowerBound) }
        }
    }
}
