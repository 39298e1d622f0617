/// How `minectl tokenize` prints the tokens of one input line.
///
/// - `text`: the token texts separated by spaces; spaces inside phrases become `_`
///   (`card not_arrived` would be ambiguous otherwise).
/// - `json`: one object per line: `{"line":N,"tokens":[{"text":…,"kind":…,"start":…,"end":…,"position":…}]}`
///   with UTF-8 byte offsets into the input line; phrases add `"length"`.
public enum TokenLineFormat: String, Sendable, CaseIterable {
    case text, json

    /// The output line (without its newline) for the tokens of input line `lineNumber`.
    public func render(_ tokens: [Token], lineNumber: Int) -> String {
        switch self {
        case .text:
            return tokens.map { $0.kind == .phrase ? $0.text.replacingSpaces() : $0.text }.joined(separator: " ")
        case .json:
            var out = "{\"line\":\(lineNumber),\"tokens\":["
            for (i, token) in tokens.enumerated() {
                if i > 0 { out += "," }
                out += "{\"text\":\(JSONText.quoted(token.text)),\"kind\":\"\(token.kind.rawValue)\",\"start\":\(token.range.lowerBound),\"end\":\(token.range.upperBound),\"position\":\(token.position)"
                if token.positionLength > 1 { out += ",\"length\":\(token.positionLength)" }
                out += "}"
            }
            return out + "]}"
        }
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(unicodeScalars.map { $0 == " " ? "_" : Character($0) })
    }
}
