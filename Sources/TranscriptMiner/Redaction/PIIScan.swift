/// The text's bytes and the places where personal data could start, found in one pass.
///
/// Every detector used to walk every byte; now one loop records the few offsets where a
/// detector has work to do, and each detector visits only those: digit runs (cards, phones,
/// SSNs, IBAN check digits, IPv4), `@` (emails), `:` (IPv6) and URL triggers.
///
/// ```swift
/// // "mail a@b.io or call 555-1234" → ats [6], digitRuns [20, 24], urlTriggers []
/// ```
/// - Complexity: O(n) in the length of the text, one pass; the lists hold O(n) offsets at worst.
struct PIIScan {
    /// The UTF-8 text.
    let bytes: PIIBytes.Bytes
    /// Where runs of ASCII digits start, in order.
    private(set) var digitRuns: [Int] = []
    /// Offsets of `@`, in order.
    private(set) var ats: [Int] = []
    /// Offsets of `:`, in order.
    private(set) var colons: [Int] = []
    /// Offsets where a URL may be recognised, in order: the `:` of `://`, the `w` of `www.` at a
    /// word start, and `/`, `?`, `#` (which may end a bare host).
    private(set) var urlTriggers: [Int] = []
    /// Whether the text has a `.`.
    private(set) var hasDot = false

    /// Scans `bytes`.
    init(_ bytes: PIIBytes.Bytes) {
        self.bytes = bytes
        let n = bytes.count
        Self.byteClasses.withUnsafeBufferPointer { classes in
            var i = 0
            while i < n {
                // Whole words of bytes that start nothing (most text) are skipped 8 at a time.
                if i & 7 == 0, i + 8 <= n,
                   !Self.mayStartSomething(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                defer { i += 1 }
                let b = bytes[i]
                switch classes[Int(b)] {
                case 0:
                    continue
                case Self.digit:
                    if i == 0 || !PIIBytes.isDigit(bytes[i - 1]) {
                        if digitRuns.isEmpty { digitRuns.reserveCapacity(max(16, n / 32)) }  // grow once, not 1, 2, 4, …
                        digitRuns.append(i)
                    }
                case Self.w:
                    if i + 4 < n, bytes[i + 1] | 0x20 == UInt8(ascii: "w"), bytes[i + 2] | 0x20 == UInt8(ascii: "w"),
                       bytes[i + 3] == UInt8(ascii: "."), i == 0 || !PIIBytes.isAlnum(bytes[i - 1]) {
                        urlTriggers.append(i)
                    }
                case Self.at:
                    ats.append(i)
                case Self.dot:
                    hasDot = true
                case Self.colon:
                    colons.append(i)
                    if i + 2 < n, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") { urlTriggers.append(i) }
                default:  // / ? #
                    if urlTriggers.isEmpty { urlTriggers.reserveCapacity(8) }
                    urlTriggers.append(i)
                }
            }
        }
    }

    /// Whether any byte of `word` has a class other than 0 in ``byteClasses``: `#`, `.`, `/`,
    /// a digit, `:`, `?`, `@`, `W` or `w`. Exact for every byte (bytewise arithmetic on 7-bit
    /// values never carries into the next byte; bytes of 0x80 and above are never a match).
    @inline(__always) static func mayStartSomething(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let x = word & ~highs
        @inline(__always) func equal(_ c: UInt64) -> UInt64 { ~((x ^ (ones &* c)) &+ ones &* 0x7F) }
        let atLeastDot = x &+ ones &* (0x80 - 0x2E)         // high bit set where x >= '.'
        let atMostColon = ~(x &+ ones &* (0x7F - 0x3A))     // high bit set where x <= ':'
        let matches = (atLeastDot & atMostColon) | equal(0x23) | equal(0x3F) | equal(0x40) | equal(0x57) | equal(0x77)
        return matches & ~word & highs != 0
    }

    private static let digit: UInt8 = 1, w: UInt8 = 2, at: UInt8 = 3, dot: UInt8 = 4, colon: UInt8 = 5, urlSign: UInt8 = 6

    /// What each byte value may start: most bytes (letters, spaces, non-ASCII) nothing.
    private static let byteClasses: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = digit }
        table[Int(UInt8(ascii: "w"))] = w
        table[Int(UInt8(ascii: "W"))] = w
        table[Int(UInt8(ascii: "@"))] = at
        table[Int(UInt8(ascii: "."))] = dot
        table[Int(UInt8(ascii: ":"))] = colon
        for b in "/?#".utf8 { table[Int(b)] = urlSign }
        return table
    }()

    /// Whether any detector could find something: the text has a digit, `@`, `:` or `.`.
    var mayContainPII: Bool { !digitRuns.isEmpty || !ats.isEmpty || !colons.isEmpty || hasDot }
}
