import TestSupport
import Testing
@testable import Tokenizer

/// The raw chain: ICU segmentation with special spans and case folding, no stopwords.
private let plain = Analyzer(filters: [CaseFoldFilter()])

private func texts(_ text: String, _ analyzer: Analyzer = plain) -> [String] { analyzer.tokens(in: text).map(\.text) }
private func kinds(_ text: String, _ analyzer: Analyzer = plain) -> [TokenKind] { analyzer.tokens(in: text).map(\.kind) }

@Suite("ICU word segmentation")
struct SegmentationTests {
    @Test func englishContractionsStayWhole() {
        #expect(texts("I can't log in, it's broken and I don't know why") ==
                ["i", "can't", "log", "in", "it's", "broken", "and", "i", "don't", "know", "why"])
        // A curly apostrophe folds to the straight one.
        #expect(texts("Don’t") == ["don't"])
    }

    @Test func punctuationAndSpacesAreDropped() {
        #expect(texts("  ...!!! ?? --- ,,, ") == [])
        #expect(texts("card—blocked…again") == ["card", "blocked", "again"])
    }

    @Test("Chinese, Japanese and Thai come out as dictionary words (counts pinned to ICU 72)")
    func scriptsWithoutSpaces() {
        // Counts measured with ICU 72's dictionaries; the stable part is that each is split into
        // several words of the right kind, not one blob.
        let chinese = plain.tokens(in: "我的订单还没有到货")
        #expect(chinese.allSatisfy { $0.kind == .ideographic })
        if ICUInfo.version.hasPrefix("72.") { #expect(chinese.count == 6) } else { #expect(chinese.count >= 4) }
        let japanese = plain.tokens(in: "注文がまだ届きません")
        #expect(Set(japanese.map(\.kind)).isSubset(of: [.ideographic, .kana]))
        if ICUInfo.version.hasPrefix("72.") { #expect(japanese.count == 7) } else { #expect(japanese.count >= 4) }
        let thai = plain.tokens(in: "ฉันต้องการคืนเงินเพราะสินค้าเสีย")
        #expect(thai.allSatisfy { $0.kind == .word })
        if ICUInfo.version.hasPrefix("72.") { #expect(thai.count == 7) } else { #expect(thai.count >= 4) }
        #expect(thai.map(\.text).joined() == "ฉันต้องการคืนเงินเพราะสินค้าเสีย")
    }

    @Test func mixedScriptsInOneMessage() {
        let tokens = plain.tokens(in: "Refund 退款 please, カード blocked, Привет мир, مرحبا")
        #expect(tokens.map(\.text) == ["refund", "退款", "please", "カード", "blocked", "привет", "мир", "مرحبا"])
        #expect(tokens.map(\.kind) == [.word, .ideographic, .word, .kana, .word, .word, .word, .word])
    }

    @Test func numbersAreNumbers() {
        #expect(kinds("3 weeks 1,234.56") == [.number, .word, .number])
        #expect(texts("3 weeks 1,234.56") == ["3", "weeks", "1,234.56"])
    }

    @Test func emojiSequencesAreSingleTokens() {
        let tokens = plain.tokens(in: "ok 👍🏽 👨‍👩‍👧 🇺🇸 😡😡 ❤️")
        #expect(tokens.map(\.kind) == [.word, .emoji, .emoji, .emoji, .emoji, .emoji, .emoji])
        #expect(tokens[1].text == "👍🏽")           // skin tone kept
        #expect(tokens[2].text == "👨‍👩‍👧")          // ZWJ family kept whole
        #expect(tokens[3].text == "🇺🇸")
        #expect(tokens[6].text == "❤")            // variation selector dropped
        let noEmoji = Analyzer(segmenter: ICUWordSegmenter(keepsEmoji: false), filters: [])
        #expect(noEmoji.tokens(in: "ok 👍🏽").map(\.text) == ["ok"])
    }

    @Test func emptyAndWhitespaceGiveNoTokens() {
        #expect(plain.tokens(in: "").isEmpty)
        #expect(plain.tokens(in: " \t\n\r\n  \u{00A0}\u{3000}").isEmpty)
    }

    @Test func rangesPointIntoTheOriginal() throws {
        let text = "Ｈｉ! My café 🙂 order #A-1234 at https://x.io/a?b=1."
        let tokens = plain.tokens(in: text)
        for token in tokens {
            let range = try #require(token.range(in: text))
            #expect(!text[range].isEmpty)
        }
        #expect(text[try #require(tokens[0].range(in: text))] == "Ｈｉ")
        #expect(tokens[0].text == "hi")
        #expect(text[try #require(tokens.first { $0.kind == .identifier }?.range(in: text))] == "#A-1234")
        #expect(text[try #require(tokens.first { $0.kind == .url }?.range(in: text))] == "https://x.io/a?b=1")
        #expect(OffsetValidator.violation(ranges: tokens.map(\.range), positions: tokens.map(\.position), in: text) == nil)
    }

    @Test func invalidUTF8IsRepairedAndCounted() {
        let bytes: [UInt8] = Array("card ".utf8) + [0xC3] + Array(" blocked ".utf8) + [0xFF, 0xFE] + Array("now".utf8)
        let repaired = RepairedText(bytes)
        // 0xFF and 0xFE are each a maximal ill-formed subpart: two replacements (Unicode 3.9).
        #expect(repaired.replacements == 3)
        #expect(repaired.text == "card \u{FFFD} blocked \u{FFFD}\u{FFFD}now")
        #expect(texts(repaired.text) == ["card", "blocked", "now"])
        #expect(RepairedText(Array("fine ✓".utf8)).replacements == 0)
    }

    @Test func positionsLeaveGapsAtClausePunctuation() {
        let tokens = plain.tokens(in: "card blocked, app broken")
        #expect(tokens.map(\.position) == [0, 1, 3, 4])
    }

    @Test func aTenMegabyteSingleLineDocument() {
        let sentence = "my card was charged twice and the refund is still pending, order A-1234 "
        let text = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count + 1)
        #expect(text.utf8.count >= 10_000_000)
        var count = 0
        var lastStart = -1
        var ordered = true
        plain.makeSession().forEachToken(in: text) { token in
            count += 1
            if token.range.lowerBound < lastStart { ordered = false }
            lastStart = token.range.lowerBound
        }
        #expect(count == 13 * (10_000_000 / sentence.utf8.count + 1))
        #expect(ordered)
    }

    @Test func aHundredKilobyteWord() {
        let word = String(repeating: "a", count: 100_000)
        let tokens = Analyzer.standard(.init(stems: true, maximumNGramSize: 3)).tokens(in: "x \(word) y")
        #expect(tokens.contains { $0.text.utf8.count >= 99_000 })
        let digits = String(repeating: "7", count: 100_000)
        #expect(Analyzer.standard().tokens(in: digits).map(\.text) == ["<number>"])
    }

    @Test func randomStringsKeepTheInvariants() {
        var generator = SplitMix64(seed: 42)
        let alphabet: [String] = ["a", "Z", " ", ".", ",", "-", "/", "@", "#", ":", "[", "]", "<", ">", "1", "9", "é", "İ",
                                  "订", "が", "ก", "👍", "🏽", "\u{200D}", "\u{FE0F}", "\n", "w", "http://", "x.com", "'", "’"]
        let analyzer = Analyzer.standard(.init(stems: true, maximumNGramSize: 3))
        for round in 0..<300 {
            let length = Int(generator.next() % 60)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let tokens = plain.tokens(in: text)
            let violation = OffsetValidator.violation(ranges: tokens.map(\.range), positions: tokens.map(\.position), in: text)
            #expect(violation == nil, "seed 42 round \(round): \(violation ?? "") in \(text.debugDescription)")
            _ = analyzer.tokens(in: text)
        }
    }
}
