/// Finds International Bank Account Numbers (ISO 13616).
///
/// An IBAN is a two-letter country code, two check digits and a country-specific basic bank
/// account number (BBAN) of letters and digits, of a fixed length per country
/// (``IBANDetector/lengths``): `DE89 3704 0044 0532 0130 00`, `GB82WEST12345698765432`. It is
/// written plain or in groups joined by single spaces, no-break spaces or dashes; letters may be
/// lower case. It is valid when moving the first four characters to the end, replacing letters
/// by 10…35, gives a number that is 1 mod 97 (ISO 7064 MOD 97-10).
///
/// A country code missing from the table is not an IBAN, and the last character must not be
/// followed by a letter or digit.
///
/// ```swift
/// Redactor(kinds: [.iban]).redact("IBAN DE89 3704 0044 0532 0130 00, thanks").text
/// // "IBAN [IBAN], thanks"
/// ```
/// - Complexity: O(n) in the length of the text; each candidate reads at most 34 characters
///   (its country's length).
struct IBANDetector: PIIDetector {
    static let kind = PIIKind.iban

    func detect(in scan: PIIScan, into candidates: inout [PIICandidate]) {
        let bytes = scan.bytes
        let n = bytes.count
        guard n >= 15 else { return }
        // At digit runs: two letters of the same case, then two digits, at the start of a word.
        var floor = 0
        for p in scan.digitRuns where p >= floor + 2 && p + 1 < n {
            let i = p - 2
            guard PIIBytes.isDigit(bytes[p + 1]), PIIBytes.isLetter(bytes[i]), PIIBytes.isLetter(bytes[i + 1]),
                  PIIBytes.isUpper(bytes[i]) == PIIBytes.isUpper(bytes[i + 1]),
                  !PIIBytes.wordCharacter(before: i, in: bytes), !Self.joinedToIdentifier(bytes, at: i),
                  let end = match(bytes, at: i)
            else { continue }
            candidates.append(PIICandidate(kind: .iban, range: i..<end))
            floor = end
        }
    }

    /// Whether `i` follows `-`, `/`, `.` or `_` glued to a letter or digit (`x-ce12…` inside a UUID
    /// or a path).
    private static func joinedToIdentifier(_ bytes: PIIBytes.Bytes, at i: Int) -> Bool {
        guard i >= 2 else { return false }
        let b = bytes[i - 1]
        return (b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_"))
            && PIIBytes.isAlnum(bytes[i - 2])
    }

    /// The end of a valid IBAN starting at `start`, or nil.
    private func match(_ bytes: PIIBytes.Bytes, at start: Int) -> Int? {
        let country = String(decoding: [bytes[start] & 0xDF, bytes[start + 1] & 0xDF], as: UTF8.self)
        guard let length = Self.lengths[country] else { return nil }
        // Read `length` characters, with single separators between groups.
        var chars: [UInt8] = []
        chars.reserveCapacity(length)
        let n = bytes.count
        var i = start
        while chars.count < length, i < n {
            let b = bytes[i]
            if PIIBytes.isAlnum(b) {
                chars.append(b)
                i += 1
                continue
            }
            guard !chars.isEmpty, let (join, width) = DigitJoin.separator(at: i, in: bytes),
                  join == .space || join == .dash, i + width < n, PIIBytes.isAlnum(bytes[i + width])
            else { break }
            i += width
        }
        guard chars.count == length, !PIIBytes.wordCharacter(at: i, in: bytes), Self.checksumIsValid(chars) else { return nil }
        return i
    }

    /// ISO 7064 MOD 97-10 over an IBAN's characters (letters in either case).
    ///
    /// ```swift
    /// IBANDetector.checksumIsValid(Array("GB82WEST12345698765432".utf8)) // true
    /// ```
    static func checksumIsValid(_ chars: [UInt8]) -> Bool {
        guard chars.count >= 5 else { return false }
        let check = Int(chars[2] &- 48) * 10 + Int(chars[3] &- 48)
        guard check >= 2, check <= 98 else { return false }
        var remainder = 0
        for k in 0..<chars.count {
            let b = chars[(k + 4) % chars.count]
            if PIIBytes.isDigit(b) {
                remainder = (remainder * 10 + Int(b &- 48)) % 97
            } else {
                remainder = (remainder * 100 + Int((b | 0x20) &- 97) + 10) % 97
            }
        }
        return remainder == 1
    }
}
