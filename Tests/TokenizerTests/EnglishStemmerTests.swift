import Foundation
import Testing
import TestSupport
@testable import Tokenizer

/// Tests of ``EnglishStemmer``, the Snowball English (Porter2) stemmer.
///
/// Expected stems are Snowball's own: every hand-picked ASCII case below appears with that stem in
/// Snowball's reference vocabulary (`snowball-english/voc.txt` and `output.txt`), except
/// `refunds`, worked by hand from step 1a. Porter2 is not idempotent (`accelerate` → `acceler`,
/// but `acceler` → `accel`), so no test stems a stem twice.
@Suite("EnglishStemmer")
struct EnglishStemmerTests {
    let stemmer = EnglishStemmer()

    // MARK: - Hand-picked cases, grouped by the rule they exercise

    @Test("Exceptional forms are looked up whole", arguments: [
        ("skis", "ski"), ("skies", "sky"), ("sky", "sky"), ("idly", "idl"), ("gently", "gentl"),
        ("ugly", "ugli"), ("early", "earli"), ("only", "onli"), ("singly", "singl"),
        ("news", "news"), ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"),
        ("bias", "bias"), ("andes", "andes"),
    ])
    func exceptionalForms(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("Apostrophes and step 1a plurals", arguments: [
        ("there's", "there"), ("'as", "as"), ("'s'", "s"), ("'''", "'"), ("a''", "a'"),
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cries", "cri"),
        ("cats", "cat"), ("gas", "gas"), ("gaps", "gap"), ("us", "us"), ("refunds", "refund"),
    ])
    func step1a(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("Step 1b: -eed, -ed, -ing and their tidying", arguments: [
        ("feed", "feed"), ("agreed", "agre"), ("bleed", "bleed"), ("proceed", "proceed"),
        ("proceeding", "proceed"), ("exceeding", "exceed"), ("succeeded", "succeed"),
        ("consigned", "consign"), ("consigning", "consign"), ("charging", "charg"),
        ("cancelled", "cancel"), ("cancelling", "cancel"), ("hopping", "hop"), ("hoped", "hope"),
        ("hoping", "hope"), ("filing", "file"), ("filling", "fill"), ("added", "add"),
        ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("vying", "vie"),
        ("inning", "inning"), ("innings", "inning"), ("outing", "outing"),
        ("canning", "canning"), ("herring", "herring"), ("earring", "earring"),
        ("evening", "evening"), ("pasted", "paste"), ("pasting", "paste"), ("anything", "anyth"),
    ])
    func step1b(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("Consonant y: prelude marking and step 1c", arguments: [
        ("cry", "cri"), ("say", "say"), ("happily", "happili"), ("youth", "youth"),
        ("yelling", "yell"), ("eyes", "eye"), ("played", "play"), ("boyish", "boyish"),
    ])
    func consonantY(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("Steps 2 to 5: derivational suffixes in R1 and R2", arguments: [
        ("generously", "generous"), ("knightly", "knight"), ("consignment", "consign"),
        ("conditional", "condit"), ("rational", "ration"), ("sensational", "sensat"),
        ("operator", "oper"), ("formality", "formal"), ("fully", "fulli"),
        ("hopefulness", "hope"), ("goodness", "good"), ("electricity", "electr"),
        ("electrical", "electr"), ("adoption", "adopt"), ("decision", "decis"),
        ("effective", "effect"), ("agreement", "agreement"), ("argument", "argument"),
        ("controlling", "control"), ("rolling", "roll"), ("geology", "geolog"),
        ("geologist", "geolog"),
    ])
    func laterSteps(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("R1 after the fixed prefixes gener, commun, arsen, past, univers, …", arguments: [
        ("generous", "generous"), ("generation", "generat"), ("communication", "communic"),
        ("arsenal", "arsenal"), ("university", "universiti"), ("universal", "universal"),
        ("emergency", "emergenc"), ("organization", "organiz"), ("international", "internat"),
        ("internal", "internal"), ("interval", "interval"),
    ])
    func fixedPrefixes(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    /// Non-ASCII letters count as one non-vowel each, as in Snowball's UTF-8 build (checked
    /// against libstemmer). Each mirrors an ASCII case: cafés/cats, éies/ties, éyed/dyed → dy,
    /// añed/abed → abe, ñying/dying.
    @Test("Non-ASCII letters are single non-vowels", arguments: [
        ("cafés", "café"), ("añs", "añ"), ("éies", "éie"), ("ñied", "ñie"), ("éyed", "éy"),
        ("añed", "añe"), ("naïve", "naïv"), ("ñying", "ñie"),
    ])
    func nonASCII(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    // MARK: - Edge cases

    @Test("Empty and one- or two-character words are unchanged", arguments: [
        "", "a", "y", "is", "as", "by", "'s", "a'", "ée", "ñy", "𝔞𝔰",
    ])
    func shortWordsUnchanged(word: String) {
        #expect(stemmer.stem(word) == word)
    }

    @Test("A 100 KB word is stemmed without trouble")
    func hundredKilobyteWords() {
        let stem = String(repeating: "ab", count: 50_000)
        #expect(stemmer.stem(stem + "ationally") == stem)

        let ys = String(repeating: "y", count: 100_000)
        #expect(stemmer.stem(ys) == String(repeating: "y", count: 99_999) + "i")

        let accented = String(repeating: "é", count: 50_000) + "s"
        #expect(stemmer.stem(accented) == accented)
    }

    // MARK: - Snowball's reference vocabulary

    @Test(
        "Every word of Snowball's English vocabulary gets Snowball's stem",
        .enabled(
            if: SharedData.has("snowball-english/voc.txt"),
            Comment(rawValue: SharedData.absentMessage("snowball-english"))
        )
    )
    func matchesSnowballVocabulary() throws {
        let words = try lines(of: try #require(SharedData.url("snowball-english/voc.txt")))
        let stems = try lines(of: try #require(SharedData.url("snowball-english/output.txt")))
        try #require(words.count == stems.count, "voc.txt and output.txt differ in length")
        #expect(words.count > 40_000)

        var mismatchCount = 0
        var firstMismatches: [String] = []
        for (word, expected) in zip(words, stems) {
            let stem = stemmer.stem(word)
            guard stem != expected else { continue }
            mismatchCount += 1
            if firstMismatches.count < 20 {
                firstMismatches.append("\(word) → \(stem), expected \(expected)")
            }
        }
        let report = "\(mismatchCount) of \(words.count) words differ; first "
            + "\(firstMismatches.count):\n" + firstMismatches.joined(separator: "\n")
        #expect(mismatchCount == 0, Comment(rawValue: report))
    }

    /// The lines of a UTF-8 text file, without the empty string after a final newline.
    private func lines(of url: URL) throws -> [String] {
        var lines = try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
