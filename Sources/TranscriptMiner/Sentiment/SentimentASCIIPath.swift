import Tokenizer

/// The sentiment scorer's own segmenter for plain ASCII text, which gives exactly the tokens
/// (text, kind, UTF-8 range) of ``SentimentScorer/analyzer`` on the texts it accepts
/// (``scan(_:chunk:token:)``), without ICU, special-span scanning or a `String` per token.
///
/// ```swift
/// "I can't log in!!"  // accepted: words "i", "can't", "log", "in"
/// "Order #A-12, see www.x.com or @help_desk, café"   // not accepted: the ICU chain scores it
/// ```
///
/// On ASCII, ICU's root word-break rules come down to: a word is a run of letters, with single
/// apostrophes or full stops between two letters (UAX #29 WB6/7: "can't", "e.g"); a number is a
/// run of digits, with a `.` `,` `;` `'` between two digits (WB11/12); letters, digits and `_`
/// next to each other join (WB9/10/13); everything else separates. The chain adds special spans
/// (URLs, e-mail addresses, @mentions, #hashtags, identifiers like `A-1234`, digit groups like
/// `12/25`, placeholders like `[EMAIL]`), case folding (for ASCII: lower case) and no other
/// filter (the sentiment analyzer has no stopwords, stems or placeholders).
///
/// The fast path is conservative: it takes only texts where nothing but plain letter words
/// (with apostrophes between letters) and plain digit runs can come out, and leaves everything
/// else to the chain:
/// - any byte ≥ 0x80, a control character other than tab, LF and CR, DEL, `@`, `#`, `_`;
/// - a digit next to a letter or to `.` `,` `;` `'` `-` `/` `:` (joins, decimals, digit groups,
///   identifiers);
/// - a `.` between a letter or digit and a letter, digit or `-` (WB6/7 joins, `www.`, domains);
/// - a `:` before `/` (URL schemes) or between two letters or digits;
/// - a `[` or `<` before a letter (placeholders).
///
/// Why this scan and not the tokenizer's ASCII segmentation (`Sources/CICUShim/ascii_words.c`,
/// which ICU-checks itself): on the texts accepted here the two give the same segments (the
/// refused bytes and contexts — `_`, `@`, digits touching letters, `.` between letters — are
/// exactly where its classes go beyond letter runs with single apostrophes and digit runs),
/// but this scan does more in the same pass over the bytes: it decides acceptance, reports the
/// emoticon chunk starts and hands each word to the scorer, which lower-cases and hashes it
/// while its bytes are in registers. Using the C segmenter would add a second pass, a call
/// across modules that cannot be inlined, and (start, end, status) triples written and read
/// back (the one-pass scan replaced three passes and was worth about 20 % of the scorer's
/// time; see BENCHMARKS.md); the sentiment module does not depend on CICUShim either. The
/// other way round does not work: the tokenizer must segment every ASCII text, including those
/// this scan refuses.
///
/// Equality with the chain is checked three ways: ``agreesWithChain`` compares the two on every
/// short string over the characters that matter, once per process, before any session uses
/// the fast path (a different ICU turns it off, not wrong); the tests compare them token by token
/// on every corpus of the project; and `sentiment-bench --check-ascii-path FILE` does the same on
/// large corpora (BENCHMARKS.md records the runs). Public only as SPI (`@_spi(Benchmarks)`), for
/// the benchmark's check.
@_spi(Benchmarks) public enum SentimentASCIIPath {
    /// Whether `byte` is an ASCII letter.
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }
    /// Whether `byte` is an ASCII digit.
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    /// Bytes below 64 that need a look: controls (other than tab, LF, CR), `!` `#` `.` `:` `<`
    /// `?` and the digits.
    /// (Bits 0–31 but 9, 10, 13; 33, 35, 46, 48–57, 58, 60, 63; checked by the tests.)
    static let lowAttention: UInt64 = 0x97FF_400A_FFFF_D9FF
    /// Bytes 64–127 that need a look: `@` `[` `_` DEL.
    static let highAttention: UInt64 = 1 << (64 - 64) | 1 << (91 - 64) | 1 << (95 - 64) | 1 << (127 - 64)

    /// A byte that must not touch a digit run: letters and `.` `,` `;` `'` `-` `/` `:` (`_` `@`
    /// `#` are refused anyway).
    @inline(__always)
    static func touchesDigits(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
            || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":")
    }

    /// How many of the eight bytes of `word` (first byte lowest) are ASCII letters before the
    /// first that is not, 0...8. Per byte, with bit 5 set and the top bit cleared (no carries
    /// between bytes), adding 0x1F sets the top bit from 0x61 on and adding 0x05 from 0x7B on;
    /// bytes ≥ 0x80 are removed at the end.
    @inline(__always)
    static func letterRun(_ word: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let top: UInt64 = 0x8080_8080_8080_8080
        let folded = (word | 0x2020_2020_2020_2020) & ~top
        let letters = (folded &+ ones &* 0x1F) & ~(folded &+ ones &* 0x05) & ~word & top
        return (~letters & top).trailingZeroBitCount >> 3
    }

    /// Whether `byte` is whitespace in text the fast path accepts (space, tab, LF, CR; other
    /// bytes ≤ 0x20 are refused).
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte <= 0x20 }

    /// Reads `bytes` once: decides whether the fast path takes them (see the type's discussion),
    /// segments them and finds where whitespace-delimited chunks start. Returns the numbers of
    /// "!" and "?", or `nil` as soon as the text is refused (the calls made until then are to be
    /// discarded: the chain must segment the text).
    ///
    /// - `chunk(start)` is called for every chunk start (offset 0 when the text does not start
    ///   with whitespace, and every byte > 0x20 after whitespace) before any token at or after
    ///   `start` is reported, so a caller can find emoticons there first.
    /// - `token(start, end, isNumber)` is called for each token, in order: runs of letters (with
    ///   single apostrophes between letters) as words, runs of digits as numbers.
    ///
    /// Invariant: letters only go into words and digits only into numbers; every rule of the
    /// type's discussion is checked at the byte it names (a digit run checks the bytes on both
    /// sides; `.` `:` `[` `<` their neighbours), so a refusal is found wherever it occurs.
    /// - Complexity: O(n) for n bytes, one pass; the closures are inlined.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, chunk: (Int) -> Void,
                     token: (Int, Int, Bool) -> Void) -> (exclamations: Int, questions: Int)? {
        guard let p = bytes.baseAddress else { return (0, 0) }
        let n = bytes.count
        let low = lowAttention, high = highAttention
        var exclamations = 0, questions = 0
        if n > 0 && !isSpace(p[0]) { chunk(0) }
        var i = 0
        while i < n {
            let b = p[i]
            if isLetter(b) {
                let start = i
                i &+= 1
                while i < n {
                    // Eight bytes at a time while they are letters (the common case: one step).
                    if i &+ 8 <= n {
                        let letters = letterRun(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                        i &+= letters
                        if letters == 8 { continue }
                    }
                    let c = p[i]
                    if isLetter(c) {
                        i &+= 1
                    } else if c == UInt8(ascii: "'") && i &+ 1 < n && isLetter(p[i &+ 1]) {
                        i &+= 2
                    } else {
                        break
                    }
                }
                token(start, i, false)
            } else if isDigit(b) {
                if i > 0 && touchesDigits(p[i &- 1]) { return nil }
                let start = i
                i &+= 1
                while i < n && isDigit(p[i]) { i &+= 1 }
                if i < n && touchesDigits(p[i]) { return nil }
                token(start, i, true)
            } else if isSpace(b) {
                if b != 0x20 && b != 0x0A && b != 0x09 && b != 0x0D { return nil }  // other controls
                i &+= 1
                if i < n && !isSpace(p[i]) { chunk(i) }
            } else {
                if b >= 0x80 { return nil }
                let attention = b < 64 ? (low >> UInt64(b)) & 1 : (high >> UInt64(b &- 64)) & 1
                if attention != 0 {
                    switch b {
                    case UInt8(ascii: "!"):
                        exclamations &+= 1
                    case UInt8(ascii: "?"):
                        questions &+= 1
                    case UInt8(ascii: "."):
                        if i > 0 && isAlnum(p[i &- 1]) && i &+ 1 < n && (isAlnum(p[i &+ 1]) || p[i &+ 1] == UInt8(ascii: "-")) { return nil }
                    case UInt8(ascii: ":"):
                        if i &+ 1 < n && (p[i &+ 1] == UInt8(ascii: "/") || (i > 0 && isAlnum(p[i &- 1]) && isAlnum(p[i &+ 1]))) { return nil }
                    case UInt8(ascii: "["), UInt8(ascii: "<"):
                        if i &+ 1 < n && isLetter(p[i &+ 1]) { return nil }
                    default:
                        return nil  // DEL, @ # _
                    }
                }
                i &+= 1
            }
        }
        return (exclamations, questions)
    }

    /// The tokens of `text` as the fast path makes them (word texts in lower case), or `nil`
    /// when it does not accept the text. For tests and benchmarks: the scorer does not build
    /// tokens.
    public static func tokens(in text: String) -> [Token]? {
        var text = text
        return text.withUTF8 { bytes -> [Token]? in
            var tokens: [Token] = []
            let accepted = scan(bytes, chunk: { _ in }) { start, end, isNumber in
                let folded = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
                tokens.append(Token(text: folded, kind: isNumber ? .number : .word, range: start..<end, position: tokens.count))
            }
            return accepted == nil ? nil : tokens
        }
    }

    /// Whether the fast path gives the chain's tokens (text, kind, range) on every string of up
    /// to 3 characters over a letter of each case, a digit, the space and every ASCII character
    /// a rule above names, and on a few longer probes; computed once per process. When it is
    /// `false` (another ICU with other rules), sessions use the chain for every text.
    public static let agreesWithChain: Bool = {
        let alphabet = Array("aZ7 '.,;:-/!?<[(\"x".utf8)
        var probes: [String] = [
            "I can't believe it's not butter!!", "rock'n'roll don''t 'quoted' dogs' ", "abc - def / ghi : jkl",
            "It was GREAT, really... 10 out of 10 :) <3 [x] (ok)", "wait.\nNext line\r\nand\ttab", "end. Then 3 times 45",
        ]
        func extend(_ prefix: [UInt8], _ length: Int) {
            guard length > 0 else { return }
            for c in alphabet {
                let next = prefix + [c]
                probes.append(String(decoding: next, as: UTF8.self))
                extend(next, length - 1)
            }
        }
        extend([], 3)
        let session = SentimentScorer.analyzer.makeSession()
        for probe in probes {
            guard let fast = tokens(in: probe) else { continue }
            let chain = session.tokens(in: probe)
            guard fast.count == chain.count else { return false }
            for (a, b) in zip(fast, chain) where a.text != b.text || a.kind != b.kind || a.range != b.range { return false }
        }
        return true
    }()
}
