import Foundation
import TestSupport
import Testing
@_spi(Benchmarks) @testable import TranscriptMiner

/// The scorer's ASCII fast path against the analysis chain: token by token (text, kind, UTF-8
/// range) wherever the fast path accepts a text, and scores bit for bit with and without it.
/// The large corpora (all customer turns of the benchmark corpus) are checked in release by
/// `sentiment-bench --check-ascii-path`; see BENCHMARKS.md.
@Suite("Sentiment ASCII fast path")
struct SentimentASCIIPathTests {
    /// The differences between the fast path and the chain on `lines`; the number accepted.
    static func differences(_ lines: [String]) -> (accepted: Int, differing: [String]) {
        let session = SentimentScorer.analyzer.makeSession()
        var accepted = 0
        var differing: [String] = []
        for line in lines {
            guard let fast = SentimentASCIIPath.tokens(in: line) else { continue }
            accepted += 1
            let chain = session.tokens(in: line)
            let same = fast.count == chain.count
                && zip(fast, chain).allSatisfy { $0.text == $1.text && $0.kind == $1.kind && $0.range == $1.range }
            if !same { differing.append(line) }
        }
        return (accepted, differing)
    }

    static func lines(of url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        return data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func agreesWithThisICUOnTheProbes() {
        #expect(SentimentASCIIPath.agreesWithChain, "ICU \(ICUInfo.version): the fast path is off")
    }

    @Test func attentionMaskIsTheDocumentedSet() {
        var low: UInt64 = 0
        for b in 0..<64 {
            let control = b < 32 && b != 9 && b != 10 && b != 13
            if control || [33, 35, 46, 58, 60, 63].contains(b) || (48...57).contains(b) { low |= 1 << UInt64(b) }
        }
        #expect(low == SentimentASCIIPath.lowAttention)
    }

    @Test func refusesWhatItDoesNotHandle() {
        for text in ["café", "mail me at a@b.com", "#fail", "@united", "snake_case", "see www.example.com", "go to example.com",
                     "http://x", "[EMAIL] sent", "<url>", "order A-1234", "2nite", "gr8", "3.5 stars", "1,000 times", "12/25",
                     "it's 10:30", "e.g. this", "tab\u{0B}", "no\u{7F}"] {
            #expect(SentimentASCIIPath.tokens(in: text) == nil, "\(text)")
        }
        for text in ["", "I can't log in!!", "10 out of 10 :) <3", "Wait... what?", "rock'n'roll 'quoted'", "a - b / c : d", "[3] <3"] {
            #expect(SentimentASCIIPath.tokens(in: text) != nil, "\(text)")
        }
    }

    @Test func equalsTheChainOnEveryProjectCorpus() throws {
        let corpora = SharedData.projectRoot.appendingPathComponent("corpora")
        let files = try #require(FileManager.default.enumerator(at: corpora, includingPropertiesForKeys: nil)?.allObjects as? [URL])
        var lines: [String] = []
        for file in files where !file.hasDirectoryPath && file.lastPathComponent != "README.md" {
            lines += try Self.lines(of: file)
        }
        let result = Self.differences(lines)
        #expect(result.accepted > 100)
        #expect(result.differing.isEmpty, "\(result.differing.prefix(5))")
    }

    @Test(.enabled(if: SharedData.has("vader/tweets_GroundTruth.txt"), Comment(rawValue: SharedData.absentMessage("vader/tweets_GroundTruth.txt"))))
    func equalsTheChainOnTheTweets() throws {
        let url = try #require(SharedData.url("vader/tweets_GroundTruth.txt"))
        let texts = try Self.lines(of: url).map { $0.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).last.map(String.init) ?? "" }
        let result = Self.differences(texts)
        #expect(result.accepted > 1000)
        #expect(result.differing.isEmpty, "\(result.differing.prefix(5))")
        // And the scores: bit for bit with and without the fast path.
        let scorer = SentimentScorer()
        let fast = scorer.makeSession(), chain = scorer.makeSession(asciiPath: false)
        for text in texts { #expect(fast.score(text) == chain.score(text), "\(text)") }
    }

    /// Random strings over the characters the rules name, with letters of both cases and digits
    /// weighted up (seeded; a failure names the seed and the string).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func equalsTheChainOnRandomStrings(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("aaaeeoBBZZtn   '''...,,;;::--//!!??<<[[(\")7700\n\r\t~%&*".utf8)
        var lines: [String] = []
        for _ in 0..<6000 {
            let length = Int(rng.next() % 24)
            lines.append(String(decoding: (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }, as: UTF8.self))
        }
        let result = Self.differences(lines)
        #expect(result.accepted > 500, "seed \(seed)")
        #expect(result.differing.isEmpty, "seed \(seed): \(result.differing.prefix(5).map { $0.debugDescription })")
        let scorer = SentimentScorer()
        let fast = scorer.makeSession(), chain = scorer.makeSession(asciiPath: false)
        for line in lines { #expect(fast.score(line) == chain.score(line), "seed \(seed): \(line.debugDescription)") }
    }

    @Test func scoresEqualTheChainsOnSupportLanguage() {
        let scorer = SentimentScorer()
        let fast = scorer.makeSession(), chain = scorer.makeSession(asciiPath: false)
        for text in ["I was charged twice and I'm STILL waiting!!", "No problem, that fixed it :)", "not bad at all, kind of good",
                     "Sooooo goooood", "I dooon't like it", "It is the third time, yet another failure. But thanks anyway!",
                     "at least it works", "least helpful ever", "never so happy", "without doubt great", "KINDA OK but TERRIBLE"] {
            #expect(fast.score(text) == chain.score(text), "\(text)")
        }
    }
}
