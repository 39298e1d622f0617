/// Finds telephone numbers in international and common national formats, and leaves dates,
/// times, amounts, order and tracking numbers, years and versions alone.
///
/// Digits come in groups joined by single spaces, dashes, dots or slashes (also no-break spaces
/// and Unicode dashes), with parentheses around an area code (`(555)`, `(0)`). A number must
/// stand alone: not glued to letters, `#`, a currency sign, a decimal part or an identifier
/// (`ORD-2024-00871`, `#12345`, `$1,234.56`, `1.234,56 €` never start one).
///
/// **International** — `+` and 7–15 digits in any grouping (`+44 20 7946 0958`,
/// `+1 (555) 123-4567`, `+49 (0)30 1234 5678`, `+4915112345678`); or `00`, a country code and
/// 10–15 digits in all (`0044 20 7946 0958`) with no identifier word before.
///
/// **National** — 7–15 digits in a phone-like grouping, and unless an area code is in
/// parentheses, no identifier word right before (``PIIBytes/identifierWords``: `order 48291`,
/// `tracking number …`, `policy is …`, `ZIP …`, `customer ID …`; see
/// ``PIIBytes/nearestKeyword(before:in:positive:weakPositive:negative:maxWords:maxBytes:)``):
/// - an area code in parentheses and groups of 3+ digits (`(555) 123-4567`, `(02) 9876 5432`);
/// - a trunk `0`, a 2–5 digit first group and 2–8 digit groups, 9–12 digits in all
///   (`020 7946 0958`, `06 12 34 56 78`, `03-1234-5678`); with only two groups, 10+ digits
///   (`07700 900123`, `030/12345678`, but not ZIP+4 `01234-5678`);
/// - North American `3-3-4` and `1-3-3-4` (`555-123-4567`, `555.123.4567`, `1-800-555-0199`);
/// - weaker shapes: `3-4` (`555-0134`) and 3+ groups of a 2–3 digit group then
///   2–4 digit groups joined alike, 9–12 digits (`612 345 678`, `612 34 56 78`), but not all
///   groups of four (`7489 1234 5678`, tracking) nor dotted thousands (`612.345.678`);
/// - plain digits (also in parentheses): 10–11 starting with `0` (`07700900123`), or any 7–15
///   after a phone word (`my new number (5551234567)`).
///
/// A phone word before it in the same clause (`call`, `phone`, `tel`, `mobile`, `reach`, …, or
/// `number` when no identifier word comes right before that) accepts any grouping of 7–15
/// digits.
///
/// Always rejected: a calendar date inside (`2024-05-17`, `17/05/2024`, `17.05.2024`), an
/// IPv4-shaped or version-shaped dotted number, a single-digit group after the first, the SSN
/// shape `ddd-dd-dddd`, three or more groups of four (`0471-3606-1654`, serial and tracking
/// numbers), and, without a phone word, a number next to a currency sign or code
/// (`€ 123 456 789`).
///
/// In a longer run of groups (`Qty 10 20 555 123 4567`), a phone may be any run of whole groups
/// split at spaces whose neighbours are not 4-digit groups.
///
/// ```swift
/// Redactor(kinds: [.phone]).redact("Call (555) 123-4567 before 2024-05-17.").text
/// // "Call [PHONE] before 2024-05-17."
/// ```
/// - Complexity: O(n) in the length of the text; a run of g groups is examined in windows of at
///   most 15 digits.
struct PhoneDetector: PIIDetector {
    static let kind = PIIKind.phone
    private static let joins = DigitJoinSet([.space, .dash, .dot, .slash])

    /// Words that announce a phone number.
    static let phoneWords: KeywordSet = [
        "call", "calling", "called", "phone", "phones", "telephone", "tel", "tlf", "mobile", "mob", "cell",
        "cellphone", "landline", "ring", "text", "txt", "sms", "whatsapp", "fax", "dial", "reach", "contact",
        "hotline", "callback", "ph", "telefon", "telefono", "handy",
    ]
    /// Words that announce a phone number unless an identifier word stands before them.
    static let weakPhoneWords: KeywordSet = ["number", "num", "nr", "no", "nummer", "numero"]

    private static let currencyWords: KeywordSet = [
        "eur", "usd", "gbp", "chf", "jpy", "cad", "aud", "nzd", "inr", "sek", "nok", "dkk", "pln", "czk", "huf",
        "cny", "rmb", "brl", "mxn", "zar", "euro", "euros", "dollar", "dollars", "pound", "pounds", "kr", "yen",
        "rupees", "francs",
    ]

    func detect(in scan: PIIScan, into candidates: inout [PIICandidate]) {
        let bytes = scan.bytes
        var groups: [DigitGroup] = []
        groups.reserveCapacity(8)
        var floor = 0
        for r in scan.digitRuns where r >= floor {
            let before: UInt8 = r > 0 ? bytes[r - 1] : 0
            // "+44 …" or "+(44) …": international.
            let plus = before == UInt8(ascii: "+") ? r - 1
                : before == UInt8(ascii: "(") && r >= 2 && bytes[r - 2] == UInt8(ascii: "+") ? r - 2 : -1
            if plus >= 0, plus >= floor {
                guard !PIIBytes.wordCharacter(before: plus, in: bytes),
                      !(plus > 0 && (bytes[plus - 1] == UInt8(ascii: "+") || bytes[plus - 1] == UInt8(ascii: ".")))
                else { continue }
                let end = DigitGroups.parse(bytes, at: plus + 1, joins: Self.joins, parentheses: true, into: &groups)
                if !groups.isEmpty, let e = international(groups, bytes) {
                    let upper = groups[e].span.upperBound
                    candidates.append(PIICandidate(kind: .phone, range: plus..<upper))
                    floor = upper
                } else {
                    floor = max(end, r + 1)
                }
                continue
            }
            // "(555) 123-4567": an area code in parentheses.
            if before == UInt8(ascii: "("), r - 1 >= floor, !PIIBytes.wordCharacter(before: r - 1, in: bytes) {
                let end = DigitGroups.parse(bytes, at: r - 1, joins: Self.joins, parentheses: true, into: &groups)
                if !groups.isEmpty {
                    national(groups, bytes, into: &candidates)
                    floor = end
                    continue
                }
            }
            guard PIIBytes.numberMayStart(at: r, in: bytes) else { continue }
            floor = DigitGroups.parse(bytes, at: r, joins: Self.joins, parentheses: true, into: &groups)
            national(groups, bytes, into: &candidates)
        }
    }

    // MARK: International

    /// The last group of the longest international number at the start of `groups` (the digits
    /// after `+`), or nil.
    private func international(_ groups: [DigitGroup], _ bytes: PIIBytes.Bytes) -> Int? {
        var digits = 0
        var trunk = 0
        var best: Int?
        for (e, g) in groups.enumerated() {
            if g.isParenthesized, g.count == 1, bytes[g.digits.lowerBound] == UInt8(ascii: "0") { trunk = 1 }
            if e >= 2, g.count == 1, !g.isParenthesized { break }
            digits += g.count
            if digits > 15 + trunk { break }
            guard digits >= 7,
                  e == groups.count - 1 || groups[e + 1].join == .space,
                  PIIBytes.numberMayEnd(at: g.span.upperBound, in: bytes)
            else { continue }
            best = e
        }
        guard let best else { return nil }
        for t in 0..<max(0, best - 1) where DigitGroups.isDate(bytes, groups, at: t) { return nil }
        return best
    }

    // MARK: National

    /// Appends the phone numbers among windows of `groups`: first the strong shapes, then weak
    /// ones in what is left, each time the longest window first, left to right.
    private func national(_ groups: [DigitGroup], _ bytes: PIIBytes.Bytes, into candidates: inout [PIICandidate]) {
        // Most runs are short numbers: nothing to do below 7 digits.
        var total = 0
        for g in groups { total += g.count }
        guard total >= 7 else { return }
        let last = groups.count - 1
        // The words before the run speak for all its windows: a window inside the run has only
        // digits before it.
        let context = PIIBytes.nearestKeyword(
            before: groups[0].span.lowerBound, in: bytes, positive: Self.phoneWords, weakPositive: Self.weakPhoneWords,
            negative: PIIBytes.identifierWords)
        if last == 0 {
            if groups[0].count <= 15,
               PIIBytes.numberMayEnd(at: groups[0].span.upperBound, in: bytes),
               strength(groups, 0...0, digits: groups[0].count, context: context, bytes) > 0 {
                // Without its parentheses, so that a card number in parentheses is named a card.
                candidates.append(PIICandidate(kind: .phone, range: groups[0].digits))
            }
            return
        }
        var taken = [Bool](repeating: false, count: groups.count)
        let firstFound = candidates.count
        for minimum in [2, 1] {
            var s = 0
            while s <= last {
                guard !taken[s], s == 0 || (groups[s].join == .space && groups[s - 1].count != 4 && !groups[s].isParenthesized)
                else { s += 1; continue }
                var best = -1
                var digits = 0
                for e in s...last {
                    if taken[e] { break }
                    digits += groups[e].count
                    if digits > 15 { break }
                    guard digits >= 7,
                          e == last || (groups[e + 1].join == .space && groups[e + 1].count != 4),
                          PIIBytes.numberMayEnd(at: groups[e].span.upperBound, in: bytes),
                          strength(groups, s...e, digits: digits, context: context, bytes) >= minimum
                    else { continue }
                    best = e
                }
                if best >= 0 {
                    for k in s...best { taken[k] = true }
                    candidates.append(PIICandidate(kind: .phone, range: groups[s].span.lowerBound..<groups[best].span.upperBound))
                    s = best + 1
                } else {
                    s += 1
                }
            }
        }
        // Strong and weak passes may interleave: keep text order.
        if candidates.count - firstFound > 1 {
            candidates[firstFound...].sort { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    /// How surely `groups[window]` (`digits` digits) is a national phone number (see the type's
    /// notes): 2 for a strong shape or a phone word before it, 1 for a weak shape, 0 for none.
    /// `context` is what the words before the run say (see ``PIIBytes/nearestKeyword``).
    private func strength(
        _ groups: [DigitGroup], _ window: ClosedRange<Int>, digits: Int, context: Bool?, _ bytes: PIIBytes.Bytes
    ) -> Int {
        let g = groups[window]
        let first = g[window.lowerBound]
        let rest = g.dropFirst()
        // Never a phone.
        for t in window.lowerBound..<max(window.lowerBound, window.upperBound - 1) where DigitGroups.isDate(bytes, groups, at: t) {
            return 0
        }
        let dotted = rest.contains { $0.join == .dot }
        if dotted {
            if g.contains(where: { $0.count == 1 }) { return 0 }  // version 10.0.19045.2965
            if g.count == 4, rest.allSatisfy({ $0.join == .dot }),
               g.allSatisfy({ $0.count <= 3 && DigitGroups.value(bytes, $0) <= 255 }) { return 0 }  // IPv4
        }
        if rest.contains(where: { $0.count == 1 && !$0.isParenthesized }) { return 0 }
        if g.count >= 3, g.allSatisfy({ $0.count == 4 && !$0.isParenthesized }) { return 0 }  // serials, tracking
        if Self.hasShape(g, [3, 2, 4]), rest.allSatisfy({ $0.join == .dash }) { return 0 }  // SSN shape
        let start = first.span.lowerBound
        let end = g[window.upperBound].span.upperBound
        if context == true { return 2 }
        if nearAmount(bytes, start: start, end: end) { return 0 }
        let firstDigit = bytes[first.digits.lowerBound]
        let trunk = firstDigit == UInt8(ascii: "0")
        if g.count == 1 { return trunk && (digits == 10 || digits == 11) && context == nil ? 2 : 0 }
        if rest.contains(where: { $0.count > 8 }) { return 0 }
        // Strong shapes.
        if first.isParenthesized, (2...5).contains(first.count), rest.allSatisfy({ $0.count >= 3 }), (9...12).contains(digits) {
            return 2
        }
        if context == false { return 0 }  // `policy 695 542 8161`, `ZIP 01234-5678`
        if trunk, first.count >= 2, bytes[first.digits.lowerBound + 1] == UInt8(ascii: "0"), (10...15).contains(digits) {
            return 2  // 00 and a country code
        }
        if trunk, (2...5).contains(first.count), rest.allSatisfy({ (2...8).contains($0.count) }), (9...12).contains(digits),
           g.count >= 3 || digits >= 10 {
            return 2  // two groups: 10+ digits (not ZIP+4 `01234-5678`)
        }
        if rest.contains(where: { $0.join == .slash }) { return 0 }
        if Self.hasShape(g, [3, 3, 4]) || (Self.hasShape(g, [1, 3, 3, 4]) && firstDigit == UInt8(ascii: "1")) { return 2 }
        // Weak shapes.
        if Self.hasShape(g, [3, 4]) { return rest.first!.join != .dot ? 1 : 0 }
        if g.count >= 3, (2...3).contains(first.count), rest.allSatisfy({ (2...4).contains($0.count) }),
           !rest.allSatisfy({ $0.count == 4 }), (9...12).contains(digits) {
            let join = rest.first!.join
            guard rest.allSatisfy({ $0.join == join }) else { return 0 }
            if join == .dot, rest.allSatisfy({ $0.count == 3 }) { return 0 }  // 612.345.678: thousands
            return 1
        }
        return 0
    }

    /// Whether the groups have exactly these digit counts.
    private static func hasShape(_ g: ArraySlice<DigitGroup>, _ shape: [Int]) -> Bool {
        guard g.count == shape.count else { return false }
        return zip(g, shape).allSatisfy { $0.count == $1 }
    }

    /// Whether a currency sign or code stands right before `start` or right after `end`
    /// (one space allowed in between): `€ 123 456 789`, `123 456 789 EUR`.
    private func nearAmount(_ bytes: PIIBytes.Bytes, start: Int, end: Int) -> Bool {
        let n = bytes.count
        // Before.
        var i = start
        if i > 0, bytes[i - 1] == UInt8(ascii: " ") { i -= 1 }
        if i > 0 {
            if bytes[i - 1] >= 0x80, PIIBytes.isCurrency(PIIBytes.scalar(before: i, in: bytes).scalar) { return true }
            var w = i
            while w > 0, PIIBytes.isLetter(bytes[w - 1]), i - w < 8 { w -= 1 }
            if w < i, !(w > 0 && PIIBytes.isLetter(bytes[w - 1])), Self.currencyWords.contains(bytes, w..<i) {
                return true
            }
        }
        // After.
        var j = end
        if j < n, bytes[j] == UInt8(ascii: " ") { j += 1 }
        if j < n {
            if bytes[j] >= 0x80, PIIBytes.isCurrency(PIIBytes.scalar(at: j, in: bytes).scalar) { return true }
            var w = j
            while w < n, PIIBytes.isLetter(bytes[w]), w - j < 8 { w += 1 }
            if w > j, !(w < n && PIIBytes.isLetter(bytes[w])), Self.currencyWords.contains(bytes, j..<w) {
                return true
            }
        }
        return false
    }
}
