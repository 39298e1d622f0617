/// Byte classes and small look-arounds shared by the PII detectors.
///
/// The detectors scan the UTF-8 bytes of the text by hand (no regular expressions: they are slow
/// on Linux). All syntax they recognise is ASCII, so most decisions look at single bytes; the
/// few that must see a non-ASCII neighbour (is the character before a number a letter?) decode
/// that one scalar.
enum PIIBytes {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    // MARK: ASCII classes

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 97 < 6 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 65 < 26 }
    /// ASCII white space and control characters.
    @inline(__always) static func isSpaceOrControl(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7F }

    // MARK: Scalars

    /// The scalar that starts at `i` and its length in bytes. The text is valid UTF-8 (it comes
    /// from a `String`); a stray continuation byte reads as U+FFFD of length 1.
    static func scalar(at i: Int, in bytes: Bytes) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(b0) & (0xFF >> UInt32(length + 1))
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar that ends just before `i` and where it starts.
    static func scalar(before i: Int, in bytes: Bytes) -> (scalar: Unicode.Scalar, start: Int) {
        var start = i - 1
        while start > 0, i - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let (scalar, length) = scalar(at: start, in: bytes)
        return start + length == i ? (scalar, start) : ("\u{FFFD}", i - 1)
    }

    /// Whether a non-ASCII scalar is a letter or digit of a script written with spaces between
    /// words (Latin, Greek, Cyrillic, Arabic, Devanagari, …). Such a letter glued to a number or
    /// an address is part of the same word. Han, kana, Hangul, Thai and the full-width forms are
    /// excluded: text in those scripts runs on without spaces, so a neighbouring character there
    /// says nothing about where a number or an address ends.
    static func isSpacedWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return isAlnum(UInt8(v)) }
        switch v {
        case 0x0E00...0x0EFF,  // Thai, Lao
             0x1000...0x109F,  // Myanmar
             0x1780...0x17FF,  // Khmer
             0x2E80...0xA4CF,  // CJK radicals … Yi, kana, Hangul compatibility jamo
             0xAC00...0xD7AF,  // Hangul syllables
             0xF900...0xFAFF,  // CJK compatibility ideographs
             0xFF00...0xFFEF,  // half-width and full-width forms
             0x20000...0x3FFFF:  // CJK extensions
            return false
        default:
            let p = s.properties
            return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
        }
    }

    /// Whether the character before `i` is a word character that would join a token starting at
    /// `i`. A placeholder (`[PHONE]`) counts as a word: it stands for the value that was there, so
    /// a redacted text reads as its input did and redacting it again changes nothing.
    static func wordCharacter(before i: Int, in bytes: Bytes) -> Bool {
        guard i > 0 else { return false }
        let b = bytes[i - 1]
        if b < 0x80 { return isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "]") && placeholderEnds(at: i, in: bytes) }
        return isSpacedWordScalar(scalar(before: i, in: bytes).scalar)
    }

    /// Whether the character at `i` is a word character that would join a token ending at `i`
    /// (a placeholder counts as a word).
    static func wordCharacter(at i: Int, in bytes: Bytes) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b < 0x80 { return isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "[") && placeholderStarts(at: i, in: bytes) }
        return isSpacedWordScalar(scalar(at: i, in: bytes).scalar)
    }

    /// Whether a `[UPPER_CASE]` placeholder ends at `i` (exclusive).
    static func placeholderEnds(at i: Int, in bytes: Bytes) -> Bool {
        guard i >= 3, bytes[i - 1] == UInt8(ascii: "]") else { return false }
        var k = i - 2
        while k >= 0, i - k < 34, isUpper(bytes[k]) || bytes[k] == UInt8(ascii: "_") { k -= 1 }
        return k >= 0 && k < i - 2 && bytes[k] == UInt8(ascii: "[")
    }

    /// Whether a `[UPPER_CASE]` placeholder starts at `i`.
    static func placeholderStarts(at i: Int, in bytes: Bytes) -> Bool {
        guard i + 2 < bytes.count, bytes[i] == UInt8(ascii: "[") else { return false }
        var k = i + 1
        while k < bytes.count, k - i < 34, isUpper(bytes[k]) || bytes[k] == UInt8(ascii: "_") { k += 1 }
        return k < bytes.count && k > i + 1 && bytes[k] == UInt8(ascii: "]")
    }

    /// Whether the scalar is a currency sign (`$`, `€`, `£`, `¥`, `₹`, …).
    @inline(__always) static func isCurrency(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .currencySymbol
    }

    // MARK: Number boundaries

    /// Whether a number may start at `i`: it is not glued to a word (`A1234`, `é5`, `[URL]5`), to
    /// an identifier or a larger number through a joiner (`A-1234`, `1,234`, `1.5`, `10:30`), to
    /// `#` (`#12345`), or to a currency sign (`$1234`).
    static func numberMayStart(at i: Int, in bytes: Bytes) -> Bool {
        guard i > 0 else { return true }
        let b = bytes[i - 1]
        if b >= 0x80 {
            let s = scalar(before: i, in: bytes).scalar
            return !isSpacedWordScalar(s) && !isCurrency(s)
        }
        if isAlnum(b) { return false }
        switch b {
        case UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: "$"):
            return false
        case UInt8(ascii: "]"):
            return !placeholderEnds(at: i, in: bytes)
        case UInt8(ascii: "-"), UInt8(ascii: "/"):
            return !(i >= 2 && (isAlnum(bytes[i - 2]) || placeholderEnds(at: i - 1, in: bytes)))
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"):
            return !(i >= 2 && (isDigit(bytes[i - 2]) || placeholderEnds(at: i - 1, in: bytes)))
        default:
            return true
        }
    }

    /// Whether a number may end at `i` (exclusive): what follows is not a letter or digit (or a
    /// placeholder), not a joiner leading on to more of the token (`…4567-A`, `…4567.89`,
    /// `…4567,00`), not `%` and not a currency sign.
    static func numberMayEnd(at i: Int, in bytes: Bytes) -> Bool {
        guard i < bytes.count else { return true }
        let b = bytes[i]
        if b >= 0x80 {
            let s = scalar(at: i, in: bytes).scalar
            return !isSpacedWordScalar(s) && !isCurrency(s)
        }
        if isAlnum(b) { return false }
        let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
        switch b {
        case UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "$"):
            return false
        case UInt8(ascii: "["):
            return !placeholderStarts(at: i, in: bytes)
        case UInt8(ascii: "-"), UInt8(ascii: "/"):
            return !(isAlnum(next) || placeholderStarts(at: i + 1, in: bytes))
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"):
            return !(isDigit(next) || placeholderStarts(at: i + 1, in: bytes))
        default:
            return true
        }
    }

    // MARK: Context words

    /// What the few ASCII words before `i` say about a number there: `true` when one of
    /// `positive` comes first (`call me on …`), `false` when an identifier word of `negative`
    /// names it (`order 48291`), `nil` when nothing is said.
    ///
    /// - A positive word counts anywhere in the window.
    /// - A negative word counts only right before the number, with nothing in between but
    ///   ``fillerWords`` (`policy is …`) or a word of `weakPositive` (`order number …`,
    ///   `member no. …`); past another word, a comma, a parenthesis, a dash or a word in another
    ///   script it no longer speaks for this number.
    /// - A word of `weakPositive` (`number`) counts as positive unless the word right before it
    ///   is negative: `my number is …` versus `order number …`.
    ///
    /// Looks back at most `maxWords` words within `maxBytes` bytes, and not past another number
    /// (the words before it are about that one), the end of the previous clause or sentence (a
    /// line break, `;`, `!`, `?`, or `.` and a space after a word that is not an abbreviation
    /// such as `tel.` or `no.`), nor into a URL, an address or a placeholder (`/ = & @ < > [ ]`):
    /// words there are not about this number, and a placeholder's name (`[PHONE]`) must not
    /// change the next redaction. Words are lower-cased runs of ASCII letters.
    static func nearestKeyword(
        before i: Int, in bytes: Bytes, positive: KeywordSet, weakPositive: KeywordSet = [],
        negative: KeywordSet, maxWords: Int = 4, maxBytes: Int = 48
    ) -> Bool? {
        let floor = max(0, i - maxBytes)
        var j = i
        var words = 0
        var sawWeak = false
        var adjacent = true  // still right before the number
        while j > floor, words < maxWords {
            // Skip to the end of the previous word, stopping at a clause boundary.
            while j > floor, !isLetter(bytes[j - 1]) {
                let b = bytes[j - 1]
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                     UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "@"), UInt8(ascii: "<"),
                     UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"):
                    return sawWeak ? true : nil
                case UInt8(ascii: "."):
                    if j < bytes.count, isSpaceOrControl(bytes[j]), !abbreviationEnds(before: j - 1, in: bytes) {
                        return sawWeak ? true : nil
                    }
                case UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "-"), UInt8(ascii: "\""):
                    adjacent = false
                default:
                    if b >= 0x80 { adjacent = false }
                }
                j -= 1
            }
            let end = j
            while j > floor, isLetter(bytes[j - 1]) { j -= 1 }
            guard end > j else { break }
            if j == floor, floor > 0, isLetter(bytes[floor - 1]) { break }  // a word cut by the window
            words += 1
            let word = j..<end
            if positive.contains(bytes, word) { return true }
            if sawWeak { return !(adjacent && negative.contains(bytes, word)) }
            if negative.contains(bytes, word) {
                if adjacent { return false }
                continue
            }
            if weakPositive.contains(bytes, word) {
                sawWeak = true
            } else if !fillerWords.contains(bytes, word) {
                adjacent = false
            }
        }
        return sawWeak ? true : nil
    }

    /// Words that may stand between an identifier word and its number: `policy is 123 …`,
    /// `my account's 123 …`.
    static let fillerWords: KeywordSet = [
        "is", "was", "are", "be", "the", "my", "our", "your", "his", "her", "their", "a", "an", "of", "for", "to",
        "at", "on", "in", "me", "us", "it", "its", "s", "m", "re",
    ]

    /// Abbreviations whose `.` does not end a sentence: `tel. 555 …`, `no. 12`.
    static let abbreviations: KeywordSet = ["tel", "no", "nr", "ph", "mob", "num", "ref", "inv", "acct", "ord", "approx", "ca", "nos"]

    /// Whether the word that ends at `i` (exclusive) is one of ``abbreviations``.
    static func abbreviationEnds(before i: Int, in bytes: Bytes) -> Bool {
        var s = i
        while s > 0, i - s < 8, isLetter(bytes[s - 1]) { s -= 1 }
        return s < i && abbreviations.contains(bytes, s..<i)
    }

    /// Where the ASCII word right before `i` is, with only spaces between (`version 1.2.0.4`);
    /// nil when something else stands there.
    static func adjacentWord(before i: Int, in bytes: Bytes) -> Range<Int>? {
        var end = i
        while end > 0, i - end < 4, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        var s = end
        while s > 0, end - s < 16, isLetter(bytes[s - 1]) { s -= 1 }
        guard s < end, s == 0 || !isLetter(bytes[s - 1]) else { return nil }
        return s..<end
    }

    /// Words that say a nearby number identifies a thing, not a person: order and tracking
    /// numbers, tickets, invoices, accounts, versions.
    static let identifierWords: KeywordSet = [
        "order", "orders", "ord", "invoice", "inv", "tracking", "track", "shipment", "parcel", "package",
        "ticket", "case", "ref", "reference", "transaction", "txn", "confirmation", "booking",
        "reservation", "receipt", "serial", "sku", "part", "model", "version", "build", "release",
        "policy", "claim", "account", "acct", "voucher", "coupon", "awb", "batch", "lot", "item",
        "zip", "postcode", "postal", "plz", "isbn", "iban", "bic", "swift", "routing", "sort",
        "id", "ids", "member", "membership", "invoices", "tickets", "cases", "sn", "imei", "serials", "licence", "license",
    ]
}
