import Foundation
import TestSupport
import Testing
import TranscriptMiner

@Suite("Sentiment lexicon")
struct SentimentLexiconTests {
    @Test func builtInIsBroadAndNormalised() throws {
        let lexicon = SentimentLexicon.builtIn
        #expect(lexicon.count >= 3000)
        #expect(lexicon.words.count >= 3000)
        #expect(lexicon.valence(of: "GREAT") == lexicon.valence(of: "great"))
        #expect(try #require(lexicon.valence(of: "great")) > 2)
        #expect(try #require(lexicon.valence(of: "Charged twice")) < 0)
        #expect(try #require(lexicon.valence(of: ":)")) > 0)
        #expect(try #require(lexicon.valence(of: "😡")) < 0)
        #expect(lexicon.valence(of: "kindly") == 0)
        #expect(lexicon.valence(of: "still") == nil)   // an amplifier rule, not an entry
        for (_, valence) in lexicon.words { #expect((-4...4).contains(valence)) }
        for (key, _) in lexicon.words { #expect(key == key.lowercased() || key.unicodeScalars.contains { $0.properties.isEmoji }, "\(key)") }
    }

    @Test func valenceFormatWithAndWithoutVADERColumns() throws {
        let lexicon = try SentimentLexicon(parsing: """
            # a comment
            zork\t2.5\t0.80623\t[3, 2, 3, 2, 3, 3, 2, 2, 3, 2]
            Blah\t-1.2
            meh meh\t-0.5\t# a note

            :-}\t1.5
            """, format: .valence)
        #expect(lexicon.count == 4)
        #expect(lexicon.words["zork"] == 2.5 && lexicon.words["blah"] == -1.2)
        #expect(lexicon.phrases["meh meh"] == -0.5)
        #expect(lexicon.emoticons[":-}"] == 1.5)
        // Automatic detection reads the same file the same way.
        #expect(try SentimentLexicon(parsing: "zork\t2.5\t0.8\t[3, 2]\n").words["zork"] == 2.5)
    }

    @Test func afinnIsScaledToVADERRange() throws {
        let afinn = try SentimentLexicon(parsing: "abandon\t-2\nsuperb\t5\nokay\t1\n", format: .afinn)
        #expect(afinn.words["superb"] == 4.0)
        #expect(abs(try #require(afinn.words["abandon"]) + 1.6) < 1e-12)
        // Detected automatically: integers only, one of them ±5.
        #expect(try SentimentLexicon(parsing: "abandon\t-2\nsuperb\t5\n").words["superb"] == 4.0)
        // Or by the file's name.
        let folder = try TemporaryFolder()
        let path = try folder.write("AFINN-mine.txt", "nice\t3\n")
        #expect(abs(try #require(try SentimentLexicon(contentsOf: URL(fileURLWithPath: path)).words["nice"]) - 2.4) < 1e-12)
        // Without ±5 and without the name, integers are VADER means.
        #expect(try SentimentLexicon(parsing: "nice\t3\n").words["nice"] == 3.0)
    }

    @Test func extendAndReplace() throws {
        let user = try SentimentLexicon(parsing: "great\t-1.0\nzorkful\t3.0\n")
        let extended = SentimentLexicon.builtIn.merging(user)
        #expect(extended.words["great"] == -1.0 && extended.words["zorkful"] == 3.0)
        #expect(extended.words["awful"] == SentimentLexicon.builtIn.words["awful"])
        #expect(SentimentScorer(lexicon: extended).score("zorkful").compound > 0)
        #expect(SentimentScorer(lexicon: user).score("awful").compound == 0)   // replace: only the user's entries
        var lexicon = SentimentLexicon()
        try lexicon.setValence(-2, for: "Still Pending")
        #expect(lexicon.phrases["still pending"] == -2)
        #expect(throws: SentimentLexiconError.self) { try lexicon.setValence(7, for: "x") }
    }

    @Test func badLinesNameFileAndLine() {
        let cases: [(String, SentimentLexiconError.Code, Int)] = [
            ("good\t1\nbad -2\n", .missingValence, 2),
            ("good\tvery\n", .invalidValence, 1),
            ("# c\n\ngood\t4.5\n", .valenceOutOfRange, 3),
            ("good\t1.0\tx\t[1]\n", .malformedColumns, 1),
            ("good\t1.0\t0.5\t1, 2\n", .malformedColumns, 1),
            ("\t1.0\n", .invalidTerm, 1),
        ]
        for (text, code, line) in cases {
            do {
                _ = try SentimentLexicon(parsing: text, file: "mine.tsv", format: .valence)
                Issue.record("no error for \(text.debugDescription)")
            } catch let error as SentimentLexiconError {
                #expect(error.code == code && error.line == line && error.file == "mine.tsv", "\(error)")
                #expect(error.description.hasPrefix("mine.tsv:\(line): \(code.rawValue): "))
            } catch { Issue.record("\(error)") }
        }
        #expect(throws: SentimentLexiconError.self) { try SentimentLexicon(parsing: "good\t6\n", format: .afinn) }
        #expect(throws: SentimentLexiconError.self) { try SentimentLexicon(parsing: "good\t1.5\n", format: .afinn) }
        #expect(throws: SentimentLexiconError.self) { try SentimentLexicon(contentsOf: URL(fileURLWithPath: "/nonexistent/lexicon.tsv")) }
    }
}
