/// Finds IPv4 and IPv6 addresses.
///
/// - IPv4: a dotted quad of four decimal octets, each 0–255 with 1–3 digits (`192.168.1.20`),
///   standing alone: not part of a longer dotted number (`1.2.3.4.5`), not glued to letters, and
///   not right after a word that makes it a version (`version 1.2.0.4`, `build 5.1.0.12`; the
///   word must come just before, with only spaces between). A port or prefix length that
///   follows (`:8080`, `/24`) is kept.
/// - IPv6 (RFC 4291 text forms, RFC 5952 compression): eight groups of 1–4 hex digits joined by
///   `:`, or fewer with one `::` (`2001:db8::1`, `fe80::1%eth0`, `::1`), optionally ending in an
///   IPv4 quad (`::ffff:192.0.2.1`). A compressed address needs a digit, so that words such as
///   `std::move` or `a::b` stay, and two groups unless it starts with `::` (`5::` stays). A zone
///   index (`%eth0`) is included. Times (`10:30:15`) and MAC addresses (six groups) do not match.
///
/// ```swift
/// Redactor(kinds: [.ipAddress]).redact("from 10.0.0.12 and 2001:db8::7").text
/// // "from [IP] and [IP]"
/// ```
/// - Complexity: O(n) in the length of the text.
struct IPAddressDetector: PIIDetector {
    static let kind = PIIKind.ipAddress
    private static let versionWords: KeywordSet = [
        "version", "versions", "ver", "v", "build", "release", "firmware", "fw", "update", "patch",
    ]

    func detect(in scan: PIIScan, into candidates: inout [PIICandidate]) {
        var found: [PIICandidate] = []
        detectIPv4(scan, into: &found)
        let v4Count = found.count
        detectIPv6(scan, into: &found)
        // Both lists are in text order and may overlap (`::ffff:192.0.2.1`); merge, dropping
        // IPv4 finds inside IPv6 ones.
        if found.count == v4Count || v4Count == 0 {
            candidates.append(contentsOf: found)
            return
        }
        let v6 = found[v4Count...]
        var k = v6.startIndex
        for v4 in found[..<v4Count] {
            while k < v6.endIndex, v6[k].range.upperBound <= v4.range.lowerBound {
                candidates.append(v6[k]); k += 1
            }
            if k < v6.endIndex, v6[k].range.overlaps(v4.range) { continue }
            candidates.append(v4)
        }
        candidates.append(contentsOf: v6[k...])
    }

    // MARK: IPv4

    private func detectIPv4(_ scan: PIIScan, into candidates: inout [PIICandidate]) {
        let bytes = scan.bytes
        var floor = 0
        for i in scan.digitRuns where i >= floor {
            guard let end = ipv4(bytes, at: i), PIIBytes.numberMayStart(at: i, in: bytes), ipv4MayEnd(bytes, at: end),
                  !(PIIBytes.adjacentWord(before: i, in: bytes).map { Self.versionWords.contains(bytes, $0) } ?? false)
            else { continue }
            candidates.append(PIICandidate(kind: .ipAddress, range: i..<end))
            floor = end
        }
    }

    /// The end of a dotted quad at `i`, or nil.
    static func ipv4End(_ bytes: PIIBytes.Bytes, at start: Int, limit: Int) -> Int? {
        var i = start
        for octet in 0..<4 {
            if octet > 0 {
                guard i < limit, bytes[i] == UInt8(ascii: ".") else { return nil }
                i += 1
            }
            var value = 0
            let digitStart = i
            while i < limit, PIIBytes.isDigit(bytes[i]), i - digitStart < 4 {
                value = value * 10 + Int(bytes[i] &- 48)
                i += 1
            }
            guard i > digitStart, i - digitStart <= 3, value <= 255 else { return nil }
        }
        return i
    }

    private func ipv4(_ bytes: PIIBytes.Bytes, at start: Int) -> Int? {
        Self.ipv4End(bytes, at: start, limit: bytes.count)
    }

    /// A quad may be followed by a port (`:8080`), a prefix length (`/24`) or a range (`-…`),
    /// but not by more digits, letters or another `.digit`.
    private func ipv4MayEnd(_ bytes: PIIBytes.Bytes, at i: Int) -> Bool {
        guard i < bytes.count else { return true }
        let b = bytes[i]
        if b == UInt8(ascii: ":") || b == UInt8(ascii: "/") || b == UInt8(ascii: "-") { return true }
        return PIIBytes.numberMayEnd(at: i, in: bytes)
    }

    // MARK: IPv6

    private func detectIPv6(_ scan: PIIScan, into candidates: inout [PIICandidate]) {
        let bytes = scan.bytes
        let n = bytes.count
        var floor = 0
        for i in scan.colons where i >= floor {
            // The run of hex digits, ':' and '.' around this colon.
            var start = i
            while start > floor, i - start < 48, Self.isRunByte(bytes[start - 1]) { start -= 1 }
            var end = i
            while end < n, end - start < 64, Self.isRunByte(bytes[end]) { end += 1 }
            if PIIBytes.wordCharacter(before: start, in: bytes) {
                // Glued to a label (`IP:2001:db8::1`, `ID:fe80::1`): start after its first single ':'.
                var k = start
                while k < end, bytes[k] != UInt8(ascii: ":") { k += 1 }
                start = k + 1 < end && bytes[k + 1] != UInt8(ascii: ":") ? k + 1 : end
            }
            if start < end, let match = ipv6(bytes, start: start, end: end) {
                candidates.append(PIICandidate(kind: .ipAddress, range: start..<match))
                end = match
            }
            floor = max(end, i + 1)
        }
    }

    @inline(__always) private static func isRunByte(_ b: UInt8) -> Bool {
        PIIBytes.isHex(b) || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
    }

    /// The end of an IPv6 address that starts at `start` and lies in `start..<end` (a run of hex
    /// digits, colons and dots), or nil. Trailing `.` and `:` may be left out.
    private func ipv6(_ bytes: PIIBytes.Bytes, start: Int, end runEnd: Int) -> Int? {
        var end = runEnd
        // Trailing sentence punctuation: "… at 2001:db8::1." or "… 2001:db8::1: timeout".
        for _ in 0..<3 where end > start {
            if let e = parseIPv6(bytes, start: start, end: end) { return e }
            guard bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ":") else { return nil }
            end -= 1
        }
        return nil
    }

    /// Validates `start..<end` as a whole IPv6 address; returns its end (with a zone index), or nil.
    private func parseIPv6(_ bytes: PIIBytes.Bytes, start: Int, end: Int) -> Int? {
        let n = bytes.count
        // What follows must not continue the token.
        if PIIBytes.wordCharacter(at: end, in: bytes) { return nil }
        var groups = 0
        var compressed = false
        var hasDigit = false
        var i = start
        if end - start >= 2, bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: ":") {
            compressed = true
            i += 2
            if i == end { return nil }  // "::" alone
        } else if bytes[i] == UInt8(ascii: ":") {
            return nil
        }
        while i < end {
            // A group: 1–4 hex digits, or a final IPv4 quad.
            let groupStart = i
            while i < end, PIIBytes.isHex(bytes[i]), i - groupStart <= 4 { i += 1 }
            if i < end, bytes[i] == UInt8(ascii: ".") {
                guard let quadEnd = Self.ipv4End(bytes, at: groupStart, limit: end), quadEnd == end else { return nil }
                groups += 2
                hasDigit = true
                i = end
                break
            }
            let length = i - groupStart
            guard length >= 1, length <= 4 else { return nil }
            for k in groupStart..<i where PIIBytes.isDigit(bytes[k]) { hasDigit = true; break }
            groups += 1
            if i == end { break }
            guard bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            if i < end, bytes[i] == UInt8(ascii: ":") {
                guard !compressed else { return nil }
                compressed = true
                i += 1
                if i == end { break }  // trailing "::"
            } else if i == end {
                return nil  // trailing single ':'
            }
        }
        // A compressed address needs a digit, and two groups unless it starts with "::" (`::1`):
        // `5::` or `fe80::` alone read as other things.
        let leadingCompression = bytes[start] == UInt8(ascii: ":")
        guard compressed ? (groups <= 7 && hasDigit && (groups >= 2 || leadingCompression)) : groups == 8 else { return nil }
        // A zone index: %eth0, %25en0.
        var e = end
        if e < n, bytes[e] == UInt8(ascii: "%") {
            var k = e + 1
            while k < n, PIIBytes.isAlnum(bytes[k]) || bytes[k] == UInt8(ascii: "_") || bytes[k] == UInt8(ascii: ".") { k += 1 }
            if k > e + 1 { e = k }
        }
        return e
    }
}
