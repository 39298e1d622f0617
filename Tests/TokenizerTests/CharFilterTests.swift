import Testing
@testable import Tokenizer

@Suite("Char filters")
struct CharFilterTests {
    private let analyzer = Analyzer(charFilters: [MarkupStripCharFilter()], filters: [CaseFoldFilter()])

    @Test func markupIsStrippedAndOffsetsPointIntoTheOriginal() throws {
        let html = "<p>Card&nbsp;<b>blocked</b></p><script>var x = 'secret';</script> caf&eacute;s &amp; more"
        let tokens = analyzer.tokens(in: html)
        #expect(tokens.map(\.text) == ["card", "blocked", "cafés", "more"])
        #expect(html[try #require(tokens[0].range(in: html))] == "Card")
        #expect(html[try #require(tokens[1].range(in: html))] == "blocked")
        #expect(html[try #require(tokens[2].range(in: html))] == "caf&eacute;s")
        #expect(html[try #require(tokens[3].range(in: html))] == "more")
    }

    @Test func unterminatedTagsAreText() {
        #expect(analyzer.tokens(in: "a < b and c > d").map(\.text) == ["a", "b", "and", "c", "d"])
    }

    @Test func offsetMapComposes() {
        var map = OffsetMap()
        #expect(map.isIdentity)
        map.record(outputOffset: 3, inputOffset: 10)
        map.record(outputOffset: 5, inputOffset: 20)
        #expect(map.inputOffset(0) == 0)
        #expect(map.inputOffset(3) == 10)
        #expect(map.inputOffset(4) == 11)
        #expect(map.inputOffset(7) == 22)
    }
}

@Suite("ICU services")
struct ICUServiceTests {
    @Test func versionIsRecorded() {
        // Results that depend on ICU's dictionaries are pinned to this version in the tests.
        #expect(ICUInfo.version.split(separator: ".").count >= 2)
        #expect(Int(ICUInfo.version.split(separator: ".")[0]) ?? 0 >= 60)
    }

    @Test func charsetConversion() throws {
        #expect(try CharsetConverter.decode([0x63, 0x61, 0x66, 0xE9], charset: "ISO-8859-1") == "café")
        #expect(try CharsetConverter.decode([0x80, 0x20, 0x93, 0x94], charset: "windows-1252") == "€ “”")
        #expect(try CharsetConverter.decode([0x83, 0x4A, 0x81, 0x5B, 0x83, 0x68], charset: "Shift_JIS") == "カード")
        #expect(try CharsetConverter.decode([], charset: "UTF-8") == "")
        #expect(throws: CharsetConverter.ConversionError.self) { try CharsetConverter.decode([0x41], charset: "no-such-charset") }
    }
}
