import Foundation
import Testing
@testable import TranscriptMiner

@Suite("Transcripts held compactly")
struct TranscriptStoreTests {
    static let odd: [Transcript] = [
        Transcript(id: "é-1 🙂", channel: .email, createdAt: Date(timeIntervalSince1970: 1_700_000_000.125), turns: [
            Turn(role: .agent, author: "Ann", timestamp: Date(), text: "Hello, how can I help?"),
            Turn(role: .customer, text: "Mon colis n’est pas arrivé 📦"),
            Turn(role: .system, text: "note", isPublic: false),
            Turn(role: .unknown, text: "who said this?"),
            Turn(role: .customer, text: ""),
        ], metadata: ["queue": "cards"], scores: ["csat": 2]),
        Transcript(id: "no-turns", turns: []),
        Transcript(id: "x", channel: .voiceTranscript, turns: [Turn(role: .customer, text: "我的订单还没有到货", isPublic: false)]),
        Transcript(id: "last", channel: .chat, turns: [Turn(role: .bot, text: "bip"), Turn(role: .customer, text: "card blocked")]),
    ]

    @Test("every transcript reads back as its compacted self, for every set of kept roles")
    func roundTrip() {
        let transcripts = Self.odd + Array(SyntheticCorpus(seed: 3).transcripts(count: 300))
        for roles: Set<Role> in [[.customer], Set(Role.allCases), [], [.agent, .bot]] {
            let store = TranscriptStore(transcripts, keepingTextOf: roles)
            #expect(store.count == transcripts.count)
            for (index, transcript) in transcripts.enumerated() {
                #expect(store[index] == transcript.keepingText(of: roles), "transcript \(index), roles \(roles)")
                #expect(store.transcriptID(at: index) == transcript.id)
                let compacted = transcript.keepingText(of: roles)
                for documentRoles: Set<Role> in [[.customer], Set(Role.allCases), [.unknown, .customer]] {
                    for includingPrivate in [false, true] {
                        #expect(store.text(at: index, of: documentRoles, includingPrivate: includingPrivate)
                                == compacted.text(of: documentRoles, includingPrivate: includingPrivate))
                    }
                }
            }
            #expect(Array(store) == transcripts.map { $0.keepingText(of: roles) })
        }
    }

    @Test("documents made from a store are those made from the transcripts, with and without canned lines stripped")
    func documents() {
        let transcripts = Self.odd + Array(SyntheticCorpus(seed: 4).transcripts(count: 400))
        for builder in [ThemeDocumentBuilder(), ThemeDocumentBuilder(roles: Set(Role.allCases)), ThemeDocumentBuilder(includesPrivateTurns: true)] {
            let fromArray = builder.build(transcripts)
            let fromStore = builder.build(TranscriptStore(transcripts, keepingTextOf: builder.roles))
            #expect(Array(fromArray.texts) == Array(fromStore.texts))
            #expect(fromArray.removedClauseCount == fromStore.removedClauseCount)
        }
        // With agents' turns included, the synthetic corpus's macros are found and stripped.
        #expect(ThemeDocumentBuilder(roles: Set(Role.allCases)).build(transcripts).removedClauseCount > 0)
    }

    @Test("it holds far less than the transcripts themselves")
    func compact() {
        let transcripts = Array(SyntheticCorpus(seed: 3).transcripts(count: 2_000))
        let store = TranscriptStore(transcripts, keepingTextOf: [.customer])
        let customerText = transcripts.reduce(0) { $0 + $1.turns.filter { $0.role == .customer }.reduce(0) { $0 + $1.text.utf8.count } }
        let turns = transcripts.reduce(0) { $0 + $1.turns.count }
        let ids = transcripts.reduce(0) { $0 + $1.id.utf8.count }
        #expect(store.storedBytes == customerText + ids + 9 * turns + 25 * transcripts.count + 8)
    }

    @Test("a theme analysis of a store equals that of the same transcripts in an array")
    func analysisIsTheSame() async throws {
        let transcripts = Array(SyntheticCorpus(seed: 5).transcripts(count: 500))
        var options = ThemeOptions()
        options.clustering = KMeansOptions(k: 8, seed: 7, restarts: 2)
        let compacted = transcripts.map { $0.keepingText(of: options.documents.roles) }
        let fromArray = try await ThemeAnalysis(options: options).run(compacted, contentHashes: transcripts.map(\.contentHash))
        let fromStore = try await ThemeAnalysis(options: options).run(TranscriptStore(transcripts, keepingTextOf: options.documents.roles),
                                                                      contentHashes: transcripts.map(\.contentHash))
        #expect(ThemeJSON.render(fromArray, includeAssignments: true) == ThemeJSON.render(fromStore, includeAssignments: true))
        #expect(fromStore.conversations.map(\.contentHash) == transcripts.map(\.contentHash))
    }
}
