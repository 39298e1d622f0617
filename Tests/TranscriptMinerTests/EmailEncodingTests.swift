import Testing
@testable import TranscriptMiner

@Suite struct EmailEncodingTests {
    private func words(_ text: String) -> (String, EmailDecodeReport) {
        var report = EmailDecodeReport()
        let decoded = EncodedWords.decode(Array(text.utf8), report: &report)
        return (decoded, report)
    }

    @Test func base64AndQEncodedWordsDecode() {
        #expect(words("=?utf-8?B?Q2Fmw6k=?=").0 == "Café")
        #expect(words("=?ISO-8859-1?q?caf=E9_au_lait?=").0 == "café au lait")
        #expect(words("Re: =?iso-8859-1?Q?caf=E9?= (again)").0 == "Re: café (again)")
    }

    @Test func whitespaceBetweenAdjacentEncodedWordsIsDropped() {
        #expect(words("=?utf-8?B?Q2FyZCBibG9ja2Vk?= \r\n =?utf-8?B?IGF0IHRoZSBjYWbDqQ==?=").0 == "Card blocked at the café")
        #expect(words("=?utf-8?Q?a?= =?iso-8859-1?Q?=E9?=").0 == "aé")
        #expect(words("=?utf-8?Q?a?= b =?utf-8?Q?c?=").0 == "a b c")
    }

    @Test func aCharacterSplitAcrossTwoWordsSurvives() {
        // "é" is C3 A9: the first word ends with C3, the second starts with A9.
        let (text, report) = words("=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=")
        #expect(text == "café")
        #expect(report.replacements == 0)
    }

    @Test func malformedWordsStayAsTheyAre() {
        #expect(words("=?utf-8?X?abc?=").0 == "=?utf-8?X?abc?=")
        #expect(words("=?utf-8?B?not*base64?=").0 == "=?utf-8?B?not*base64?=")
        #expect(words("=?utf-8?Q?unterminated").0 == "=?utf-8?Q?unterminated")
        #expect(words("=?").0 == "=?")
    }

    @Test func languageSuffixIsIgnoredAndUnknownCharsetsAreNoted() {
        #expect(words("=?utf-8*en?Q?hello?=").0 == "hello")
        let (text, report) = words("=?x-klingon?Q?h=C3=A9llo?=")
        #expect(text == "héllo")
        #expect(report.unknownCharsets == ["x-klingon"])
        #expect(words("=?x-klingon?Q?hello?=").1.unknownCharsets.isEmpty)  // ASCII needed no repair
    }

    @Test func rawUTF8InHeadersIsKeptAndRepaired() {
        var report = EmailDecodeReport()
        #expect(EncodedWords.decode(Array("Zürich ".utf8) + [0xFF], report: &report) == "Zürich \u{FFFD}")
        #expect(report.replacements == 1)
    }

    @Test func quotedPrintableDecodesEscapesAndSoftBreaks() {
        let decoded = QuotedPrintable.decode(Array("caf=E9 =\r\nau lait=3d=3D  \nnext=\nline=\n".utf8))
        #expect(decoded == [0x63, 0x61, 0x66, 0xE9, 0x20] + Array("au lait==\nnextline".utf8))
    }

    @Test func quotedPrintableKeepsBrokenEscapes() {
        #expect(QuotedPrintable.decode(Array("100% =ZZ =4".utf8)) == Array("100% =ZZ =4".utf8))
        #expect(QuotedPrintable.decode(Array("a=".utf8)) == Array("a".utf8))
        #expect(QuotedPrintable.decode([UInt8]()) == [])
    }

    @Test func base64IsLenientAboutLayoutAndStrictAboutContent() {
        #expect(LenientBase64.decode(Array("Y2Fm\r\nw6k=".utf8)) == Array("café".utf8))
        #expect(LenientBase64.decode(Array("Y2Fmw6k".utf8)) == Array("café".utf8))            // no padding
        #expect(LenientBase64.decode(Array("YQ==YmM=".utf8)) == Array("abc".utf8))           // padding in the middle
        #expect(LenientBase64.decode(Array("YWJj Z".utf8)) == Array("abc".utf8))             // a dangling character
        #expect(LenientBase64.decode(Array("-_-_".utf8)) == [0xFB, 0xFF, 0xBF])              // URL-safe alphabet
        #expect(LenientBase64.decode(Array("YW*J".utf8)) == nil)
        #expect(LenientBase64.decode(Array("".utf8)) == [])
    }

    @Test func charsetsGoThroughICU() {
        var report = EmailDecodeReport()
        #expect(EmailCharset.decode([0x63, 0x61, 0x66, 0xE9], charset: "ISO-8859-1", report: &report) == "café")
        // Latin-1 labels are read as windows-1252: 0x80 is the euro sign, 0x92 a curly apostrophe.
        #expect(EmailCharset.decode([0x80, 0x92], charset: "latin1", report: &report) == "€’")
        #expect(EmailCharset.decode([0x83, 0x4A, 0x81, 0x5B, 0x83, 0x68], charset: "Shift_JIS", report: &report) == "カード")
        #expect(EmailCharset.decode([0xA4, 0xA4], charset: "\"ISO-8859-15\"", report: &report) == "€€")
        #expect(EmailCharset.decode(Array("+AOk-".utf8), charset: "utf-7", report: &report) == "é")
        #expect(report.unknownCharsets.isEmpty && report.replacements == 0)
    }

    @Test func unknownCharsetsAreRepairedAsUTF8AndReported() {
        var report = EmailDecodeReport()
        #expect(EmailCharset.decode(Array("ok ".utf8) + [0xC3, 0xA9, 0xFF], charset: "x-unknown-7", report: &report) == "ok é\u{FFFD}")
        #expect(report.unknownCharsets == ["x-unknown-7"])
        #expect(report.replacements == 1)
        let problems = report.problems(at: TranscriptMiner.SourceLocation(file: "m.eml", line: 1))
        #expect(problems.map(\.code) == [.unknownCharset, .invalidUTF8])
        #expect(problems.allSatisfy { !$0.isRejection })
    }

    @Test func unknownCharsetNamesAreSanitizedInReasons() {
        var report = EmailDecodeReport()
        report.noteUnknownCharset("évil name<script>" + String(repeating: "x", count: 100))
        #expect(report.unknownCharsets == ["vilnamescript" + String(repeating: "x", count: 27)])
    }

    @Test func missingAndASCIICharsetsMeanUTF8() {
        var report = EmailDecodeReport()
        #expect(EmailCharset.decode(Array("Zürich".utf8), charset: nil, report: &report) == "Zürich")
        #expect(EmailCharset.decode(Array("Zürich".utf8), charset: "us-ascii", report: &report) == "Zürich")
        #expect(report.replacements == 0)
    }
}
