import Testing
@testable import TranscriptMiner

@Suite struct ZendeskSplitterTests {
    /// Every event of splitting `text` fed in chunks of `chunk` bytes.
    private func split(_ text: String, chunk: Int = 1 << 16, recordsKey: String? = "tickets", lines: Bool? = nil,
                       maximum: Int = 1 << 20) -> [JSONRecordSplitter.Event] {
        var splitter = JSONRecordSplitter(recordsKey: recordsKey, lineDelimited: lines, maximumRecordBytes: maximum)
        var events: [JSONRecordSplitter.Event] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            splitter.feed(bytes[start..<min(bytes.count, start + chunk)]) { events.append($0) }
            start += chunk
        }
        splitter.finish { events.append($0) }
        return events
    }

    private func records(_ events: [JSONRecordSplitter.Event]) -> [String] {
        events.compactMap { if case .record(let bytes, _, _) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil } }
    }

    @Test func chunkBoundariesAnywhereGiveTheSameRecords() {
        let text = #"""
            {"next_page": "x]}", "tickets": [
              {"id": 1, "subject": "brace } and bracket ] in a string", "comments": [{"body": "quote \" and \\"}]},
              {"id": 2, "tickets": [{"id": "nested, not records"}], "s": "\\\"\\"},
              "scalar", 42, [1, [2]]
            ], "count": 5}
            """#
        let expected = split(text)
        #expect(records(expected) == [
            #"{"id": 1, "subject": "brace } and bracket ] in a string", "comments": [{"body": "quote \" and \\"}]}"#,
            #"{"id": 2, "tickets": [{"id": "nested, not records"}], "s": "\\\"\\"}"#,
            #""scalar""#, "42", "[1, [2]]",
        ])
        for chunk in [1, 2, 3, 5, 7, 64] {
            #expect(split(text, chunk: chunk) == expected, "chunk \(chunk)")
        }
    }

    @Test func recordLinesAndNumbers() {
        let events = split("[\n{\"id\":1},\n\n  {\"id\":2}\n]")
        #expect(events == [.record(Array("{\"id\":1}".utf8), line: 2, number: 1), .record(Array("{\"id\":2}".utf8), line: 4, number: 2)])
    }

    @Test func theRecordsKeyIsFoundOnlyAtDepthOneAndWhereverItStands() {
        #expect(records(split(#"{"a": {"tickets": [1]}, "b": [{"tickets": [2]}], "tickets": [3, 4]}"#)) == ["3", "4"])
        // Without the key the object is one record.
        #expect(records(split(#"{"a": {"tickets": [1]}, "id": 9}"#)) == [#"{"a": {"tickets": [1]}, "id": 9}"#])
        // A "tickets" value that is not an array leaves the object one record.
        #expect(records(split(#"{"tickets": "none", "id": 9}"#)) == [#"{"tickets": "none", "id": 9}"#])
        // An escaped key is not the key.
        #expect(records(split(#"{"tick\u0065ts": [1]}"#)).count == 1)
        #expect(records(split(#"{"tickets": [1]}"#, recordsKey: nil)) == [#"{"tickets": [1]}"#])
    }

    @Test func automaticLineModeIsDecidedByTheFirstLine() {
        // JSONL: the broken second line is rejected, the third is read.
        let jsonl = split("{\"id\":1}\n{\"id\":2,\n{\"id\":3}\n")
        #expect(records(jsonl) == ["{\"id\":1}", "{\"id\":3}"])
        #expect(jsonl.contains(.rejected(.invalidJSON, line: 2, number: 2, reason: "record of 8 bytes does not end before the end of its line")))
        // A document: line ends are spaces.
        #expect(records(split("{\n\"tickets\": [\n{\"id\":\n1}\n]\n}\n")) == ["{\"id\":\n1}"])
        // Leading blank lines do not decide.
        #expect(records(split("\n\n{\"id\":1}\n{\"id\":2,\n")) == ["{\"id\":1}"])
    }

    @Test func explicitLineModeClosesEachLine() {
        let events = split("[{\"id\":1},\n{\"id\":2}]\n", lines: true)
        #expect(records(events) == ["{\"id\":1}", "{\"id\":2}"])
        #expect(events.contains { if case .warning(.invalidJSON, line: 1, _) = $0 { true } else { false } })
    }

    @Test func truncationAndStrayCharacters() {
        let truncated = split("[{\"id\":1}, {\"id\":2, \"x\": \"cut")
        #expect(records(truncated) == ["{\"id\":1}"])
        #expect(truncated.last == .rejected(.invalidJSON, line: 1, number: 2, reason: "record of 18 bytes does not end before the end of the input"))
        let unclosed = split("[{\"id\":1}")
        #expect(unclosed.last == .warning(.invalidJSON, line: 1, reason: "an array is not closed before the end of the input"))
        let stray = split("[{\"id\":1} } : {\"id\":2}]")
        #expect(records(stray) == ["{\"id\":1}", "{\"id\":2}"])
        #expect(stray.filter { if case .warning = $0 { true } else { false } }.count == 2)
        let garbage = split("not json at all\n[{\"id\":1}]")
        #expect(records(garbage) == ["not json at all", "{\"id\":1}"])
        let wrapper = split("{\"tickets\": [{\"id\":1}], \"next\": {")
        #expect(records(wrapper) == ["{\"id\":1}"])
        #expect(wrapper.last == .warning(.invalidJSON, line: 1, reason: "the document's object is not closed before the end of the input"))
    }

    @Test func oversizedRecordsAreNotBuffered() {
        let events = split("[\"" + String(repeating: "a", count: 100) + "\", 1]", chunk: 7, maximum: 50)
        #expect(events.first == .rejected(.lineTooLong, line: 1, number: 1, reason: "record of 102 bytes exceeds the limit of 50"))
        #expect(records(events) == ["1"])
    }

    @Test func aByteOrderMarkIsSkipped() {
        var splitter = JSONRecordSplitter(recordsKey: nil)
        var events: [JSONRecordSplitter.Event] = []
        splitter.feed([0xEF, 0xBB, 0xBF] + Array("[{\"id\":1}]".utf8)) { events.append($0) }
        splitter.finish { events.append($0) }
        #expect(records(events) == ["{\"id\":1}"])
    }

    @Test func deepNestingDoesNotCrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(records(split(deep)).count == 1)
        let log = ReaderLog.read(ZendeskReader(), "[" + deep + "]")
        #expect(log.rejectedByCode == [.invalidJSON: 1])  // JSONSerialization's depth limit
    }
}
