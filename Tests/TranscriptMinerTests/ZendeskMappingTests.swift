import Foundation
import Testing
@testable import TranscriptMiner

@Suite struct ZendeskMappingTests {
    /// A Freshdesk-like help desk: a different shape, read by a new mapping value alone.
    static let freshdesk: HelpDeskFieldMapping = {
        var mapping = HelpDeskFieldMapping(name: "freshdesk", comments: "conversations")
        mapping.recordsKey = nil
        mapping.channel = "source"
        mapping.channelNames = ["1": .email, "2": .other, "3": .voiceTranscript, "7": .chat]
        mapping.satisfaction = "satisfaction.rating"
        mapping.satisfactionScores = ["happy": 1, "unhappy": 0]
        mapping.ticketDescription = "description_text"
        mapping.commentAuthor = "user_id"
        mapping.commentBodies = ["body_text"]
        mapping.commentHTMLBodies = ["body"]
        mapping.commentPublic = nil
        mapping.commentPrivate = "private"
        mapping.commentFromRequester = "incoming"
        mapping.metadata = ["status": "status", "company": "company.name"]
        return mapping
    }()

    @Test func aSecondHelpDeskIsANewMappingValue() {
        let export = #"""
            [
              {"id": 7, "created_at": "2024-04-02T10:00:00Z", "subject": "Locked out", "source": 7, "status": 2,
               "requester_id": 42, "tags": "login", "company": {"name": "Fictional Ltd"},
               "satisfaction": {"rating": "unhappy"},
               "conversations": [
                 {"user_id": 42, "incoming": true, "private": false, "body_text": "I am locked out of my account.", "created_at": "2024-04-02T10:00:00Z"},
                 {"user_id": 3, "incoming": false, "private": true, "body_text": "Check the audit log first.", "created_at": "2024-04-02T10:05:00Z"},
                 {"user_id": 3, "incoming": false, "private": false, "body": "<div>Your account is <b>unlocked</b>.</div>"},
                 {"user_id": 99, "incoming": true, "private": false, "body_text": "Thanks, from my other address."}
               ]},
              {"id": "FD-8", "source": 3, "description_text": "Caller asked about fees.", "conversations": []}
            ]
            """#
        let log = ReaderLog.read(HelpDeskReader(mapping: Self.freshdesk), export, file: "freshdesk.json")
        #expect(log.problems.isEmpty)
        #expect(log.transcripts.map(\.id) == ["7", "FD-8"])
        let first = log.transcripts[0]
        #expect(first.channel == .chat)
        #expect(first.turns.map(\.role) == [.customer, .agent, .agent, .customer])  // "incoming" decides, not the author
        #expect(first.turns.map(\.isPublic) == [true, false, true, true])
        #expect(first.turns[2].text == "Your account is unlocked .")
        #expect(first.scores == ["csat": 0])
        #expect(first.metadata == ["subject": "Locked out", "tags": "login", "via_channel": "7", "requester_id": "42",
                                   "status": "2", "company": "Fictional Ltd"])
        #expect(log.transcripts[1].channel == .voiceTranscript)
        #expect(log.transcripts[1].turns.map(\.text) == ["Caller asked about fees."])
    }

    @Test func zendeskDefaults() {
        let mapping = HelpDeskFieldMapping.zendesk
        #expect(mapping.recordsKey == "tickets")
        #expect(mapping.channel == "via.channel")
        #expect(mapping.satisfaction?.components == ["satisfaction_rating", "score"])
        #expect(mapping.commentBodies == ["body", "plain_body"])
        #expect(mapping.channelNames["web"] == .other)
    }

    private func event(_ json: String, mapping: HelpDeskFieldMapping = .zendesk) -> Result<Transcript, IngestionProblem> {
        let object = try! JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        return mapping.transcript(from: object, at: TranscriptMiner.SourceLocation(file: "t.json", record: 1))
    }

    private func code(_ json: String) -> IngestionProblem.Code? {
        if case .failure(let problem) = event(json) { return problem.code }
        return nil
    }

    @Test func rejections() {
        #expect(code(#"{"description": "x"}"#) == .missingField)
        #expect(code(#"{"id": "", "description": "x"}"#) == .invalidField)
        #expect(code(#"{"id": true, "description": "x"}"#) == .invalidField)
        #expect(code(#"{"id": 1, "comments": {"body": "x"}}"#) == .invalidField)
        #expect(code(#"{"id": 1, "comments": ["x"]}"#) == .invalidField)
        #expect(code(#"{"id": 1, "comments": [{"author_id": 1}]}"#) == .missingField)
        #expect(code(#"{"id": 1, "comments": [{"author_id": 1, "body": 5}]}"#) == .missingField)
        #expect(code(#"{"id": 1}"#) == .missingField)
        #expect(code(#"{"id": 1, "comments": null}"#) == .missingField)
        #expect(code("[]") == .invalidField)
    }

    @Test func numbersAndBooleansAreToldApart() {
        // On Linux JSONSerialization's 1 answers `is Bool`: an id of 1 must stay a number.
        guard case .success(let transcript) = event(#"{"id": 1, "requester_id": 0, "comments": [{"author_id": 0, "body": "a", "public": 1}, {"author_id": 1, "body": "b", "public": false}]}"#) else {
            Issue.record("rejected")
            return
        }
        #expect(transcript.id == "1")
        #expect(transcript.turns.map(\.role) == [.customer, .agent])
        #expect(transcript.turns.map(\.isPublic) == [true, false])  // `public: 1` is not a boolean: default public
        #expect(FoundationJSON.string(NSNumber(value: 12_345_678_901_234)) == "12345678901234")
        #expect(FoundationJSON.string(NSNumber(value: 2.5)) == "2.5")
        #expect(FoundationJSON.bool(NSNumber(value: 1)) == nil)
    }

    @Test func theFirstAuthorIsTheRequesterWhenNoneIsGiven() {
        guard case .success(let transcript) = event(#"{"id": 1, "comments": [{"author_id": 7, "body": "q"}, {"author_id": 8, "body": "a"}, {"body": "?"}]}"#) else {
            Issue.record("rejected")
            return
        }
        #expect(transcript.turns.map(\.role) == [.customer, .agent, .unknown])
        #expect(transcript.metadata["requester_id"] == "7")
    }

    @Test func channelsAndRatings() {
        func transcript(_ json: String) -> Transcript? { try? event(json).get() }
        #expect(transcript(#"{"id": 1, "description": "x", "via": {"channel": "native_messaging"}}"#)?.channel == .chat)
        #expect(transcript(#"{"id": 1, "description": "x", "via": {"channel": "Facebook"}}"#)?.channel == .social)
        #expect(transcript(#"{"id": 1, "description": "x", "via": {"channel": "carrier_pigeon"}}"#)?.channel == .other)
        #expect(transcript(#"{"id": 1, "description": "x", "satisfaction_rating": {"score": "GOOD"}}"#)?.scores == ["csat": 1])
        #expect(transcript(#"{"id": 1, "description": "x", "satisfaction_rating": {"score": 2.5}}"#)?.scores == ["csat": 2.5])
        #expect(transcript(#"{"id": 1, "description": "x", "satisfaction_rating": {"score": true}}"#)?.scores == [:])
        #expect(transcript(#"{"id": 1, "description": "x", "tags": ["a", 2, null]}"#)?.metadata["tags"] == "a,2")
        #expect(transcript(#"{"id": 1, "description": "x", "created_at": "1 Jan 999999999999 10:00"}"#)?.createdAt == nil)
    }

    @Test func keyPaths() {
        let path: JSONKeyPath = "a.b"
        #expect(path.value(in: ["a": ["b": 3]]) as? Int == 3)
        #expect(path.value(in: ["a": 3]) == nil)
        #expect(path.value(in: ["a": ["b": NSNull()]]) == nil)
        #expect(JSONKeyPath(components: ["x.y"]).value(in: ["x.y": 1]) as? Int == 1)
        #expect(path.description == "a.b")
    }
}
