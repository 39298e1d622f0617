import Testing
import TestSupport
@testable import Tokenizer

/// The session's reuse machinery (memo, buffers, token delivery) must never change a token:
/// a long-lived session gives what a fresh one gives, whatever came before.
@Suite("Analysis sessions")
struct AnalysisSessionTests {
    static let chains: [(String, Analyzer)] = [
        ("standard", Analyzer.standard()),
        ("stems and trigrams", Analyzer.standard(.init(stems: true, maximumNGramSize: 3))),
        ("no filters", Analyzer(segmenter: ICUWordSegmenter(), filters: [])),
    ]

    static let texts = [
        "My card STILL hasn't arrived! Order #A-1234 😡 see https://example.com/help",
        "我的订单还没有到货。注文がまだ届きません",
        "", "   ", "Thanks, bye. www.bank.co.uk and WWW.EXAMPLE.ORG, jane@example.com",
    ]

    @Test(arguments: 0..<3)
    func forEachTokenAnalyzeAndTokensAgree(chain: Int) {
        let analyzer = Self.chains[chain].1
        let session = analyzer.makeSession()
        for text in Self.texts {
            var streamed: [Token] = []
            session.forEachToken(in: text) { streamed.append($0) }
            var appended: [Token] = [Token(text: "x", kind: .word, range: 0..<1, position: 0)]
            session.analyze(text, into: &appended)
            #expect(streamed == session.tokens(in: text), "\(Self.chains[chain].0): \(text)")
            #expect(Array(appended.dropFirst()) == streamed, "\(Self.chains[chain].0): \(text)")
        }
    }

    /// A body that analyses another text with the same session gets that text's own tokens, and
    /// the outer text's tokens are unchanged.
    @Test(arguments: 0..<3)
    func reentrantUseFromABody(chain: Int) {
        let analyzer = Self.chains[chain].1
        let session = analyzer.makeSession()
        let outer = Self.texts[0] + " " + Self.texts[4]
        var seen: [Token] = []
        var inner: [[Token]] = []
        session.forEachToken(in: outer) { token in
            seen.append(token)
            inner.append(session.tokens(in: Self.texts[1]))
        }
        #expect(seen == analyzer.tokens(in: outer))
        #expect(inner.allSatisfy { $0 == analyzer.tokens(in: Self.texts[1]) })
        #expect(session.tokens(in: outer) == seen)
    }

    /// More distinct words than the memo's first table and than its capacity (it grows, then
    /// clears): every text still gives what a fresh session gives.
    @Test func memoGrowthAndClearingChangeNothing() {
        let analyzer = Analyzer.standard()
        let session = analyzer.makeSession()
        var generator = SplitMix64(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyzé")
        func word() -> String {
            String((0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
        }
        var checked = 0
        for round in 0..<(TokenMemo.capacity / 100 + 40) {
            let text = (0..<120).map { _ in word() }.joined(separator: " ") + " the Refund REFUND refund"
            let tokens = session.tokens(in: text)
            if round % 16 == 0 || round > TokenMemo.capacity / 100 - 5 {
                #expect(tokens == analyzer.makeSession().tokens(in: text), "round \(round)")
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}
