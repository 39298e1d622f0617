import Testing
@testable import TranscriptMiner

@Suite("Theme documents and canned lines")
struct ThemeDocumentBuilderTests {
    static func transcript(_ id: Int, customer: String, agent: String, note: String? = nil) -> Transcript {
        var turns = [Turn(role: .customer, text: customer), Turn(role: .agent, text: agent)]
        if let note { turns.append(Turn(role: .agent, text: note, isPublic: false)) }
        return Transcript(id: String(id), turns: turns)
    }

    static let topics = ["my card was declined at the supermarket", "the refund never arrived in my account",
                         "I cannot log in after the update", "the exchange rate looks wrong to me"]

    static func corpus(count: Int) -> [Transcript] {
        (0..<count).map { i in
            transcript(i, customer: "\(topics[i % topics.count]) (case \(i))",
                       agent: "Hi Sam\(i), thank you for contacting Acme support today. Let me look into ticket #\(1000 + i) for you. "
                           + "Is there anything else I can help you with?",
                       note: "internal: escalate \(i)")
        }
    }

    @Test("by default the document is the public customer turns")
    func customerOnly() {
        let documents = ThemeDocumentBuilder().build(Self.corpus(count: 3))
        #expect(documents.texts[0] == "my card was declined at the supermarket (case 0)")
        #expect(documents.removedClauseCount == 0)
    }

    @Test("with every role, agent macros repeated across transcripts are removed; the rest stays")
    func macrosRemoved() {
        let builder = ThemeDocumentBuilder(roles: Set(Role.allCases))
        let documents = builder.build(Self.corpus(count: 100))
        let text = documents.texts[5]
        #expect(text.contains("the refund never arrived in my account (case 5)"))   // customers repeat, never canned
        #expect(!text.contains("thank you for contacting"))
        #expect(!text.contains("anything else I can help"))
        #expect(!text.contains("ticket #"))   // "Let me look into ticket #1005 for you." differs only in digits
        #expect(text.contains("Hi Sam5,"))    // short and unique: kept
        #expect(!text.contains("internal"))   // private note
        let canned = documents.cannedLines.lines.map(\.example)
        #expect(canned == ["Is there anything else I can help you with?", "Let me look into ticket #1000 for you.",
                           "thank you for contacting Acme support today."])   // equal counts: in text order
        #expect(documents.cannedLines.lines.allSatisfy { $0.transcriptCount == 100 })
        #expect(documents.removedClauseCount == 300)
    }

    @Test("customer wording repeated by a few people is not canned")
    func fewRepeatsKept() {
        let builder = ThemeDocumentBuilder(roles: Set(Role.allCases))
        let transcripts = (0..<300).map { i in
            Self.transcript(i, customer: i < 4 ? "my card was declined again today" : "question about \(Self.word(i)) and \(Self.word(i * 7))",
                            agent: "reply \(i)")
        }
        let documents = builder.build(transcripts)
        #expect(documents.texts[0] == "my card was declined again today\nreply 0")
        #expect(documents.cannedLines.lines.isEmpty)
    }

    /// A distinct letters-only word for each number.
    static func word(_ n: Int) -> String {
        String(String(n, radix: 26).map { Character(UnicodeScalar(($0.hexDigitValue ?? Int($0.asciiValue! - 87)) + 97)!) })
    }

    @Test("normalisation: case, digit runs and punctuation do not hide a repeat; clauses split at . ! ? , and lines")
    func normalisation() {
        let a = CannedLineDetector.fingerprint("Your ticket #4411 is now CLOSED.", minimumWords: 4)
        let b = CannedLineDetector.fingerprint("your ticket 9 is now closed", minimumWords: 4)
        #expect(a != nil && a == b)
        #expect(CannedLineDetector.fingerprint("too short here", minimumWords: 4) == nil)
        var sentences: [String] = []
        ClauseSplitter.forEachClause(in: "  Hello there. Is it 3.5 now?! Yes\nNext line… done  ") { sentences.append(String($0)) }
        #expect(sentences == ["Hello there.", "Is it 3.5 now?!", "Yes", "Next line…", "done"])
    }

    @Test("detection can be turned off")
    func off() {
        let builder = ThemeDocumentBuilder(roles: Set(Role.allCases), cannedLines: nil)
        let documents = builder.build(Self.corpus(count: 50))
        #expect(documents.texts[1].contains("thank you for contacting"))
    }
}
