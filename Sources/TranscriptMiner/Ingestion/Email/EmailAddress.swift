/// Addresses and message ids in header values, and the sender-domain rule for roles.
///
/// ```swift
/// EmailAddress.address(in: "Jana Novak <Jana.Novak@Example.NET>")        // "jana.novak@example.net"
/// EmailAddress.messageIDs(in: "<a1@example.net> <a2@example.net>")      // ["a1@example.net", "a2@example.net"]
/// EmailAddress.isAgent("tom@support.examplebank.example", agentDomains: ["examplebank.example"])   // true
/// ```
/// - Complexity: O(n) in the length of the value.
enum EmailAddress {
    /// The lower-cased address of a `From`-like value: the last `<…@…>`, else the first word
    /// with an `@`; nil when there is none.
    static func address(in value: String) -> String? {
        var candidate: Substring?
        var search = value[...]
        while let open = search.firstIndex(of: "<"), let close = search[open...].firstIndex(of: ">") {
            let inside = search[search.index(after: open)..<close]
            if inside.contains("@") { candidate = inside }
            search = search[search.index(after: close)...]
        }
        if candidate == nil {
            candidate = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" })
                .first { $0.contains("@") }
        }
        guard let found = candidate else { return nil }
        let cleaned = found.mailTrimmed().trimmingEnds(of: "\"'()<>").lowercased()
        guard cleaned.contains("@"), cleaned.count <= 320 else { return nil }
        return cleaned
    }

    /// The domain of an address (after the last `@`), lower-cased, without a trailing dot.
    static func domain(of address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        var domain = address[address.index(after: at)...].lowercased()
        while domain.hasSuffix(".") { domain.removeLast() }
        return domain.isEmpty ? nil : domain
    }

    /// Whether `address` is in one of `agentDomains` or a subdomain of one. Domains are compared
    /// lower-cased, ignoring a leading `@` or `.`.
    static func isAgent(_ address: String, agentDomains: [String]) -> Bool {
        guard let domain = domain(of: address) else { return false }
        return agentDomains.contains { given in
            let agentDomain = normalizedDomain(given)
            return !agentDomain.isEmpty && (domain == agentDomain || domain.hasSuffix("." + agentDomain))
        }
    }

    /// A configured domain as compared: trimmed, lower-cased, without a leading `@` or `.`.
    static func normalizedDomain(_ domain: String) -> String {
        var out = domain.mailTrimmed().lowercased()
        while out.first == "@" || out.first == "." { out.removeFirst() }
        while out.last == "." { out.removeLast() }
        return out
    }

    /// The ids in a `Message-ID`, `In-Reply-To` or `References` value, without angle brackets:
    /// every `<…>` (at most `limit`), or, when there is none, the first word.
    static func messageIDs(in value: String, limit: Int = 100) -> [String] {
        var ids: [String] = []
        var search = value[...]
        while ids.count < limit, let open = search.firstIndex(of: "<"), let close = search[open...].firstIndex(of: ">") {
            let inside = search[search.index(after: open)..<close].filter { !$0.isWhitespace }
            if !inside.isEmpty, inside.count <= 998 { ids.append(inside) }
            search = search[search.index(after: close)...]
        }
        if ids.isEmpty, let word = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).first, word.count <= 998 {
            ids.append(String(word))
        }
        return ids
    }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    fileprivate func trimmingEnds(of set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
