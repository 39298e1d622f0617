import Testing
import TestSupport
@testable import Tokenizer

/// The shim segments ASCII-only texts without ICU (`Sources/CICUShim/ascii_words.c`); it must
/// give exactly ICU's word segments, statuses included, or the analysis would change.
@Suite("ASCII fast path of the word breaker")
struct ASCIIFastPathTests {
    @Test func onForRootWordBreakersOnly() {
        #expect(ICUBreaker(.word, locale: "").usesASCIIFastPath)
        #expect(!ICUBreaker(.sentence, locale: "").usesASCIIFastPath)
        #expect(!ICUBreaker(.word, locale: "sv").usesASCIIFastPath)
    }

    /// Every string of up to 3 ASCII characters (2.1 million, controls included).
    @Test func everyShortASCIIString() {
        let all = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        #expect(ICUBreaker.asciiFastPathDifferences(alphabet: all, length: 3) == 0)
    }

    /// Every string of up to 6 characters over one character of each class the rules tell
    /// apart (letter, '@', digit, '_', '.', '\'', ',', ';', ':', space, '-'; 1.9 million).
    @Test func everyStringOverTheClasses() {
        #expect(ICUBreaker.asciiFastPathDifferences(alphabet: "a@1_.',;: -", length: 6) == 0)
    }

    /// Whole chains give the same tokens with the fast path on and off, on seeded random ASCII
    /// texts dense in the characters that join words.
    @Test(arguments: [UInt64(1), 2, 3])
    func chainsAgreeOnRandomASCII(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let alphabet = Array("aaaaeeeiioouu sssttt 1234567890 __ .'.,;: @#-/!?\"()[]<>wW\n\t".utf8)
        for analyzer in [Analyzer.standard(.init(stems: true, maximumNGramSize: 3)), Analyzer(segmenter: ICUWordSegmenter(), filters: [])] {
            let fast = analyzer.makeSession()
            let slow = analyzer.makeSession()
            slow.words.usesASCIIFastPath = false
            #expect(fast.words.usesASCIIFastPath && !slow.words.usesASCIIFastPath)
            for _ in 0..<2_000 {
                let count = Int(generator.next() % 160)
                let text = String(decoding: (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self)
                #expect(fast.tokens(in: text) == slow.tokens(in: text), "seed \(seed): \(text.debugDescription)")
            }
        }
    }
}
