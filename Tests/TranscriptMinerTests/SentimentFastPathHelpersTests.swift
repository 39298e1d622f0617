import TestSupport
import Testing
@_spi(Benchmarks) @testable import TranscriptMiner

/// The word-at-a-time helpers of the scorer's ASCII path against their byte-by-byte meaning,
/// the phrase-pair and emoticon filters against the lexicon, and the session's item list.
@Suite("Sentiment fast-path helpers")
struct SentimentFastPathHelpersTests {
    /// Bytes at the edges of the letter ranges, apostrophes, spaces, zero and non-ASCII bytes.
    static let alphabet: [UInt8] = [0x00, 0x20, 0x27, 0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x60, 0x61, 0x6E, 0x7A, 0x7B, 0x7F,
                                    0x80, 0xC1, 0xC3, 0xDA, 0xE1, 0xFA, 0xFF]

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
    }

    @Test func letterRunCountsTheLeadingLetters() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200_000 {
            let bytes = (0..<8).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }
            let expected = bytes.firstIndex { !SentimentASCIIPath.isLetter($0) || $0 >= 0x80 } ?? 8
            #expect(SentimentASCIIPath.letterRun(Self.word(bytes)) == expected, "\(bytes)")
        }
        #expect(SentimentASCIIPath.letterRun(Self.word(Array("abcdefgh".utf8))) == 8)
        #expect(SentimentASCIIPath.letterRun(Self.word(Array("can't go".utf8))) == 3)
    }

    @Test func letterCasesMarkUpperAndLowerCaseLetters() {
        var rng = SplitMix64(seed: 6)
        let ascii = Self.alphabet.filter { $0 < 0x80 }
        for _ in 0..<200_000 {
            let bytes = (0..<8).map { _ in ascii[Int(rng.next() % UInt64(ascii.count))] }
            let cases = SentimentBuffers.letterCases(Self.word(bytes))
            var upper: UInt64 = 0, lower: UInt64 = 0
            for (k, b) in bytes.enumerated() {
                if (0x41...0x5A).contains(b) { upper |= 0x80 << UInt64(8 * k) }
                if (0x61...0x7A).contains(b) { lower |= 0x80 << UInt64(8 * k) }
            }
            #expect(cases.upper == upper && cases.lower == lower, "\(bytes)")
        }
    }

    @Test func everyPhraseBeginsWithAPairTheFilterLetsThrough() {
        let table = SentimentWordTable(SentimentLexicon.builtIn)
        let view = table.view
        for phrase in SentimentLexicon.builtIn.phrases.keys {
            let words = phrase.split(separator: " ", omittingEmptySubsequences: false).map { Array($0.utf8) }
            guard words.count >= 2 else { continue }
            let ids = words.prefix(2).map { $0.withUnsafeBufferPointer { view.words.index(of: $0) } }
            #expect(ids.allSatisfy { $0 >= 0 }, "\(phrase)")
            #expect(view.mayBeginPhrase(ids[0], ids[1]), "\(phrase)")
        }
    }

    @Test func everyEmoticonChunkPassesTheFirstTwoBytesFilter() {
        let table = SentimentWordTable(SentimentLexicon.builtIn)
        let view = table.view
        for emoticon in SentimentLexicon.builtIn.emoticons.keys {
            // Alone, at the end of a text, and with trailing punctuation before a space.
            for text in [emoticon, "ok " + emoticon, emoticon + "!! ok", emoticon + ". x"] {
                let bytes = Array(text.utf8)
                let start = text.hasPrefix("ok ") ? 3 : 0
                let passes = bytes.withUnsafeBufferPointer { view.mayStartEmoticon($0.baseAddress!, at: start, count: $0.count) }
                #expect(passes, "\(text)")
            }
        }
        // Chunks no emoticon begins with.
        for text in ["could", "order", "x", "Thanks"] {
            let bytes = Array(text.utf8)
            #expect(!bytes.withUnsafeBufferPointer { view.mayStartEmoticon($0.baseAddress!, at: 0, count: $0.count) }, "\(text)")
        }
    }

    @Test func longRunsFoundWithOneLoadAsByteByByte() {
        var rng = SplitMix64(seed: 7)
        let letters = Array("aab'".utf8)
        for _ in 0..<100_000 {
            let count = Int(rng.next() % 9)
            var bytes = (0..<count).map { _ in letters[Int(rng.next() % UInt64(letters.count))] }
            let key = bytes
            bytes += [UInt8](repeating: UInt8(rng.next() % 256), count: 8)  // slack, any bytes
            let expected = key.withUnsafeBufferPointer { SentimentBuffers.hasLongRun($0) }
            let got = bytes.withUnsafeBufferPointer { SentimentBuffers.hasLongRun(padded: $0.baseAddress!, count: count) }
            #expect(got == expected, "\(key)")
        }
        let sooo = Array("sooo!!!!".utf8), soo = Array("soo!!!!!".utf8)
        #expect(sooo.withUnsafeBufferPointer { SentimentBuffers.hasLongRun(padded: $0.baseAddress!, count: 4) })
        #expect(!soo.withUnsafeBufferPointer { SentimentBuffers.hasLongRun(padded: $0.baseAddress!, count: 3) })
    }

    @Test func wordFactsRoundTripThroughTheSlotPayload() {
        var facts = WordFacts()
        facts.valence = -2.7
        facts.flags = WordFacts.entry | WordFacts.negator
        facts.setBoost(-SentimentRules.boosterIncrement)
        let back = WordFacts(payload: facts.payload)
        #expect(back.valence == -2.7 && back.flags == facts.flags && back.boost == -SentimentRules.boosterIncrement)
        facts.setBoost(SentimentRules.boosterIncrement)
        #expect(WordFacts(payload: facts.payload).boost == SentimentRules.boosterIncrement)
        facts.setBoost(0)
        #expect(WordFacts(payload: facts.payload).boost == 0)
    }

    @Test func itemListGrowsAndShrinks() {
        var list = SentimentItemList(capacity: 2)
        defer { list.release() }
        for k in 0..<100 { list.append(SentimentItem(clause: Int32(k), sentence: Int32(k + 1))) }
        #expect(list.count == 100 && list[99].clause == 99 && list.last?.sentence == 100)
        list[3].valence = 1.5
        #expect(list.withUnsafeBufferPointer { $0[3].valence } == 1.5)
        list.removeLast(40)
        #expect(list.count == 60 && list.last?.clause == 59)
        list.removeAll(keepingCapacity: true)
        #expect(list.isEmpty && list.last == nil)
    }

    @Test func itemsTakeTheirRolesAndStepsFromWordFactsBits() {
        #expect(MemoryLayout<SentimentItem>.stride == 32)
        var facts = WordFacts()
        facts.flags = WordFacts.entry | WordFacts.negator | WordFacts.phraseHead
        facts.setBoost(SentimentRules.boosterIncrement)
        var item = SentimentItem(clause: 1, sentence: 2)
        #expect(item.boost == 0 && item.emphasis == 0 && item.word == -1)
        item.flags = SentimentItem.lexical | UInt16(facts.flags) & SentimentItem.roles
        #expect(item.isNegator && item.isPhraseHead && !item.isAmplifierHead && item.isLexical)
        #expect(item.boost == facts.boost && item.boost == SentimentRules.boosterIncrement)
        item.makeDampener()
        #expect(item.boost == -SentimentRules.boosterIncrement)
        item.flags |= SentimentItem.elongated
        #expect(item.emphasis == SentimentRules.elongationIncrement && item.isNegator)
    }
}
