import Foundation
import TestSupport
import Testing
@testable import Tokenizer

private func texts(_ text: String, _ filters: [any TokenFilter]) -> [String] {
    Analyzer(filters: filters).tokens(in: text).map(\.text)
}

@Suite("Case folding")
struct CaseFoldFilterTests {
    @Test func nfkcCaseFolding() {
        #expect(texts("Ｒｅｆｕｎｄ STRASSE Straße ＡＴＭ ﬁle", [CaseFoldFilter()]) == ["refund", "strasse", "strasse", "atm", "file"])
    }

    @Test func turkishDottedI() {
        #expect(texts("İSTANBUL", [CaseFoldFilter()]) == ["i\u{0307}stanbul"])  // Unicode's default folding
        #expect(texts("İSTANBUL ILIK", [CaseFoldFilter(turkic: true)]) == ["istanbul", "ılık"])
    }

    @Test func accentFoldingKeepsMarksOfOtherScripts() {
        #expect(texts("Café débitée Ñandú", [CaseFoldFilter(stripsAccents: true)]) == ["cafe", "debitee", "nandu"])
        #expect(texts("Café", [CaseFoldFilter()]) == ["café"])
        // Thai vowel marks and Devanagari matras are letters: kept.
        #expect(texts("สินค้า", [CaseFoldFilter(stripsAccents: true)]) == texts("สินค้า", [CaseFoldFilter()]))
        #expect(texts("किताब", [CaseFoldFilter(stripsAccents: true)]) == ["किताब"])
    }

    @Test func placeholdersAreNotFolded() {
        #expect(texts("[EMAIL] Hello", [CaseFoldFilter()]) == ["[EMAIL]", "hello"])
    }
}

@Suite("Placeholders")
struct PlaceholderFilterTests {
    private let chain: [any TokenFilter] = [CaseFoldFilter(), PlaceholderFilter()]

    @Test func identifiersBecomePlaceholders() {
        #expect(texts("see https://x.com mail a@b.com order #A-1234 ORD12345 ref TRX-2024-00871", chain)
                == ["see", "<url>", "mail", "<email>", "order", "<id>", "<id>", "ref", "<id>"])
    }

    @Test func longNumbersAndAmountsButNotShortNumbers() {
        #expect(texts("3 weeks 30 days 1234 12.50 1,000 2024-05-17 mp3 4g", chain)
                == ["3", "weeks", "30", "days", "<number>", "<number>", "<number>", "<number>", "mp3", "4g"])
    }

    @Test func kindIsPlaceholderAndRangeCoversTheOriginal() throws {
        let text = "mail jane@example.com"
        let token = try #require(Analyzer(filters: chain).tokens(in: text).last)
        #expect(token.kind == .placeholder)
        #expect(text[try #require(token.range(in: text))] == "jane@example.com")
    }
}

@Suite("Stopwords")
struct StopFilterTests {
    @Test func englishAndSupportListsAreSeparate() {
        let text = "Hi team, thanks! I was charged twice for the same purchase"
        #expect(texts(text, [CaseFoldFilter(), StopFilter(Stopwords.english)]) == ["hi", "team", "thanks", "charged", "twice", "purchase"])
        #expect(texts(text, [CaseFoldFilter(), StopFilter(Stopwords.english, Stopwords.supportConversation)])
                == ["team", "charged", "twice", "purchase"])
    }

    @Test func negationsAreNotStopwords() {
        #expect(texts("my card has not arrived and I didn't get a refund, no", [CaseFoldFilter(), StopFilter(Stopwords.english)])
                == ["card", "not", "arrived", "didn't", "get", "refund", "no"])
    }

    @Test func listsAreNormalisedThroughTheChain() {
        let list = StopwordList(name: "mine", entries: ["CARD", "Don’t", "Ｒｅｆｕｎｄ", "thank you"])
        let analyzer = Analyzer(filters: [CaseFoldFilter(), StopFilter(list)])
        #expect(analyzer.tokens(in: "card don't refund blocked").map(\.text) == ["blocked"])
        let stop = analyzer.filters.last as? StopFilter
        #expect(stop?.skippedEntries == ["thank you"])
    }

    @Test func userListFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stop-\(UInt64.random(in: 0...UInt64.max)).txt")
        try "# product names\nAcme   \n\nwidget # trailing comment\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let list = try StopwordList(contentsOf: url)
        #expect(list.entries == ["Acme", "widget"])
        #expect(texts("my Acme widget broke", [CaseFoldFilter(), StopFilter(list)]) == ["my", "broke"])
        #expect(throws: StopwordListError.self) { try StopwordList(contentsOf: URL(fileURLWithPath: "/nonexistent/stop.txt")) }
    }

    @Test func onlyLexicalTokensAreDropped() {
        let list = StopwordList(name: "odd", entries: ["<url>", "😡"])
        #expect(texts("x https://a.com 😡", [CaseFoldFilter(), PlaceholderFilter(), StopFilter(list)]) == ["x", "<url>", "😡"])
    }
}

@Suite("Stemming in the chain")
struct SnowballStemFilterTests {
    @Test func stemsLatinWordsOnly() {
        #expect(texts("refunds refunded 退款 #refunds", [CaseFoldFilter(), SnowballStemFilter()]) == ["refund", "refund", "退款", "refund"])
    }
}

@Suite("N-grams")
struct NGramFilterTests {
    private let chain: [any TokenFilter] = [CaseFoldFilter(), StopFilter(Stopwords.english), NGramFilter(maximumSize: 3)]

    @Test func bigramsAndTrigramsOfAdjacentWords() {
        #expect(texts("card not arrived", chain) == ["card", "card not", "card not arrived", "not", "not arrived", "arrived"])
    }

    @Test func neverAcrossSentences() {
        let out = texts("Card blocked. App crashed", chain)
        #expect(out.contains("card blocked"))
        #expect(out.contains("app crashed"))
        #expect(!out.contains("blocked app"))
    }

    @Test func neverAcrossRemovedStopwordsOrClausePunctuation() {
        #expect(!texts("refund of the fee", chain).contains("refund fee"))
        #expect(!texts("refund, fee", chain).contains("refund fee"))
        #expect(texts("e-mail bounced", chain).contains("e mail bounced"))
    }

    @Test func sentencesAreTrackedOnlyWhenNeeded() {
        #expect(Analyzer(filters: chain).tracksSentences)
        #expect(!Analyzer(filters: [CaseFoldFilter()]).tracksSentences)
        let tokens = Analyzer(filters: chain).tokens(in: "One. Two. Three")
        #expect(tokens.filter { $0.kind == .word }.map(\.sentence) == [0, 1, 2])
    }

    @Test func scriptsWithoutSpacesJoinWithoutSpace() {
        let out = texts("订单没有到货", [CaseFoldFilter(), NGramFilter(maximumSize: 2, keepsUnigrams: false)])
        #expect(out.allSatisfy { !$0.contains(" ") })
        #expect(!out.isEmpty)
    }

    @Test func phrasesSpanTheirParts() throws {
        let text = "card not arrived"
        let phrase = try #require(Analyzer(filters: chain).tokens(in: text).first { $0.positionLength == 3 })
        #expect(phrase.kind == .phrase)
        #expect(text[try #require(phrase.range(in: text))] == "card not arrived")
    }
}
