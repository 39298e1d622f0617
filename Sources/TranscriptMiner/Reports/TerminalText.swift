/// Text measured and cut in terminal columns: East Asian wide characters and most emoji take two
/// columns, combining marks and zero-width characters none.
public enum TerminalText {
    /// The columns `text` takes in a terminal.
    /// - Complexity: O(n) in the scalars of `text`.
    public static func width(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns one scalar takes (0, 1 or 2); control characters count 0.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0xFE00...0xFE0F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// `text` cut to at most `columns` columns, with "…" when cut; control characters and line
    /// breaks become spaces, so one cell stays on one line.
    public static func fit(_ text: some StringProtocol, columns: Int) -> String {
        guard columns > 0 else { return "" }
        let flat = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        if width(flat) <= columns { return flat }
        var out = ""
        var used = 0
        for character in flat {
            let w = width(String(character))
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` fitted to `columns` and padded with spaces to exactly `columns` columns (on the
    /// left when `right` is true).
    public static func pad(_ text: some StringProtocol, columns: Int, right: Bool = false) -> String {
        let fitted = fit(text, columns: columns)
        let padding = String(repeating: " ", count: max(0, columns - width(fitted)))
        return right ? padding + fitted : fitted + padding
    }
}
