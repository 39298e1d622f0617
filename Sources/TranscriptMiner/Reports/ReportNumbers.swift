/// Number formatting shared by the human-readable report renderers: fixed decimals, rounded half
/// away from zero, no locale, no exponent, so the same value always gives the same text.
public enum ReportNumbers {
    /// `value` with exactly `decimals` decimals (0…6; "12.0", "-0.36"); "-0.00" becomes "0.00";
    /// non-finite values (never expected) give "0", magnitudes from 10^15 Swift's own form.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let decimals = min(max(decimals, 0), 6)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 1e15 else { return "\(value)" }
        let negative = value < 0 && scaled > 0
        let whole = Int(scaled / scale)
        var text = String(whole)
        if decimals > 0 {
            let fraction = Int(scaled - Double(whole) * scale)
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return negative ? "-" + text : text
    }

    /// A share in [0, 1] as a percentage with one decimal below 10 % ("4.2%") and none above ("37%").
    public static func percent(_ share: Double) -> String {
        let value = share * 100
        return fixed(value, decimals: value < 10 ? 1 : 0) + "%"
    }

    /// A sentiment compound with its sign and 2 decimals ("+0.41", "-0.36", "0.00").
    public static func sentiment(_ compound: Double) -> String {
        let text = fixed(compound, decimals: 2)
        return text.hasPrefix("-") || text == "0.00" ? text : "+" + text
    }

    /// An integer with thousands separators ("13,083").
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
