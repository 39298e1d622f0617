import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func valuesAndNesting() throws {
        let value = try parse(#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "": 0} "#)
        #expect(value["a"] == .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"]?.string == "d")
        #expect(value[""]?.number == 0)
        #expect(value.members?.map(\.key) == ["a", "b", ""])
    }

    @Test func stringEscapesAndUnicode() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\u20ac""#) == .string("a\"b\\c/d\n\té€"))
        #expect(try parse(#""\ud83d\ude21""#) == .string("😡"))
        #expect(try parse(#""\ud83d x""#) == .string("\u{FFFD} x"))  // lone surrogate
        #expect(try parse("\"café 订单\"") == .string("café 订单"))
    }

    @Test func numbers() throws {
        #expect(try parse("12345678901234567890").number == 12_345_678_901_234_567_890)
        #expect(try parse("-0").number == 0)
        #expect(try parse("0.1").number == 0.1)
        #expect(try parse("1E-3").number == 0.001)
    }

    @Test func invalidDocumentsAreRejectedWithAnOffset() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"a\u{01}b\"", "{}{}", "[1 2]", "{\"a\":1,}", "'x'", "\"\\x\""] {
            #expect(throws: JSONParser.SyntaxError.self, "\(bad.debugDescription)") { try parse(bad) }
        }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.SyntaxError.self) { try parse(deep) }
    }

    @Test func agreesWithFoundationOnRandomDocuments() throws {
        var generator = SplitMix64(seed: 99)
        func random(_ depth: Int) -> Any {
            switch generator.next() % (depth > 3 ? 4 : 6) {
            case 0: return Double(Int64(bitPattern: generator.next()) % 1_000_000) / 100
            case 1: return ["x", "é", "a\"b", "\\", "\n", "😡", ""][Int(generator.next() % 7)] + String(generator.next() % 100)
            case 2: return generator.next() % 2 == 0
            case 3: return NSNull()
            case 4: return (0..<Int(generator.next() % 4)).map { _ in random(depth + 1) }
            default: return Dictionary(uniqueKeysWithValues: (0..<Int(generator.next() % 4)).map { ("k\($0)", random(depth + 1)) })
            }
        }
        func convert(_ any: Any) -> JSONValue {
            switch any {
            case is NSNull: return .null
            case let b as Bool: return .bool(b)
            case let n as Double: return .number(n)
            case let s as String: return .string(s)
            case let a as [Any]: return .array(a.map(convert))
            case let d as [String: Any]: return .object(d.map { ($0.key, convert($0.value)) }.sorted { $0.key < $1.key })
            default: return .null
            }
        }
        func sorted(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let a): return .array(a.map(sorted))
            case .object(let m): return .object(m.map { ($0.key, sorted($0.value)) }.sorted { $0.key < $1.key })
            default: return value
            }
        }
        for round in 0..<300 {
            let document = ["root": random(0)]
            let data = try JSONSerialization.data(withJSONObject: document)
            #expect(sorted(try JSONParser.parse(Array(data))) == convert(document), "seed 99 round \(round)")
        }
    }
}
