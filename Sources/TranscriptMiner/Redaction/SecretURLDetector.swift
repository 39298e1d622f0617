/// Finds URLs that carry a secret or an identifier, and leaves ordinary URLs alone.
///
/// A URL is `scheme://…`, `www.…`, or a bare host whose last label is two or more letters
/// followed by `/`, `?` or `#` (`example.com/reset?token=…`). It ends at white space, `<>"`, a
/// backtick, a placeholder (`[EMAIL]`), or a character of a script written without spaces;
/// trailing `.,;:!?'*` and unbalanced `)]}` are left out. It is redacted whole when
/// - its user info is present (`https://bob:hunter2@host/`), or that of a URL nested in it;
/// - a query or fragment parameter has a secret-bearing key (see ``isSecretKey(_:_:)``:
///   `token`, `key`, `apikey`, `access_token`, `session`, `sid`, `auth`, `password`, `pwd`,
///   `code`, `signature`, `sig`, `email`, `user`, `uid`, `id`, and keys ending in `token`,
///   `secret`, `password`, `signature`, `key`, `id`, `email`) with a non-empty value;
/// - a path segment, parameter value or fragment holds a random-looking piece: a run of 16+
///   letters and digits with both in it (runs end at any other character: `-`, `_`, `.`, `%`,
///   …), or a UUID (`8-4-4-4-12` hex digits).
///
/// `https://help.example.com/cards` or `https://shop.example.com/search?q=refund&page=2` stay.
///
/// ```swift
/// Redactor(kinds: [.url]).redact("Reset: https://app.example.com/reset?token=9f8e7d6c5b4a39281706").text
/// // "Reset: [URL]"
/// ```
/// - Complexity: O(n) in the length of the text.
struct SecretURLDetector: PIIDetector {
    static let kind = PIIKind.url

    func detect(in scan: PIIScan, into candidates: inout [PIICandidate]) {
        let bytes = scan.bytes
        var floor = 0
        for i in scan.urlTriggers where i >= floor {
            let b = bytes[i]
            var start = -1
            switch b {
            case UInt8(ascii: ":"):
                start = schemeStart(bytes, colon: i, floor: floor)
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                start = bareHostStart(bytes, before: i, floor: floor)
            default:  // "www."
                if PIIBytes.isAlnum(bytes[i + 4]), !PIIBytes.wordCharacter(before: i, in: bytes) { start = i }
            }
            guard start >= 0 else { continue }
            let end = urlEnd(bytes, from: i + 1)
            guard end > i + 1 || b != UInt8(ascii: ":") else { continue }
            if carriesSecret(bytes, start..<end) {
                candidates.append(PIICandidate(kind: .url, range: start..<end))
            }
            floor = max(end, i + 1)
        }
    }

    // MARK: Where a URL starts and ends

    /// The start of `scheme://` whose colon is at `colon`: letters, digits, `+.-`, a letter first.
    private func schemeStart(_ bytes: PIIBytes.Bytes, colon: Int, floor: Int) -> Int {
        var s = colon
        while s > floor, colon - s < 32 {
            let b = bytes[s - 1]
            guard PIIBytes.isAlnum(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") else { break }
            s -= 1
        }
        while s < colon, !PIIBytes.isLetter(bytes[s]) { s += 1 }
        return s < colon ? s : -1
    }

    /// The start of a bare host (`example.com`) that ends right before `i`, or -1.
    private func bareHostStart(_ bytes: PIIBytes.Bytes, before i: Int, floor: Int) -> Int {
        var s = i
        var dots = 0
        var tldLetters = 0
        var inTLD = true
        while s > floor, i - s < 256 {
            let b = bytes[s - 1]
            if b == UInt8(ascii: ".") {
                guard s < i, bytes[s] != UInt8(ascii: ".") else { return -1 }
                dots += 1
                inTLD = false
            } else if PIIBytes.isAlnum(b) || b == UInt8(ascii: "-") {
                if inTLD {
                    guard PIIBytes.isLetter(b) else { return -1 }
                    tldLetters += 1
                }
            } else {
                break
            }
            s -= 1
        }
        guard dots >= 1, tldLetters >= 2, s < i, PIIBytes.isAlnum(bytes[s]),
              !PIIBytes.wordCharacter(before: s, in: bytes), s == 0 || bytes[s - 1] != UInt8(ascii: "@")
        else { return -1 }
        return s
    }

    /// The end of a URL whose body starts at `from`.
    private func urlEnd(_ bytes: PIIBytes.Bytes, from: Int) -> Int {
        let n = bytes.count
        var i = from
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if PIIBytes.isSpaceOrControl(b) || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                    || b == UInt8(ascii: "\"") || b == UInt8(ascii: "`")
                    || b == UInt8(ascii: "[") && PIIBytes.placeholderStarts(at: i, in: bytes) { break }
                i += 1
            } else {
                let (scalar, length) = PIIBytes.scalar(at: i, in: bytes)
                guard PIIBytes.isSpacedWordScalar(scalar) else { break }
                i += length
            }
        }
        // Trailing punctuation, and closing brackets that do not close anything in the URL.
        while i > from {
            let b = bytes[i - 1]
            switch b {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                 UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "*"):
                i -= 1
                continue
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                let open: UInt8 = b == UInt8(ascii: ")") ? UInt8(ascii: "(") : b == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                var balance = 0
                for k in from..<i { if bytes[k] == open { balance += 1 } else if bytes[k] == b { balance -= 1 } }
                if balance < 0 { i -= 1; continue }
            default:
                break
            }
            break
        }
        return i
    }

    // MARK: Whether it carries a secret

    /// Whether the URL in `range` carries a secret or an identifier.
    func carriesSecret(_ bytes: PIIBytes.Bytes, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        let end = range.upperBound
        // Skip "scheme://".
        var k = i
        while k + 2 < end, bytes[k] != UInt8(ascii: "/"), bytes[k] != UInt8(ascii: "?") {
            if bytes[k] == UInt8(ascii: ":"), bytes[k + 1] == UInt8(ascii: "/"), bytes[k + 2] == UInt8(ascii: "/") {
                i = k + 3
                break
            }
            k += 1
        }
        // Authority: user info?
        var authorityEnd = i
        while authorityEnd < end, !Self.isOneOf(bytes[authorityEnd], "/?#") { authorityEnd += 1 }
        for k in i..<authorityEnd where bytes[k] == UInt8(ascii: "@") { return true }
        // A URL nested in this one (`…?next=https://bob:pw@host/`): its user info counts too.
        var c = i
        while c + 3 < end {
            if bytes[c] == UInt8(ascii: ":"), bytes[c + 1] == UInt8(ascii: "/"), bytes[c + 2] == UInt8(ascii: "/") {
                var k = c + 3
                while k < end, !Self.isOneOf(bytes[k], "/?#") {
                    if bytes[k] == UInt8(ascii: "@") { return true }
                    k += 1
                }
                c = k
            } else {
                c += 1
            }
        }
        // Path segments.
        var segmentStart = authorityEnd
        var p = authorityEnd
        while p < end, bytes[p] != UInt8(ascii: "?"), bytes[p] != UInt8(ascii: "#") {
            if bytes[p] == UInt8(ascii: "/") || bytes[p] == UInt8(ascii: ";") {
                if isRandomLooking(bytes, segmentStart..<p) { return true }
                segmentStart = p + 1
            }
            p += 1
        }
        if isRandomLooking(bytes, segmentStart..<p) { return true }
        // Query and fragment parameters.
        guard p < end else { return false }
        p += 1
        var paramStart = p
        while p <= end {
            if p == end || Self.isOneOf(bytes[p], "&;#?") {
                if parameterIsSecret(bytes, paramStart..<p) { return true }
                paramStart = p + 1
            }
            p += 1
        }
        return false
    }

    /// Whether `key=value` (or a bare value) at `range` carries a secret.
    private func parameterIsSecret(_ bytes: PIIBytes.Bytes, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        var equals = range.lowerBound
        while equals < range.upperBound, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
        guard equals < range.upperBound else { return isRandomLooking(bytes, range) }
        let value = equals + 1..<range.upperBound
        guard !value.isEmpty else { return false }
        return Self.isSecretKey(bytes, range.lowerBound..<equals) || isRandomLooking(bytes, value)
    }

    /// Query keys that carry secrets or identify a person (compared lower-cased, without
    /// `_ - . [ ]`).
    static let secretKeys: Set<String> = [
        "token", "key", "apikey", "accesstoken", "refreshtoken", "idtoken", "authtoken", "auth", "authorization",
        "session", "sessionid", "sid", "sessid", "phpsessid", "jsessionid", "password", "passwd", "pwd", "pass",
        "secret", "clientsecret", "code", "authcode", "otp", "pin", "signature", "sig", "hmac", "hash",
        "email", "mail", "emailaddress", "user", "username", "userid", "uid", "login", "id", "guid", "uuid",
        "phone", "tel", "mobile", "ssn", "card", "iban", "credential", "credentials", "xamzcredential",
        "xamzsignature", "xamzsecuritytoken", "jwt", "bearer", "ticket", "reset", "verify", "invite", "magic",
    ]
    private static let secretSuffixes = ["token", "secret", "password", "passwd", "signature", "key", "id", "email"]

    /// Whether a query key names a secret or an identifier: one of ``secretKeys``, or ending in
    /// `token`, `secret`, `password`, `passwd`, `signature`, `key`, `id` or `email`
    /// (`customer_id`, `X-Amz-Signature`, `resetToken`).
    static func isSecretKey(_ bytes: PIIBytes.Bytes, _ range: Range<Int>) -> Bool {
        var key = ""
        key.reserveCapacity(range.count)
        for k in range {
            let b = bytes[k]
            if PIIBytes.isAlnum(b) { key.unicodeScalars.append(Unicode.Scalar(PIIBytes.isUpper(b) ? b | 0x20 : b)) }
            else if b == UInt8(ascii: "%") || b >= 0x80 { return false }
        }
        guard !key.isEmpty else { return false }
        if secretKeys.contains(key) { return true }
        return secretSuffixes.contains { key.count > $0.count && key.hasSuffix($0) }
    }

    /// Whether the text at `range` holds a random-looking piece (a run of 16+ letters and digits
    /// with both in it) or a UUID.
    private func isRandomLooking(_ bytes: PIIBytes.Bytes, _ range: Range<Int>) -> Bool {
        guard range.count >= 16 else { return false }
        var runLength = 0, letters = 0, digits = 0
        for k in range {
            let b = bytes[k]
            if PIIBytes.isDigit(b) {
                digits += 1; runLength += 1
            } else if PIIBytes.isLetter(b) {
                letters += 1; runLength += 1
            } else {
                if runLength >= 16, letters > 0, digits > 0 { return true }
                runLength = 0; letters = 0; digits = 0
            }
        }
        if runLength >= 16, letters > 0, digits > 0 { return true }
        return containsUUID(bytes, range)
    }

    /// Whether `range` contains `hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh`.
    private func containsUUID(_ bytes: PIIBytes.Bytes, _ range: Range<Int>) -> Bool {
        guard range.count >= 36 else { return false }
        let shape: [Int] = [8, 4, 4, 4, 12]
        var s = range.lowerBound
        while s + 36 <= range.upperBound {
            var k = s
            var ok = true
            for (index, length) in shape.enumerated() {
                if index > 0 { guard bytes[k] == UInt8(ascii: "-") else { ok = false; break }; k += 1 }
                for _ in 0..<length { guard PIIBytes.isHex(bytes[k]) else { ok = false; break }; k += 1 }
                if !ok { break }
            }
            if ok { return true }
            s += 1
        }
        return false
    }

    @inline(__always) private static func isOneOf(_ b: UInt8, _ set: StaticString) -> Bool {
        let p = set.utf8Start
        for k in 0..<set.utf8CodeUnitCount where p[k] == b { return true }
        return false
    }
}
