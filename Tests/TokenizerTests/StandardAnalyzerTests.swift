import TestSupport
import Testing
@testable import Tokenizer

@Suite("The standard chain on support chat")
struct StandardAnalyzerTests {
    @Test func theSampleCorpus() throws {
        let lines = try String(contentsOf: SharedData.corpus("sample-chat.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
        let analyzer = Analyzer.standard(.init(maximumNGramSize: 2))
        let session = analyzer.makeSession()
        let all = lines.map { session.tokens(in: $0) }
        // Personal data and identifiers never survive as words.
        let words = Set(all.joined().map(\.text))
        #expect(!words.contains { $0.contains("@example") || $0.contains("555") || $0.contains("a-1234") })
        #expect(words.isSuperset(of: ["<email>", "<url>", "<id>", "<number>"]))
        // Pain phrases survive stopword removal.
        #expect(words.isSuperset(of: ["charged twice", "hasn't arrived", "third time", "not bad", "no problem"]))
        // Greetings and thanks do not.
        #expect(words.isDisjoint(with: ["hi", "hello", "thanks", "thank", "please"]))
        for (line, tokens) in zip(lines, all) {
            let violation = OffsetValidator.violation(ranges: tokens.map(\.range), positions: tokens.map(\.position), in: line)
            #expect(violation == nil, "\(line): \(violation ?? "")")
        }
    }

    @Test func normalizeRunsTheChain() {
        #expect(Analyzer.standard().normalize("Don’t") == ["don't"])
        #expect(Analyzer.standard().normalize("the") == [])
        #expect(Analyzer.standard(.init(stems: true)).normalize("Refunds") == ["refund"])
    }
}
