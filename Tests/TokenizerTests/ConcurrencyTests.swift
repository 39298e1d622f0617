import TestSupport
import Testing
@testable import Tokenizer

@Suite("Concurrent use")
struct ConcurrencyTests {
    @Test func manyTasksGiveIdenticalResults() async throws {
        let lines = try String(contentsOf: SharedData.corpus("sample-chat.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let analyzer = Analyzer.standard(.init(stems: true, maximumNGramSize: 2))
        let expected = lines.map { analyzer.tokens(in: $0) }
        let results = await withTaskGroup(of: (Int, [[Token]]).self) { group in
            for task in 0..<16 {
                group.addTask {
                    let session = analyzer.makeSession()  // one ICU iterator per task
                    var out: [[Token]] = []
                    for _ in 0..<20 {
                        out = lines.map { session.tokens(in: $0) }
                    }
                    return (task, out)
                }
            }
            var all: [(Int, [[Token]])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        for (task, tokens) in results {
            #expect(tokens == expected, "task \(task) differs")
        }
    }
}
