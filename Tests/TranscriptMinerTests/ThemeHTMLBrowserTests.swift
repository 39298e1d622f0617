import Foundation
import TestSupport
import Testing

@testable import TranscriptMiner

/// The HTML report in a real browser: Debian's chromium, headless, renders the page to a PNG and
/// to its DOM after load. Skipped with a message where chromium is absent.
@Suite(
    "HTML themes report in headless chromium",
    .enabled(if: HeadlessChromium.executable != nil, Comment(rawValue: HeadlessChromium.absentMessage)))
struct ThemeHTMLBrowserTests {
    /// Text as chromium serialises a text node: `&`, `<`, `>` and no-break spaces escaped, quotes not.
    static func domText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
    }

    static func load(_ html: String) throws -> (HeadlessChromium.Output, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let path = try folder.write("report.html", html)
        return (try HeadlessChromium.render(path, in: folder.url), folder)
    }

    @Test("the page renders with its three charts and every theme, and no script runs")
    func rendersWithoutScript() throws {
        let report = HTMLReportFixture.report()
        let (output, _) = try Self.load(ThemeHTMLRenderer().render(report))
        let dom = output.dom
        #expect(output.status == 0, "chromium exited with \(output.status): \(output.stderr.suffix(2000))")
        try #require(dom.contains("</html>"), "no DOM dumped; stderr: \(output.stderr.suffix(2000))")

        // The screenshot: a real PNG of the window's size, with far more in it than a blank page
        // (about 11 kB at this size).
        let size = HeadlessChromium.pngSize(output.screenshot)
        #expect(
            size?.width == 1200 && size?.height == 2000, "screenshot: \(output.screenshot.count) bytes, size \(String(describing: size))")
        #expect(output.screenshot.count > 40_000, "screenshot only \(output.screenshot.count) bytes")
        // The charts were drawn: solid areas of the pain bars' colour, of every sentiment band and
        // channel the fixture has, and of the page's text.
        let pixels = try ScreenshotPixels.histogram(output.screenshot)
        func painted(_ hex: String) -> Int { pixels[ScreenshotPixels.colour(hex)] ?? 0 }
        #expect(painted(ThemeHTMLRenderer.painColour) > 2_000, "pain bars: \(painted(ThemeHTMLRenderer.painColour)) pixels")
        for band in ThemeHTMLRenderer.sentimentBands { #expect(painted(band.colour) > 200, "\(band.name): \(painted(band.colour)) pixels") }
        for channel in Channel.allCases {
            #expect(
                painted(ThemeHTMLRenderer.colour(of: channel)) > 200, "\(channel): \(painted(ThemeHTMLRenderer.colour(of: channel))) pixels"
            )
        }
        #expect(painted("#ffffff") < 1200 * 2000 * 95 / 100, "the page is almost blank")

        // The charts, with one bar per theme in the pain chart.
        for chart in ["pain-chart", "sentiment-chart", "channel-chart"] {
            #expect(dom.contains("<svg id=\"\(chart)\" class=\"chart\" role=\"img\""), "no \(chart)")
        }
        #expect(dom.matches(of: /<svg id="[a-z]+-chart"/).count == 3)
        let start = try #require(dom.range(of: "<svg id=\"pain-chart\""))
        let end = try #require(dom.range(of: "</svg>", range: start.upperBound..<dom.endIndex))
        let painChart = dom[start.lowerBound..<end.upperBound]
        #expect(painChart.matches(of: /<g class="bar">/).count == report.result.themes.count)
        #expect(painChart.components(separatedBy: "<rect ").count - 1 == report.result.themes.count)

        // Every theme, by its whole label, in its own section.
        for theme in report.result.themes {
            let label = Self.domText(ThemeHTMLRenderer.displayLabel(theme))
            #expect(dom.contains("<span class=\"label\">\(label)</span>"), "theme \(theme.id) label missing")
            #expect(dom.contains("<article class=\"theme\" id=\"theme-\(theme.id)\""))
        }

        // No script ran: the payloads would have renamed the page and marked <body>; and none of
        // them became an element — they are visible text.
        #expect(dom.contains("<title>Customer-support themes</title>"))
        #expect(!dom.contains("PWNED</title>"))
        #expect(!dom.contains("data-pwned="))
        #expect(!dom.localizedCaseInsensitiveContains("<script"))
        #expect(!dom.localizedCaseInsensitiveContains("<img"))
        #expect(dom.firstMatch(of: /<[a-zA-Z][^>]*\son[a-z]+\s*=/) == nil, "an event-handler attribute reached the DOM")
        #expect(dom.contains(Self.domText(HTMLReportFixture.hostileQuote)))
        #expect(dom.contains(Self.domText(HTMLReportFixture.hostileTerm)))
        #expect(dom.contains(Self.domText("Transcript " + HTMLReportFixture.hostileID)))
    }

    @Test("control: the same checks catch a script that does run (unescaped payload, no CSP)")
    func controlDetectsScripts() throws {
        var html = ThemeHTMLRenderer().render(HTMLReportFixture.report())
        let policy = try #require(html.firstMatch(of: /<meta http-equiv="Content-Security-Policy"[^>]*>\n/))
        html.removeSubrange(policy.range)
        html = html.replacingOccurrences(of: "</body>", with: HTMLReportFixture.scriptPayload + HTMLReportFixture.imagePayload + "</body>")
        let (output, _) = try Self.load(html)
        try #require(output.dom.contains("</html>"), "no DOM dumped; stderr: \(output.stderr.suffix(2000))")
        #expect(output.dom.contains("<title>PWNED</title>"))
        #expect(output.dom.contains("data-pwned=\"1\""))
    }
}

/// Decodes a screenshot far enough to count its colours: 8-bit RGB or RGBA, not interlaced (what
/// chromium writes), inflated with the library's zlib stream.
enum ScreenshotPixels {
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    /// How many pixels have each colour (`0xRRGGBB`).
    static func histogram(_ png: [UInt8]) throws -> [UInt32: Int] {
        func int(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        guard let size = HeadlessChromium.pngSize(png) else { throw Unsupported(description: "not a PNG") }
        let bitDepth = png[24], colourType = png[25], interlace = png[28]
        guard bitDepth == 8, colourType == 2 || colourType == 6, interlace == 0 else {
            throw Unsupported(description: "PNG bit depth \(bitDepth), colour type \(colourType), interlace \(interlace)")
        }
        var compressed: [UInt8] = []
        var position = 8
        while position + 8 <= png.count {
            let length = int(position)
            let type = String(decoding: png[position + 4..<position + 8], as: UTF8.self)
            guard position + 12 + length <= png.count else { break }
            if type == "IDAT" { compressed += png[position + 8..<position + 8 + length] }
            if type == "IEND" { break }
            position += 12 + length
        }
        let stream = GzipStream(MemoryStream(compressed))
        var raw: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
            if count == 0 { break }
            raw += chunk[0..<count]
        }
        let channels = colourType == 6 ? 4 : 3
        let rowBytes = size.width * channels
        guard raw.count >= size.height * (rowBytes + 1) else { throw Unsupported(description: "\(raw.count) bytes of pixels, too few") }
        var histogram: [UInt32: Int] = [:]
        var previous = [UInt8](repeating: 0, count: rowBytes), line = previous
        raw.withUnsafeBufferPointer { raw in
            for y in 0..<size.height {
                let start = y * (rowBytes + 1), filter = raw[start]
                for x in 0..<rowBytes {
                    let value = raw[start + 1 + x]
                    let a = x >= channels ? Int(line[x - channels]) : 0, b = Int(previous[x]),
                        c = x >= channels ? Int(previous[x - channels]) : 0
                    let predictor: Int
                    switch filter {
                    case 1: predictor = a
                    case 2: predictor = b
                    case 3: predictor = (a + b) / 2
                    case 4:
                        let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                        predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                    default: predictor = 0
                    }
                    line[x] = value &+ UInt8(truncatingIfNeeded: predictor)
                }
                for x in stride(from: 0, to: rowBytes, by: channels) {
                    histogram[UInt32(line[x]) << 16 | UInt32(line[x + 1]) << 8 | UInt32(line[x + 2]), default: 0] += 1
                }
                swap(&previous, &line)
            }
        }
        return histogram
    }

    /// `"#a63603"` as `0xA63603`.
    static func colour(_ hex: String) -> UInt32 {
        UInt32(hex.dropFirst(), radix: 16) ?? 0
    }
}
