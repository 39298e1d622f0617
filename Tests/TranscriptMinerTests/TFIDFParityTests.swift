import Foundation
import Testing
import TestSupport
@testable import TranscriptMiner

/// Exact parity with scikit-learn's `TfidfVectorizer` on the shared fixture
/// (`../shared/data/tfidf-parity`: 200 pre-tokenized documents, nine configurations).
@Suite("TF-IDF parity with scikit-learn")
struct TFIDFParityTests {
    static let configurations = ["defaults", "bigrams", "df_pruning", "l1_norm", "max_features", "no_idf", "no_norm",
                                 "no_smooth_idf", "sublinear_tf"]

    struct Fixture {
        var params: [(key: String, value: JSONValue)]
        /// The params' raw JSON text, to tell `2` (a count) from `2.0` (a fraction) as Python does.
        var rawParams: String
        var vocabulary: [String]
        var idf: [Double]?
        var rows: [[(Int, Double)]]
    }

    static func load(_ name: String) throws -> Fixture {
        let data = try Data(contentsOf: try #require(SharedData.url("tfidf-parity/\(name).json")))
        let object = try JSONParser.parse(data)
        let rows = try #require(object["rows"]?.array).map { row in
            (row.array ?? []).map { pair in (Int(pair.array![0].number!), pair.array![1].number!) }
        }
        let text = String(decoding: data, as: UTF8.self)
        let paramsStart = try #require(text.range(of: "\"params\":"))
        let paramsEnd = try #require(text[paramsStart.upperBound...].firstIndex(of: "}"))
        return Fixture(params: object["params"]?.members ?? [], rawParams: String(text[paramsStart.upperBound...paramsEnd]),
                       vocabulary: try #require(object["vocabulary"]?.array).map { $0.string! },
                       idf: object["idf"]?.array?.map { $0.number! }, rows: rows)
    }

    /// Translates the fixture's scikit-learn parameters.
    static func options(_ fixture: Fixture) throws -> TFIDFOptions {
        func bound(_ key: String, _ value: JSONValue) throws -> TFIDFOptions.DocumentFrequency {
            let number = try #require(value.number)
            let raw = try #require(fixture.rawParams.range(of: "\"\(key)\":")).upperBound
            let token = fixture.rawParams[raw...].prefix { !",}".contains($0) }
            return token.contains(".") || token.contains("e") ? .fraction(number) : .count(Int(number))
        }
        var options = TFIDFOptions()
        for (key, value) in fixture.params {
            switch key {
            case "ngram_range":
                let range = try #require(value.array).map { Int($0.number!) }
                options.ngramRange = range[0]...range[1]
            case "min_df": options.minDF = try bound(key, value)
            case "max_df": options.maxDF = try bound(key, value)
            case "max_features": options.maxFeatures = Int(try #require(value.number))
            case "norm": options.norm = value == .null ? .none : try #require(TFIDFOptions.Norm(rawValue: value.string ?? ""))
            case "use_idf": options.useIDF = try #require(value.bool)
            case "smooth_idf": options.smoothIDF = try #require(value.bool)
            case "sublinear_tf": options.sublinearTF = try #require(value.bool)
            default: Issue.record("fixture parameter \(key) is not translated")
            }
        }
        return options
    }

    static func documents() throws -> [String] {
        let url = try #require(SharedData.url("tfidf-parity/documents.txt"))
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func relativeError(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / max(abs(a), abs(b))
    }

    @Test("vocabulary, idf and every non-zero match to 1e-9 relative",
          .enabled(if: SharedData.has("tfidf-parity/documents.txt"), Comment(rawValue: SharedData.absentMessage("tfidf-parity"))),
          arguments: configurations)
    func parity(_ name: String) async throws {
        let fixture = try Self.load(name)
        let documents = try Self.documents()
        #expect(documents.count == fixture.rows.count)

        for workers in [1, 3] {
            let vectorizer = TFIDFVectorizer(options: try Self.options(fixture), extractor: .whitespace, workers: workers)
            let (model, matrix) = try await vectorizer.fitTransform(documents)
            #expect(model.vocabulary == fixture.vocabulary)
            if let expected = fixture.idf {
                let idf = try #require(model.idf)
                #expect(idf.count == expected.count)
                let worst = zip(idf, expected).map(Self.relativeError).max() ?? 0
                #expect(worst <= 1e-9, "largest idf relative error \(worst)")
            } else {
                #expect(model.idf == nil)
            }
            #expect(matrix.rowCount == fixture.rows.count)
            var worst = 0.0
            for (index, expectedRow) in fixture.rows.enumerated() where index < matrix.rowCount {
                let row = matrix.row(index)
                #expect(row.indices.map(Int.init) == expectedRow.map(\.0), "row \(index) columns")
                for (value, expected) in zip(row.values, expectedRow.map(\.1)) {
                    worst = max(worst, Self.relativeError(value, expected))
                }
            }
            #expect(worst <= 1e-9, "largest value relative error \(worst) (\(name), \(workers) workers)")

            // transform after fit gives the same rows.
            let again = await model.transform(documents, workers: workers)
            #expect(again == matrix)
        }
    }
}
