import Foundation
import TestSupport
import Testing
import TranscriptMiner

/// Accuracy on Hutto & Gilbert's tweets (`../shared/data/vader/tweets_GroundTruth.txt`: id, mean
/// human rating in −4…4, text). An evaluation set only: nothing in the lexicon or rules is
/// fitted to it.
@Suite("Sentiment accuracy on the VADER tweets")
struct SentimentAccuracyTests {
    @Test(.enabled(if: SharedData.has("vader/tweets_GroundTruth.txt"), Comment(rawValue: SharedData.absentMessage("vader/tweets_GroundTruth.txt"))))
    func pearsonAndMacroF1() throws {
        let url = try #require(SharedData.url("vader/tweets_GroundTruth.txt"))
        let session = SentimentScorer().makeSession()
        var gold: [Double] = [], predicted: [Double] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard columns.count == 3, let mean = Double(columns[1]) else { continue }
            gold.append(mean)
            predicted.append(session.score(String(columns[2])).compound)
        }
        #expect(gold.count == 4200)
        let r = Self.pearson(predicted, gold)
        let f1 = Self.macroF1(gold: gold.map { Self.label($0, 0.5) }, predicted: predicted.map { Self.label($0, 0.05) })
        print("sentiment accuracy on \(gold.count) tweets: Pearson r \(String(format: "%.4f", r)), 3-class macro-F1 \(String(format: "%.4f", f1))")
        #expect(r >= 0.80, "Pearson r \(r)")
    }

    static func label(_ value: Double, _ threshold: Double) -> Int { abs(value) < threshold ? 0 : value > 0 ? 1 : -1 }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    static func macroF1(gold: [Int], predicted: [Int]) -> Double {
        var total = 0.0
        for c in [-1, 0, 1] {
            var tp = 0, fp = 0, fn = 0
            for (g, p) in zip(gold, predicted) {
                if g == c && p == c { tp += 1 } else if p == c { fp += 1 } else if g == c { fn += 1 }
            }
            total += tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn)
        }
        return total / 3
    }
}
