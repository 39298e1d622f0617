import Foundation
import Testing
import ThemeCluster
@testable import TranscriptMiner

@Suite("TF-IDF vectorizer")
struct TFIDFVectorizerTests {
    @Test("weights follow the documented formulas on a hand-computed example")
    func handComputed() async throws {
        let vectorizer = TFIDFVectorizer(extractor: .whitespace)
        let (model, matrix) = try await vectorizer.fitTransform(["b a a", "a", "c"])
        #expect(model.vocabulary == ["a", "b", "c"])
        let idf = try #require(model.idf)
        // smooth idf: ln((1 + 3) / (1 + df)) + 1
        #expect(abs(idf[0] - (log(4.0 / 3.0) + 1)) < 1e-15)
        #expect(abs(idf[1] - (log(4.0 / 2.0) + 1)) < 1e-15)
        let a = 2 * idf[0], b = idf[1], length = (a * a + b * b).squareRoot()
        #expect(matrix.row(0) == SparseVector(indices: [0, 1], values: [a / length, b / length]))
        #expect(matrix.row(1) == SparseVector(indices: [0], values: [1]))
        #expect(model.documentFrequencies == [2, 1, 1])
    }

    @Test("sublinear tf, l1 and no normalisation")
    func variants() async throws {
        let texts = ["x x x x y", "y"]
        let sub = try await TFIDFVectorizer(options: TFIDFOptions(sublinearTF: true, useIDF: false, norm: .none), extractor: .whitespace)
            .fitTransform(texts).matrix
        #expect(sub.row(0).values == [1 + log(4.0), 1])
        let l1 = try await TFIDFVectorizer(options: TFIDFOptions(useIDF: false, norm: .l1), extractor: .whitespace)
            .fitTransform(texts).matrix
        #expect(l1.row(0).values == [0.8, 0.2])
    }

    @Test("document-frequency bounds as counts and fractions, then maxFeatures by corpus frequency")
    func pruning() async throws {
        let texts = ["common rare1", "common twice", "common twice", "common heavy heavy heavy heavy"]
        let minTwo = try await TFIDFVectorizer(options: TFIDFOptions(minDF: .count(2)), extractor: .whitespace).fit(texts)
        #expect(minTwo.vocabulary == ["common", "twice"])
        #expect(minTwo.prunedTermCount == 2)
        let maxHalf = try await TFIDFVectorizer(options: TFIDFOptions(maxDF: .fraction(0.5)), extractor: .whitespace).fit(texts)
        #expect(maxHalf.vocabulary == ["heavy", "rare1", "twice"])
        let top2 = try await TFIDFVectorizer(options: TFIDFOptions(maxFeatures: 2), extractor: .whitespace).fit(texts)
        #expect(top2.vocabulary == ["common", "heavy"])   // corpus counts 4 and 4; "twice" has 2
        // A tie at the cut goes to the earlier term in code-point order.
        let tie = try await TFIDFVectorizer(options: TFIDFOptions(maxFeatures: 1), extractor: .whitespace).fit(["b a", "a b"])
        #expect(tie.vocabulary == ["a"])
    }

    @Test("vocabulary is in code-point order, as scikit-learn sorts Python strings")
    func codePointOrder() async throws {
        let model = try await TFIDFVectorizer(extractor: .whitespace).fit(["é e Z z 中 ａ"])
        #expect(model.vocabulary == ["Z", "e", "z", "é", "中", "ａ"])
    }

    @Test("invalid options and impossible bounds are errors, not crashes")
    func errors() async throws {
        await #expect(throws: TFIDFError.emptyVocabulary(documentCount: 2, prunedTermCount: 0)) {
            try await TFIDFVectorizer(extractor: .whitespace).fit(["", "   "])
        }
        await #expect(throws: TFIDFError.documentFrequencyBoundsExcludeEverything(minDF: 3, maxDF: 1)) {
            try await TFIDFVectorizer(options: TFIDFOptions(minDF: .count(3), maxDF: .count(1)), extractor: .whitespace).fit(["a", "b"])
        }
        await #expect(throws: TFIDFError.self) {
            try await TFIDFVectorizer(options: TFIDFOptions(maxFeatures: 0), extractor: .whitespace).fit(["a"])
        }
        let pruned = TFIDFError.emptyVocabulary(documentCount: 2, prunedTermCount: 2)
        #expect(pruned.description.contains("lower minDF"))
        #expect(TFIDFOptions.DocumentFrequency(parsing: "2") == .count(2))
        #expect(TFIDFOptions.DocumentFrequency(parsing: "0.5") == .fraction(0.5))
        #expect(TFIDFOptions.DocumentFrequency(parsing: "1.5") == nil)
        #expect(TFIDFOptions.DocumentFrequency(parsing: "-1") == nil)
    }

    @Test("the analysis chain: placeholders, URLs, mentions and emoji never become terms")
    func chainTermKinds() async throws {
        let texts = ["Email [EMAIL] about https://example.com/x and @acme 😀 my card was declined",
                     "card declined again, order #A-1234"]
        let model = try await TFIDFVectorizer().fit(texts)
        #expect(model.vocabulary.contains("card"))
        #expect(model.vocabulary.contains("declined"))
        for term in model.vocabulary {
            #expect(!term.hasPrefix("<") && !term.hasPrefix("[") && !term.hasPrefix("@") && term != "😀", "\(term) became a term")
        }
    }

    @Test("phrases come from the chain: 2...2 keeps only two-word phrases, which never span sentences")
    func chainPhrases() async throws {
        let options = TFIDFOptions(ngramRange: 2...2)
        let model = try await TFIDFVectorizer(options: options).fit(["My card never arrived. Refund requested today."])
        #expect(model.vocabulary.allSatisfy { $0.contains(" ") })
        #expect(model.vocabulary.contains("card never"))
        #expect(!model.vocabulary.contains("arrived refund"))
    }

    @Test("transform ignores unknown terms and equals fitTransform's rows")
    func transform() async throws {
        let texts = ["card declined at the shop", "refund not received", "card arrived damaged"]
        let (model, matrix) = try await TFIDFVectorizer().fitTransform(texts)
        #expect(model.transform(texts[2]) == matrix.row(2))
        #expect(model.transform("zebra giraffe").nonZeroCount == 0)
        let row = model.transform("card zebra")
        #expect(row.indices == [Int32(model.column(of: "card")!)])
        #expect(row.values == [1])
    }

    @Test("vocabulary, idf and rows are identical with 1, 2 and 8 workers over many chunks")
    func deterministicAcrossWorkers() async throws {
        let transcripts = Array(SyntheticCorpus(seed: 7).transcripts(count: TFIDFVectorizer.chunkSize * 3 + 17))
        let texts = ThemeDocumentBuilder().build(transcripts).texts
        let options = TFIDFOptions(minDF: .count(2), maxDF: .fraction(0.9), sublinearTF: true, ngramRange: 1...2)
        var results: [(TFIDFModel, SparseMatrix)] = []
        for workers in [1, 2, 8] {
            results.append(try await TFIDFVectorizer(options: options, workers: workers).fitTransform(texts))
        }
        #expect(results[0].1.rowCount == texts.count)
        #expect(results[0].0.vocabulary.count > 50)
        for (model, matrix) in results.dropFirst() {
            #expect(model.vocabulary == results[0].0.vocabulary)
            #expect(model.idf == results[0].0.idf)
            #expect(matrix == results[0].1)
        }
        let transformed = await results[0].0.transform(texts, workers: 2)
        #expect(transformed == results[0].1)
    }

    @Test("memory is proportional to the non-zeros: CSR storage, one entry per distinct term of a row")
    func sparseStorage() async throws {
        let texts = (0..<500).map { "card \($0 % 7 == 0 ? "declined" : "arrived") card card" }
        let (_, matrix) = try await TFIDFVectorizer().fitTransform(texts)
        #expect(matrix.nonZeroCount == 1000)
        #expect(matrix.columnIndices.count == 1000 && matrix.rowOffsets.count == 501)
    }
}
