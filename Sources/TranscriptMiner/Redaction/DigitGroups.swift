/// How two digit groups of a handwritten number are joined.
enum DigitJoin: Sendable, Hashable {
    /// The first group: nothing before it.
    case start
    /// No separator: a parenthesised group touching its neighbour, `44(0)20`, `(555)123`.
    case adjacent
    /// A space, a no-break or thin space (U+00A0, U+2000–U+200A, U+202F, U+3000).
    case space
    /// `-`, or a Unicode hyphen or dash (U+2010–U+2015, U+2212).
    case dash
    /// `.`
    case dot
    /// `/`
    case slash

    /// This join's bit in a ``DigitJoinSet``.
    var bit: UInt8 {
        switch self {
        case .start: 1
        case .adjacent: 2
        case .space: 4
        case .dash: 8
        case .dot: 16
        case .slash: 32
        }
    }

    /// The separator at `i` and its length in bytes, or nil.
    static func separator(at i: Int, in bytes: PIIBytes.Bytes) -> (join: DigitJoin, length: Int)? {
        guard i >= 0, i < bytes.count else { return nil }
        let b = bytes[i]
        switch b {
        case UInt8(ascii: " "): return (.space, 1)
        case UInt8(ascii: "-"): return (.dash, 1)
        case UInt8(ascii: "."): return (.dot, 1)
        case UInt8(ascii: "/"): return (.slash, 1)
        case 0xC2:
            return i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? (.space, 2) : nil
        case 0xE2:
            guard i + 2 < bytes.count else { return nil }
            let b1 = bytes[i + 1]
            let b2 = bytes[i + 2]
            if b1 == 0x80 {
                if b2 >= 0x80 && b2 <= 0x8A || b2 == 0xAF { return (.space, 3) }
                if b2 >= 0x90 && b2 <= 0x95 { return (.dash, 3) }
            } else if b1 == 0x88 && b2 == 0x92 {
                return (.dash, 3)
            }
            return nil
        case 0xE3:
            return i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? (.space, 3) : nil
        default:
            return nil
        }
    }
}

/// A set of ``DigitJoin`` kinds, as a bit mask (no hashing on the hot path).
struct DigitJoinSet: Sendable, Hashable {
    var mask: UInt8
    init(_ joins: [DigitJoin]) { mask = joins.reduce(0) { $0 | $1.bit } }
    @inline(__always) func contains(_ join: DigitJoin) -> Bool { mask & join.bit != 0 }
}

/// One group of digits in a handwritten number.
struct DigitGroup: Sendable, Hashable {
    /// The digits.
    var digits: Range<Int>
    /// The group with its parentheses, if any.
    var span: Range<Int>
    /// How the group is joined to the one before.
    var join: DigitJoin
    /// Whether the group is in parentheses: `(555)`, `(0)`.
    var isParenthesized: Bool

    /// The number of digits.
    var count: Int { digits.count }
}

/// Parses runs of digit groups joined by single separators, as people write card, phone and
/// other numbers: `4111 1111 1111 1111`, `(555) 123-4567`, `44 (0)20 7946 0958`.
enum DigitGroups {
    /// Reads the groups that start at `start` (a digit, or `(` when `parentheses` is set) into
    /// `groups` (emptied first). Groups are joined by one separator whose kind is in `joins`,
    /// and the run stops before anything else, or after `maxGroups` groups.
    ///
    /// Returns the end of the run (after the last group's closing parenthesis), or `start` when
    /// there is no group.
    /// - Complexity: O(m) in the length of the run.
    static func parse(
        _ bytes: PIIBytes.Bytes, at start: Int, joins: DigitJoinSet, parentheses: Bool,
        maxGroups: Int = 24, into groups: inout [DigitGroup]
    ) -> Int {
        groups.removeAll(keepingCapacity: true)
        let n = bytes.count
        var i = start
        var join = DigitJoin.start
        var end = start
        while i < n {
            var j = i
            let paren = parentheses && bytes[j] == UInt8(ascii: "(")
            if paren { j += 1 }
            guard j < n, PIIBytes.isDigit(bytes[j]) else { break }
            let digitStart = j
            while j < n, PIIBytes.isDigit(bytes[j]) { j += 1 }
            let digits = digitStart..<j
            if paren {
                guard j < n, bytes[j] == UInt8(ascii: ")") else { break }
                j += 1
            }
            groups.append(DigitGroup(digits: digits, span: i..<j, join: join, isParenthesized: paren))
            end = j
            guard groups.count < maxGroups, j < n else { break }
            // What joins the next group.
            if parentheses && (paren && PIIBytes.isDigit(bytes[j]) || bytes[j] == UInt8(ascii: "(")) {
                join = .adjacent
                i = j
                continue
            }
            guard let (next, length) = DigitJoin.separator(at: j, in: bytes), joins.contains(next) else { break }
            let k = j + length
            guard k < n, PIIBytes.isDigit(bytes[k]) || parentheses && bytes[k] == UInt8(ascii: "(") else { break }
            join = next
            i = k
        }
        return end
    }

    /// The digits of `group` as an integer (its first 18 digits).
    static func value(_ bytes: PIIBytes.Bytes, _ group: DigitGroup) -> Int {
        var v = 0
        for k in group.digits.prefix(18) { v = v &* 10 &+ Int(bytes[k] &- 48) }
        return v
    }

    /// Whether groups `i`, `i+1`, `i+2` read as a calendar date with a four-digit year:
    /// `2024-05-17`, `17/05/2024`, `05.17.2024`, `2024 05 17`, with the same separator twice.
    static func isDate(_ bytes: PIIBytes.Bytes, _ groups: [DigitGroup], at i: Int) -> Bool {
        guard i + 2 < groups.count else { return false }
        let a = groups[i], b = groups[i + 1], c = groups[i + 2]
        guard b.join == c.join, b.join != .adjacent, !a.isParenthesized, !b.isParenthesized, !c.isParenthesized
        else { return false }
        func isYear(_ g: DigitGroup) -> Bool {
            guard g.count == 4 else { return false }
            let y = value(bytes, g)
            return y >= 1900 && y <= 2099
        }
        func isDayOrMonth(_ g: DigitGroup) -> Bool {
            guard g.count <= 2 else { return false }
            let v = value(bytes, g)
            return v >= 1 && v <= 31
        }
        if isYear(a) { return isDayOrMonth(b) && isDayOrMonth(c) }
        if isYear(c) { return isDayOrMonth(a) && isDayOrMonth(b) }
        return false
    }
}
