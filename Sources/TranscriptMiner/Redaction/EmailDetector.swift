/// Finds email addresses.
///
/// An address is `local@domain`: the local part is letters, digits and `. _ % + - '` (at most
/// 128 bytes, not starting with `.`); the domain is two or more labels of letters, digits and
/// `-` joined by `.`, the last of them (the top-level domain) two or more letters. Letters of
/// any script written with spaces count (`josé@exämple.de`, `почта@пример.рф`); characters of
/// scripts written without spaces (Han, kana, Thai) end the address, so
/// `请发到bob@example.com谢谢` yields `bob@example.com`. A trailing `.` or `-` is left out.
///
/// ```swift
/// Redactor(kinds: [.email]).redact("Write to <Jane.Doe+help@mail.example.co.uk>.").text
/// // "Write to <[EMAIL]>."
/// ```
/// - Complexity: O(n) in the length of the text.
struct EmailDetector: PIIDetector {
    static let kind = PIIKind.email
    private static let maxLocal = 128
    private static let maxDomain = 255

    func detect(in scan: PIIScan, into candidates: inout [PIICandidate]) {
        let bytes = scan.bytes
        var floor = 0
        for at in scan.ats where at >= floor {
            if let start = localStart(bytes, at: at, floor: floor), let end = domainEnd(bytes, after: at) {
                candidates.append(PIICandidate(kind: .email, range: start..<end))
                floor = end
            }
        }
    }

    @inline(__always) private static func isLocalByte(_ b: UInt8) -> Bool {
        PIIBytes.isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "'")
    }

    /// The start of the local part that ends at the `@` at `at`, or nil.
    private func localStart(_ bytes: PIIBytes.Bytes, at: Int, floor: Int) -> Int? {
        var s = at
        while s > floor, at - s < Self.maxLocal {
            let b = bytes[s - 1]
            if b < 0x80 {
                guard Self.isLocalByte(b) else { break }
                s -= 1
            } else {
                let (scalar, start) = PIIBytes.scalar(before: s, in: bytes)
                guard PIIBytes.isSpacedWordScalar(scalar) else { break }
                s = start
            }
        }
        // Leading dots and quotes belong to the sentence ("'bob@x.io'"), not the address.
        while s < at, bytes[s] == UInt8(ascii: ".") || bytes[s] == UInt8(ascii: "'") { s += 1 }
        return s < at ? s : nil
    }

    /// The end of a domain after the `@` at `at`, or nil.
    private func domainEnd(_ bytes: PIIBytes.Bytes, after at: Int) -> Int? {
        let n = bytes.count
        var i = at + 1
        var labels = 0
        var end = -1            // end of the last complete label
        var tldIsLetters = false
        while i < n, i - at <= Self.maxDomain {
            // One label.
            let labelStart = i
            var letters = true
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    guard PIIBytes.isAlnum(b) || b == UInt8(ascii: "-") else { break }
                    if !PIIBytes.isLetter(b) { letters = false }
                    i += 1
                } else {
                    let (scalar, length) = PIIBytes.scalar(at: i, in: bytes)
                    guard PIIBytes.isSpacedWordScalar(scalar) else { break }
                    if !scalar.properties.isAlphabetic { letters = false }
                    i += length
                }
            }
            var labelEnd = i
            while labelEnd > labelStart, bytes[labelEnd - 1] == UInt8(ascii: "-") { labelEnd -= 1 }
            guard labelEnd > labelStart, bytes[labelStart] != UInt8(ascii: "-") else { break }
            labels += 1
            end = labelEnd
            tldIsLetters = letters && labelEnd - labelStart >= 2 && labelEnd == i
            guard labelEnd == i, i + 1 < n, bytes[i] == UInt8(ascii: ".") else { break }
            i += 1
        }
        return labels >= 2 && tldIsLetters ? end : nil
    }
}
