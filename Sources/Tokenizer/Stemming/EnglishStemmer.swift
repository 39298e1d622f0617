/// Reduces an English word to its stem with the Snowball English stemmer (Porter2).
///
/// Porter2 strips inflectional and derivational suffixes in a fixed sequence of steps, so that
/// related forms meet on one stem: `"generously"` and `"generous"` both become `"generous"`,
/// `"consigned"` and `"consigning"` both become `"consign"`. A stem is a search key, not a
/// dictionary word (`"charging"` becomes `"charg"`).
///
/// ```swift
/// let stemmer = EnglishStemmer()
/// stemmer.stem("running")     // "run"
/// stemmer.stem("skies")       // "sky"
/// stemmer.stem("generously")  // "generous"
/// ```
///
/// The input must already be lower-cased. Letters outside ASCII count as non-vowels, as in the
/// Snowball implementation, whose letter groups are ASCII. Stemming a stem again may change it
/// further; the algorithm is not idempotent.
///
/// - Complexity: ``stem(_:)`` is O(*n*) in the word's length in UTF-8 bytes.
///
/// - Note: This implements the Snowball "english" algorithm, Porter2, by Martin Porter
///   (<https://snowballstem.org/algorithms/english/stemmer.html>), as of Snowball 3.1: with the
///   later refinements (R1 prefixes `past`, `univers`, `later`, `emerg`, `organ`, `inter`; the
///   `-ogist` rule; the `-ing` special cases handled in step 1b). It reproduces Snowball's
///   reference vocabulary exactly.
public struct EnglishStemmer: Sendable, Hashable {
    /// Creates a stemmer. It holds no state, so one instance can be shared freely.
    ///
    /// ```swift
    /// let stemmer = EnglishStemmer()
    /// ```
    ///
    /// - Complexity: O(1).
    public init() {}

    /// Returns the Porter2 stem of one lower-cased English word.
    ///
    /// Words of one or two characters are returned unchanged, as are the algorithm's invariant
    /// forms (`"news"`, `"atlas"`, …); a handful of exceptional forms map directly
    /// (`"skies"` → `"sky"`, `"only"` → `"onli"`).
    ///
    /// ```swift
    /// EnglishStemmer().stem("cancelled")  // "cancel"
    /// EnglishStemmer().stem("knightly")   // "knight"
    /// EnglishStemmer().stem("news")       // "news"
    /// ```
    ///
    /// - Parameter word: A single lower-cased word, without surrounding spaces or punctuation.
    /// - Returns: The stem, which may equal `word`.
    /// - Complexity: O(*n*) in the word's length in UTF-8 bytes.
    /// - Note: Algorithm: the Snowball English (Porter2) stemmer, <https://snowballstem.org>.
    public func stem(_ word: String) -> String {
        let utf8 = word.utf8
        if utf8.count < 3 { return word }
        if let exceptional = Self.exceptionalForm(word) { return exceptional }

        var w = Porter2.Word(utf8)
        // Fewer than three characters (possible only below 9 bytes): unchanged.
        if w.bytes.count < 9 && w.characterCount < 3 { return word }
        w.prelude()
        w.markRegions()
        w.step0()
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        w.postlude()
        return w.string
    }

    /// Exceptional forms: whole words with a fixed stem, looked up before any step runs.
    private static func exceptionalForm(_ word: String) -> String? {
        // Every exceptional form has 3 to 6 letters and ends in `s`, `y` or `e`.
        guard word.utf8.count <= 6, let last = word.utf8.last,
              last == UInt8(ascii: "s") || last == UInt8(ascii: "y") || last == UInt8(ascii: "e")
        else { return nil }
        switch word {
        // Special changes.
        case "skis": return "ski"
        case "skies": return "sky"
        // Special -ly cases.
        case "idly": return "idl"
        case "gently": return "gentl"
        case "ugly": return "ugli"
        case "early": return "earli"
        case "only": return "onli"
        case "singly": return "singl"
        // Invariant forms.
        case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes": return word
        default: return nil
        }
    }
}

extension EnglishStemmer {
    /// The letter groups and suffix tables of the algorithm, and (in `EnglishStemmer+Steps.swift`)
    /// the working buffer and its steps; nested so that nothing leaks into the module's namespace.
    enum Porter2 {
        // MARK: Letter groups

        /// A set of ASCII bytes in `0x40..<0x80` (the lower-case letters and `Y`), as a bit mask.
        struct LetterSet: Sendable {
            let mask: UInt64

            init(_ letters: StaticString) {
                var mask: UInt64 = 0
                letters.withUTF8Buffer { for byte in $0 { mask |= 1 << UInt64(byte - 0x40) } }
                self.mask = mask
            }

            @inline(__always)
            func contains(_ byte: UInt8) -> Bool {
                let offset = byte &- 0x40
                return offset < 64 && (mask >> UInt64(offset)) & 1 == 1
            }
        }

        /// Whether `byte` is a vowel, `aeiouy` (a `y` marked as a consonant is `Y`, not a vowel).
        @inline(__always)
        static func isVowel(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
                 UInt8(ascii: "u"), UInt8(ascii: "y"): true
            default: false
            }
        }

        /// Whether `byte` is a vowel or `w`, `x`, `Y`: letters that cannot end a short syllable.
        @inline(__always)
        static func isVowelOrWXY(_ byte: UInt8) -> Bool {
            isVowel(byte) || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "x")
                || byte == UInt8(ascii: "Y")
        }

        /// The letters whose doubles step 1b undoubles (hopping → hop).
        static let undoubled = LetterSet("bdfgmnprt")
        /// The vowels that keep a double after them at the start of a word (added → add).
        static let aeo = LetterSet("aeo")
        /// The letters that may precede a deleted `-li` in step 2.
        static let validLIEndings = LetterSet("cdeghkmnrt")
        /// The letters that may precede a deleted `-ion` in step 4.
        static let validIONEndings = LetterSet("st")
        /// The only letter that may precede `-ogi` in step 2.
        static let letterL = LetterSet("l")

        /// Prefixes that fix R1 at their end instead of the usual vowel–non-vowel rule (generous,
        /// communism, arsenal, paste, university, lateral, emergency, organic, internal).
        static let fixedR1Prefixes: [[UInt8]] = [
            "gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter",
        ].map { Array($0.utf8) }

        // MARK: Suffix tables

        /// What a rule does once its suffix is the longest match and lies in the step's region.
        enum SuffixAction: Sendable {
            /// Replace the suffix (an empty replacement deletes it).
            case replace([UInt8])
            /// Replace the suffix only when the letter before it is in the set.
            case replaceIfPreceded(by: LetterSet, with: [UInt8])
            /// Delete the suffix only when it also lies in R2.
            case deleteInR2
        }

        /// A suffix and what to do when it is the longest match.
        struct SuffixRule: Sendable {
            let suffix: [UInt8]
            let action: SuffixAction
        }

        /// Suffix rules bucketed by their last letter, each bucket sorted longest first, so the
        /// first rule of the word's bucket that matches is the longest match, as Snowball's
        /// `among` requires.
        struct SuffixTable: Sendable {
            private let buckets: [[SuffixRule]]

            init(_ rules: [(String, SuffixAction)]) {
                var buckets = [[SuffixRule]](repeating: [], count: 128)
                for (suffix, action) in rules {
                    let bytes = Array(suffix.utf8)
                    let rule = SuffixRule(suffix: bytes, action: action)
                    buckets[Int(bytes[bytes.count - 1])].append(rule)
                }
                self.buckets = buckets.map { $0.sorted { $0.suffix.count > $1.suffix.count } }
            }

            /// The rules whose suffix ends with `lastByte`, longest first.
            @inline(__always)
            func rules(endingWith lastByte: UInt8) -> [SuffixRule] {
                lastByte < 128 ? buckets[Int(lastByte)] : []
            }
        }

        private static func to(_ text: String) -> SuffixAction { .replace(Array(text.utf8)) }

        /// Step 2 suffixes, replaced when in R1.
        static let step2Rules = SuffixTable([
            ("tional", to("tion")), ("enci", to("ence")), ("anci", to("ance")),
            ("abli", to("able")), ("entli", to("ent")), ("izer", to("ize")), ("ization", to("ize")),
            ("ational", to("ate")), ("ation", to("ate")), ("ator", to("ate")),
            ("alism", to("al")), ("aliti", to("al")), ("alli", to("al")), ("fulness", to("ful")),
            ("ousli", to("ous")), ("ousness", to("ous")),
            ("iveness", to("ive")), ("iviti", to("ive")),
            ("biliti", to("ble")), ("bli", to("ble")), ("ogist", to("og")),
            ("ogi", .replaceIfPreceded(by: letterL, with: Array("og".utf8))),
            ("fulli", to("ful")), ("lessli", to("less")),
            ("li", .replaceIfPreceded(by: validLIEndings, with: [])),
        ])

        /// Step 3 suffixes, replaced when in R1 (`-ative` deleted only when in R2).
        static let step3Rules = SuffixTable([
            ("tional", to("tion")), ("ational", to("ate")), ("alize", to("al")),
            ("icate", to("ic")), ("iciti", to("ic")), ("ical", to("ic")),
            ("ful", to("")), ("ness", to("")), ("ative", .deleteInR2),
        ])

        /// Step 4 suffixes, deleted when in R2 (`-ion` only after `s` or `t`).
        static let step4Rules = SuffixTable(
            ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
             "ate", "iti", "ous", "ive", "ize"].map { ($0, to("")) }
                + [("ion", .replaceIfPreceded(by: validIONEndings, with: []))]
        )
    }
}
