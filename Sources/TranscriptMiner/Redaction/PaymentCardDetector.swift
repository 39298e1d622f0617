/// Finds payment card numbers (primary account numbers).
///
/// A card number is 13–19 digits, written plain (`4111111111111111`) or in groups joined by
/// single spaces or dashes (`4111 1111 1111 1111`, `3782-822463-10005`), that
/// - starts with a known issuer prefix: Visa `4`; Mastercard `51`–`55`, `2221`–`2720`; Maestro,
///   Verve and other `5`/`6` ranges; American Express `34`, `37`; Diners `300`–`305`, `3095`,
///   `36`, `38`, `39`; JCB `3528`–`3589`; Discover `6011`, `644`–`649`, `65`; UnionPay `62`,
///   `81`; RuPay `60`, `82`; Mir `2200`–`2204`;
/// - passes the Luhn (mod 10) check: doubling every second digit from the right, the digit sum
///   is a multiple of 10 (ISO/IEC 7812-1, Annex B).
///
/// A number must stand alone (not glued to letters, `#`, a currency sign or a decimal part).
/// When a run of groups is longer than a card (`qty 2 4111 1111 1111 1111`), a card may be any
/// run of whole groups inside it, except that in a run grouped by fours throughout (all groups
/// but the last have four digits) a card may not border another group of four: so a 22-digit
/// tracking number `9400 1000 0000 0000 0000 00` is not cut into a "card".
///
/// ```swift
/// Redactor(kinds: [.card]).redact("card 4111-1111-1111-1111 expired").text
/// // "card [CARD] expired"
/// ```
/// - Complexity: O(n) in the length of the text; each digit run is examined in windows of at
///   most 19 digits.
struct PaymentCardDetector: PIIDetector {
    static let kind = PIIKind.card
    private static let joins = DigitJoinSet([.space, .dash])

    func detect(in scan: PIIScan, into candidates: inout [PIICandidate]) {
        let bytes = scan.bytes
        var groups: [DigitGroup] = []
        groups.reserveCapacity(8)
        var floor = 0
        for i in scan.digitRuns where i >= floor {
            guard PIIBytes.numberMayStart(at: i, in: bytes) else { continue }
            floor = DigitGroups.parse(bytes, at: i, joins: Self.joins, parentheses: false, into: &groups)
            var digits = 0
            for g in groups { digits += g.count }
            if digits >= 13 { findCards(in: groups, bytes, into: &candidates) }
        }
    }

    /// The longest card-shaped windows of whole groups, left to right.
    private func findCards(in groups: [DigitGroup], _ bytes: PIIBytes.Bytes, into candidates: inout [PIICandidate]) {
        let last = groups.count - 1
        // A run grouped by fours throughout (tracking numbers) is one number: no card inside it
        // may border another group of four.
        let byFours = groups.dropLast().allSatisfy { $0.count == 4 }
        var s = 0
        while s <= last {
            var best = -1
            var digits = 0
            if s == 0 || (!(byFours && groups[s - 1].count == 4) && PIIBytes.numberMayStart(at: groups[s].span.lowerBound, in: bytes)) {
                for e in s...last {
                    digits += groups[e].count
                    if digits > 19 { break }
                    guard digits >= 13 else { continue }
                    guard e == last || !(byFours && groups[e + 1].count == 4) else { continue }
                    guard PIIBytes.numberMayEnd(at: groups[e].span.upperBound, in: bytes) else { continue }
                    if isCardNumber(groups[s...e], digits: digits, bytes) { best = e }
                }
            }
            if best >= 0 {
                candidates.append(PIICandidate(kind: .card, range: groups[s].digits.lowerBound..<groups[best].digits.upperBound))
                s = best + 1
            } else {
                s += 1
            }
        }
    }

    /// Whether the digits of `groups` (`digits` of them) have a known issuer prefix and pass Luhn.
    private func isCardNumber(_ groups: ArraySlice<DigitGroup>, digits: Int, _ bytes: PIIBytes.Bytes) -> Bool {
        var prefix = 0
        var taken = 0
        outer: for g in groups {
            for k in g.digits {
                prefix = prefix * 10 + Int(bytes[k] &- 48)
                taken += 1
                if taken == 6 { break outer }
            }
        }
        return Self.hasIssuerPrefix(prefix) && Self.luhnIsValid(groups, bytes)
    }

    /// Whether a card whose first six digits are `p6` has a known issuer identification number.
    static func hasIssuerPrefix(_ p6: Int) -> Bool {
        let p1 = p6 / 100_000, p2 = p6 / 10_000, p3 = p6 / 1_000, p4 = p6 / 100
        switch p1 {
        case 4: return true                                           // Visa
        case 5: return true                                           // Mastercard 51–55, Maestro 50/56–58, Verve, RuPay 508
        case 6: return true                                           // Discover, UnionPay 62, Maestro 63/67, RuPay 60/65
        case 3:
            return (300...305).contains(p3) || p4 == 3095 || p2 == 34 || p2 == 36 || p2 == 37
                || p2 == 38 || p2 == 39 || (3528...3589).contains(p4)    // Diners, Amex, JCB
        case 2: return (2200...2204).contains(p4) || (2221...2720).contains(p4)  // Mir, Mastercard
        case 8: return p2 == 81 || p2 == 82                           // UnionPay, RuPay
        default: return false
        }
    }

    /// The Luhn check over the digits of `groups`, rightmost digit first.
    static func luhnIsValid(_ groups: ArraySlice<DigitGroup>, _ bytes: PIIBytes.Bytes) -> Bool {
        var sum = 0
        var double = false
        for g in groups.reversed() {
            for k in g.digits.reversed() {
                var d = Int(bytes[k] &- 48)
                if double { d = d * 2; if d > 9 { d -= 9 } }
                sum += d
                double.toggle()
            }
        }
        return sum % 10 == 0
    }
}
