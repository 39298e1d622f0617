import Testing
@testable import TranscriptMiner

@Suite("Class-based TF-IDF theme labels")
struct ClassTFIDFLabelerTests {
    static let documents = [
        "I was charged twice for my coffee", "charged twice again at the shop", "why was I charged twice",
        "charged twice for one order", "my card was charged twice today",
        "the exchange rate is terrible", "your exchange rate is worse than the bank", "exchange rate too high",
        "what exchange rate do you use", "a unique complaint about parking",
    ]
    static let assignments: [Int?] = [0, 0, 0, 0, 0, 1, 1, 1, 1, nil]

    @Test("labels prefer the distinctive phrase; terms are frequent in the theme and rare elsewhere")
    func labels() async {
        let descriptions = await ClassTFIDFLabeler().describe(documents: Self.documents, assignments: Self.assignments,
                                                              themeCount: 2, workers: 2)
        #expect(descriptions.count == 2)
        #expect(descriptions[0].label.hasPrefix("charged twice"))
        #expect(descriptions[1].label.hasPrefix("exchange rate"))
        #expect(descriptions[0].terms.map(\.term).contains("charged twice"))
        // Unclustered documents and terms of fewer than 2 documents never appear.
        #expect(!descriptions.flatMap(\.terms).map(\.term).contains { $0.contains("parking") || $0.contains("coffee") })
        #expect(descriptions[0].terms.map(\.weight) == descriptions[0].terms.map(\.weight).sorted(by: >))
    }

    @Test("the same result with 1 and 4 workers; empty themes get empty descriptions")
    func deterministic() async {
        let one = await ClassTFIDFLabeler().describe(documents: Self.documents, assignments: Self.assignments, themeCount: 3, workers: 1)
        let four = await ClassTFIDFLabeler().describe(documents: Self.documents, assignments: Self.assignments, themeCount: 3, workers: 4)
        #expect(one == four)
        #expect(one[2] == ThemeDescription(label: "", terms: []))
    }
}
