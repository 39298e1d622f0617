import Foundation
import Testing
import TestSupport
@testable import TranscriptMiner

@Suite("Redactor")
struct RedactorTests {
    // MARK: API

    @Test func defaultRedactsEveryKind() {
        #expect(Redactor().kinds == Set(PIIKind.allCases))
        let text = "jo@example.com +44 20 7946 0958 4111 1111 1111 1111 DE89 3704 0044 0532 0130 00 10.0.0.1 "
            + "https://x.example.com/r?token=abc 123-45-6789"
        #expect(Redactor().redact(text).text == "[EMAIL] [PHONE] [CARD] [IBAN] [IP] [URL] [SSN]")
    }

    @Test func placeholders() {
        #expect(PIIKind.allCases.map(\.placeholder) == ["[EMAIL]", "[PHONE]", "[CARD]", "[IBAN]", "[IP]", "[URL]", "[SSN]"])
        // Every placeholder is [UPPER_CASE] and holds none of the bytes the detectors start from.
        for kind in PIIKind.allCases {
            #expect(kind.placeholder.utf8.allSatisfy { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") || (65...90).contains($0) })
        }
    }

    @Test func onlyEnabledKinds() {
        let text = "mail jo@example.com or call 555-123-4567"
        #expect(Redactor(kinds: [.email]).redact(text).text == "mail [EMAIL] or call 555-123-4567")
        #expect(Redactor(kinds: [.phone]).redact(text).text == "mail jo@example.com or call [PHONE]")
        #expect(Redactor(kinds: []).redact(text).isUnchanged)
    }

    @Test("fast path: no digit, @, : or . means no change", arguments: [
        "", "Thanks, that worked!", "Mon colis n'est jamais arrivé 😡", "我的包裹还没到", "[EMAIL] and [PHONE] again",
    ])
    func fastPath(text: String) {
        let result = Redactor().redact(text)
        #expect(result.text == text)
        #expect(result.isUnchanged)
    }

    @Test func countsByKind() {
        let r = Redactor().redact("a@b.io, c@d.io, 10.0.0.1")
        #expect(r.count(of: .email) == 2)
        #expect(r.count(of: .ipAddress) == 1)
        #expect(r.count(of: .card) == 0)
    }

    @Test func codableAndHashable() throws {
        var redactor = Redactor(kinds: [.email, .iban])
        #expect(redactor == Redactor(kinds: [.iban, .email]))
        let json = try JSONEncoder().encode(redactor)
        #expect(String(decoding: json, as: UTF8.self).contains("\"kinds\""))
        #expect(try JSONDecoder().decode(Redactor.self, from: json) == redactor)
        #expect(PIIKind(rawValue: "ipAddress") == .ipAddress)
        // Changing `kinds` changes what is redacted.
        redactor.kinds = [.ipAddress]
        #expect(redactor.redact("a@b.io 10.0.0.1").text == "a@b.io [IP]")
    }

    // MARK: Overlaps

    @Test func overlapsMergeAndTakeThePriorityKind() {
        // An email inside a secret URL: the URL covers it.
        #expect(Redactor().redact("see https://x.example.com/u?email=jo@example.com&k=1 ok").text == "see [URL] ok")
        // IBAN digits also look like a card or a phone: the IBAN covers them.
        #expect(Redactor().redact("IBAN DE89 3704 0044 0532 0130 00").text == "IBAN [IBAN]")
        // The same span found as SSN and phone: SSN wins by priority.
        #expect(Redactor().redact("SSN 078 05 1120").text == "SSN [SSN]")
    }

    @Test func resolveUnitCases() {
        let c = { (kind: PIIKind, range: Range<Int>) in PIICandidate(kind: kind, range: range) }
        // Containment: the covering candidate names the span, whatever its priority.
        #expect(Redactor.resolve([c(.email, 5..<10), c(.url, 0..<20)]) == [c(.url, 0..<20)])
        // Partial overlap: the union, named by priority.
        #expect(Redactor.resolve([c(.phone, 0..<10), c(.card, 5..<15)]) == [c(.card, 0..<15)])
        // Same range: priority.
        #expect(Redactor.resolve([c(.phone, 3..<8), c(.ssn, 3..<8)]) == [c(.ssn, 3..<8)])
        // Touching spans stay apart, in text order.
        #expect(Redactor.resolve([c(.ipAddress, 5..<9), c(.email, 0..<5)]) == [c(.email, 0..<5), c(.ipAddress, 5..<9)])
        // A chain of overlaps merges into one.
        #expect(Redactor.resolve([c(.phone, 0..<4), c(.ipAddress, 3..<8), c(.phone, 7..<12)]) == [c(.phone, 0..<12)])
    }

    // MARK: Properties

    @Test func idempotentOnTheCorpus() {
        let redactor = Redactor()
        for sentence in PIICorpus(seed: 77, count: 500).sentences {
            let once = redactor.redact(sentence.text).text
            #expect(redactor.redact(once).text == once, "\(sentence.text)")
        }
    }

    @Test("a megabyte of text: same as redacting line by line, all planted values covered")
    func megabyte() {
        let corpus = PIICorpus(seed: 0xB16, count: 12_000)
        var text = ""
        var expected = ""
        var planted: [Range<Int>] = []
        let redactor = Redactor()
        for sentence in corpus.sentences where text.utf8.count < 1_048_576 {
            if !text.isEmpty { text += "\n"; expected += "\n" }
            let base = text.utf8.count
            planted += sentence.planted.map { (base + $0.range.lowerBound)..<(base + $0.range.upperBound) }
            text += sentence.text
            expected += redactor.redact(sentence.text).text
        }
        #expect(text.utf8.count >= 1_048_576)
        let result = redactor.redact(text)
        #expect(result.text == expected)
        #expect(RedactionProbe.violation(result, original: text) == nil)
        let ranges = result.redactions.map(\.originalRange)
        let uncovered = planted.filter { !RedactionLeakTests.isCovered($0, by: ranges) }
        #expect(uncovered.isEmpty)
    }

    @Test("odd and invalid Unicode", arguments: [
        String(decoding: [0xFF, 0xFE] + Array("call 555-123-4567".utf8) + [0xC3], as: UTF8.self),
        "\u{FEFF}jo@example.com", "\u{200F}+44 20 7946 0958\u{200F}", "📞555-123-4567👍🏽", "👩‍👩‍👧 jo@example.com 👨‍💻",
        "رقمي 555-123-4567 شكرا", "البريد jo@example.com", "\u{0000}10.0.0.1\u{0000}", "tel:\u{00A0}+44\u{00A0}20\u{00A0}7946\u{00A0}0958",
        "e\u{301} 4111 1111 1111 1111 e\u{301}", "電話090-1234-5678です", "IBAN：DE89370400440532013000。",
    ])
    func oddUnicode(text: String) {
        let result = Redactor().redact(text)
        #expect(result.redactions.count == 1, "\(result.text)")
        #expect(RedactionProbe.violation(result, original: text) == nil)
        #expect(Redactor().redact(result.text).text == result.text)
    }

    @Test("random strings of tricky pieces: no crash, invariants hold, (nearly always) idempotent")
    func randomPieces() {
        let pieces = [
            "0", "1", "4", "5", "9", "12", "555", "4111", "0000", " ", "-", ".", "/", ":", "::", "+", "(", ")", "@", "#", "$",
            "€", "a", "Z", "x", "DE", "89", "https://", "www.", "?", "=", "&", "token", "id", "é", "中", "😀", "\u{00A0}", "\u{2013}",
            "\n", "[EMAIL]", "com", "SSN", "call", "order", "%", "_", "'", "\u{301}", "\u{FFFD}", "[", "]", "f", "e8",
        ]
        var rng = SplitMix64(seed: 2024)
        let redactor = Redactor()
        let rounds = 20_000
        var notIdempotent: [String] = []
        for round in 0..<rounds {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &rng) { text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let result = redactor.redact(text)
            if let problem = RedactionProbe.violation(result, original: text) {
                Issue.record("seed 2024, round \(round): \(problem) in \(text.debugDescription)")
                return
            }
            if redactor.redact(result.text).text != result.text { notIdempotent.append(text.debugDescription) }
        }
        // Tokens glued together without a separator (`::e8:comcallhttps://…`) can read
        // differently once a neighbour became a placeholder; in text people write, redaction is
        // idempotent (see idempotentOnTheCorpus). Allow 1 in 1,000 here.
        #expect(notIdempotent.count <= rounds / 1_000, "\(notIdempotent.count) not idempotent, first: \(notIdempotent.first ?? "")")
    }

    // MARK: Known limits

    @Test func knownLimits() {
        withKnownIssue("obfuscated addresses are not recognised") {
            #expect(Redactor().redact("jo at example dot com").isUnchanged == false)
        }
        withKnownIssue("plain 10-digit numbers without a phone word or a trunk 0 are not phones") {
            #expect(Redactor().redact("it's 5551234567").isUnchanged == false)
        }
        withKnownIssue("full-width and non-ASCII digits are not read") {
            #expect(Redactor().redact("電話０９０-１２３４-５６７８").isUnchanged == false)
        }
    }

    #if canImport(Tokenizer)
    @Test func placeholdersStayWholeTokens() {
        let redacted = Redactor().redact("mail jo@example.com or call 555-123-4567").text
        let tokens = Analyzer.standard().tokens(in: redacted)
        #expect(tokens.contains { $0.text == "[EMAIL]" && $0.kind == .placeholder })
        #expect(tokens.contains { $0.text == "[PHONE]" && $0.kind == .placeholder })
    }
    #endif
}
