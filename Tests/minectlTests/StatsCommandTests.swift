import Foundation
import TestSupport
import Testing

@Suite("minectl stats and synth, end to end")
struct StatsCommandTests {
    @Test func countsAndRejectionsAsJSON() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("mixed.jsonl", """
            {"id":"a","channel":"chat","turns":[{"role":"customer","text":"card late"},{"role":"agent","text":"sorry"}]}
            {broken
            {"id":"a","text":"again"}
            {"id":"b","channel":"email","created_at":"2024-05-17T09:31:07Z","text":"charged twice"}
            """)
        let result = try MinectlRunner.run(["stats", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let input = try #require(object["input"] as? [String: Any])
        #expect(input["records_read"] as? Int == 4)
        #expect(input["analyzed"] as? Int == 2)
        #expect(input["rejected"] as? Int == 2)
        #expect(input["rejected_by_reason"] as? [String: Int] == ["duplicate-id": 1, "invalid-json": 1])
        #expect(object["turns_by_role"] as? [String: Int] == ["agent": 1, "customer": 2])
        #expect(object["channels"] as? [String: Int] == ["chat": 1, "email": 1])
        // Locations, never the text.
        #expect(result.stdout.contains("mixed.jsonl:2"))
        #expect(!result.stdout.contains("broken") && !result.stdout.contains("again"))
    }

    @Test func strictStopsWithExitCode65AndMissingInputsGive66() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{oops\n")
        let strict = try MinectlRunner.run(["stats", path, "--strict"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("bad.jsonl:2: invalid-json"))
        let missing = try MinectlRunner.run(["stats", folder.url.path + "/nope.jsonl"])
        #expect(missing.status == 66)
        let usage = try MinectlRunner.run(["stats"])
        #expect(usage.status == 64)
    }

    @Test func synthIsDeterministicAndReadsBack() throws {
        let a = try MinectlRunner.run(["synth", "--transcripts", "300", "--seed", "5"])
        let b = try MinectlRunner.run(["synth", "--transcripts", "300", "--seed", "5"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\n").count == 300)
        let stats = try MinectlRunner.run(["stats", "-", "--format", "json"], input: Data(a.stdout.utf8))
        #expect(stats.stdout.contains("\"records_read\":300,\"analyzed\":300,\"rejected\":0"))
    }
}

@Suite("minectl redact, end to end")
struct RedactCommandTests {
    @Test func personalDataNeverReachesTheOutput() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("pii.jsonl", """
            {"id":"a","turns":[{"role":"customer","author":"jane.doe@example.com","text":"Mail me at jane.doe@example.com or call +44 7700 900123, card 4539 1488 0343 6467"}],"metadata":{"contact":"jane.doe@example.com"}}
            {"id":"b","text":"Order A-1234 for $49.99 on 2024-05-17 never arrived"}
            """)
        let result = try MinectlRunner.run(["redact", path])
        #expect(result.status == 0, "\(result.stderr)")
        for secret in ["jane.doe", "7700", "4539", "6467"] { #expect(!result.stdout.contains(secret), "\(secret) leaked") }
        #expect(result.stdout.contains("[EMAIL]") && result.stdout.contains("[PHONE]") && result.stdout.contains("[CARD]"))
        // Ordinary numbers stay.
        #expect(result.stdout.contains("A-1234") && result.stdout.contains("49.99") && result.stdout.contains("2024-05-17"))
        #expect(result.stderr.contains("read 2, written 2, rejected 0"))
    }

    @Test func statsReadsEverySampleCorpus() throws {
        for (name, transcripts) in [("sample-messages.csv", 10), ("sample-twitter.csv", 8), ("sample-transcripts.txt", 8), ("sample-chat.txt", 25),
                                    ("email", 3), ("sample.mbox", 2), ("sample-zendesk.json", 6)] {
            let result = try MinectlRunner.run(["stats", SharedData.corpus(name).path, "--format", "json", "--agent-domain", "examplebank.example"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.contains("\"transcripts\":\(transcripts),"), "\(name): \(result.stdout)")
            #expect(result.stdout.contains("\"rejected\":0,"), "\(name)")
        }
    }
}

@Suite("JSON array input")
struct JSONArrayInputTests {
    @Test func arraysAndSingleObjectsStreamElementByElement() throws {
        let folder = try TemporaryFolder()
        let array = try folder.write("a.json", """
            [
              {"id": "x1", "text": "card late"},
              {"id": "x2", "turns": "bad"},
              {"id": "x3", "turns": [{"role": "customer", "text": "charged twice"}]}
            ]
            """)
        let result = try MinectlRunner.run(["stats", array, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"records_read\":3,\"analyzed\":2,\"rejected\":1"))
        #expect(result.stdout.contains("a.json:3"))
    }
}
