/// Fixed, locale-independent number formats for rendered reports: the same value always gives
/// the same characters.
///
/// ```swift
/// ReportNumberFormat.fixed(21.449, decimals: 1)   // "21.4"
/// ReportNumberFormat.percent(0.125)              // "12.5%"
/// ReportNumberFormat.signed(-0.004)              // "0.00" (no negative zero)
/// ReportNumberFormat.count(1234567)              // "1,234,567"
/// ```
enum ReportNumberFormat {
    /// `value` rounded half away from zero to `decimals` places (0…6), without a negative zero;
    /// non-finite values (never expected) give `"0"`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let places = min(max(decimals, 0), 6)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 1e15 else { return "\(value)" }
        let units = Int(scaled)
        var text = units != 0 && value < 0 ? "-" : ""
        text += String(units / scale)
        if places > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// A share in [0, 1] as a percentage with one decimal: `0.125` → `"12.5%"`.
    static func percent(_ share: Double) -> String {
        fixed(share * 100, decimals: 1) + "%"
    }

    /// A compound sentiment with two decimals and an explicit sign when not zero: `"+0.12"`,
    /// `"-0.31"`, `"0.00"`.
    static func signed(_ value: Double) -> String {
        let text = fixed(value, decimals: 2)
        return value > 0 && text != "0.00" ? "+" + text : text
    }

    /// A count with thousands separated by commas: `1234567` → `"1,234,567"`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }
}
