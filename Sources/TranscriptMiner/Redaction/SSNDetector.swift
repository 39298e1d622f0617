/// Finds US Social Security numbers.
///
/// An SSN is written `ddd-dd-dddd` (also with spaces or Unicode dashes, the same separator
/// twice) or as nine plain digits right after a word that names it (`SSN 123456789`,
/// `social security number: …`). Numbers the Social Security Administration never issues are
/// left alone: area `000`, `666` or `900`–`999` (the 9xx range is for ITINs), group `00`,
/// serial `0000`.
///
/// ```swift
/// Redactor(kinds: [.ssn]).redact("SSN 123-45-6789.").text // "SSN [SSN]."
/// Redactor(kinds: [.ssn]).redact("id 666-12-3456").text    // unchanged: area 666
/// ```
/// - Complexity: O(n) in the length of the text.
struct SSNDetector: PIIDetector {
    static let kind = PIIKind.ssn
    private static let names: KeywordSet = ["ssn", "ssns", "social", "security", "ss", "ssa"]

    func detect(in scan: PIIScan, into candidates: inout [PIICandidate]) {
        let bytes = scan.bytes
        let n = bytes.count
        var floor = 0
        for i in scan.digitRuns where i >= floor {
            var j = i
            while j < n, PIIBytes.isDigit(bytes[j]) { j += 1 }
            let length = j - i
            guard length == 3 || length == 9, PIIBytes.numberMayStart(at: i, in: bytes),
                  let end = match(bytes, start: i, firstRunEnd: j)
            else { continue }
            candidates.append(PIICandidate(kind: .ssn, range: i..<end))
            floor = end
        }
    }

    /// The end of an SSN starting at `start` whose first digit run ends at `firstRunEnd`, or nil.
    private func match(_ bytes: PIIBytes.Bytes, start: Int, firstRunEnd: Int) -> Int? {
        let n = bytes.count
        switch firstRunEnd - start {
        case 9:
            guard PIIBytes.numberMayEnd(at: firstRunEnd, in: bytes),
                  PIIBytes.nearestKeyword(before: start, in: bytes, positive: Self.names,
                                          negative: PIIBytes.identifierWords) == true,
                  isIssued(bytes, area: start, group: start + 3, serial: start + 5)
            else { return nil }
            return firstRunEnd
        case 3:
            guard let (join, l1) = DigitJoin.separator(at: firstRunEnd, in: bytes), join == .space || join == .dash
            else { return nil }
            let g = firstRunEnd + l1
            guard g + 2 <= n, PIIBytes.isDigit(bytes[g]), PIIBytes.isDigit(bytes[g + 1]), g + 2 < n,
                  let (join2, l2) = DigitJoin.separator(at: g + 2, in: bytes), join2 == join
            else { return nil }
            let s = g + 2 + l2
            guard s + 4 <= n else { return nil }
            for k in s..<s + 4 where !PIIBytes.isDigit(bytes[k]) { return nil }
            let end = s + 4
            guard PIIBytes.numberMayEnd(at: end, in: bytes), isIssued(bytes, area: start, group: g, serial: s) else { return nil }
            if join == .space {
                // Not one piece of a longer run of space-separated numbers.
                if start >= 2, PIIBytes.isDigit(bytes[start - 2]), DigitJoin.separator(at: start - 1, in: bytes) != nil {
                    return nil
                }
                if end + 1 < n, DigitJoin.separator(at: end, in: bytes) != nil, PIIBytes.isDigit(bytes[end + 1]) {
                    return nil
                }
            }
            return end
        default:
            return nil
        }
    }

    /// Whether area, group and serial (3, 2 and 4 digits at those offsets) are in issued ranges.
    private func isIssued(_ bytes: PIIBytes.Bytes, area: Int, group: Int, serial: Int) -> Bool {
        func value(_ at: Int, _ count: Int) -> Int {
            var v = 0
            for k in at..<at + count { v = v * 10 + Int(bytes[k] &- 48) }
            return v
        }
        let a = value(area, 3)
        return a != 0 && a != 666 && a < 900 && value(group, 2) != 0 && value(serial, 4) != 0
    }
}
