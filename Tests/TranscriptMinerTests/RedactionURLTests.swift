import Testing
@testable import TranscriptMiner

@Suite("Redaction: URLs with secrets")
struct RedactionURLTests {
    @Test("secret-bearing URLs", arguments: [
        "https://app.example.com/reset?token=9f8e7d6c5b4a39281706",
        "https://example.com/account?id=12345",
        "http://shop.example.com/orders?session=abc&user=jane",
        "https://example.com/verify/3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b",
        "https://files.example.com/d/Xk29fLq8Zp03Wm7Rt5Yv/view",
        "https://bob:hunter2@example.com/",
        "https://example.com/cb#access_token=abc&expires=3600",
        "example.com/reset?token=abc",
        "www.example.com/unsubscribe?email=jane%40example.com",
        "https://s3.amazonaws.com/b/k?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA",
        "https://example.com/u?customer_id=77",
        "https://example.com/p?apiKey=x",
    ])
    func finds(url: String) {
        #expect(RedactionProbe.found("Open \(url) now.", .url) == [url])
        #expect(RedactionProbe.found("(\(url))", .url) == [url])
    }

    @Test("ordinary URLs stay", arguments: [
        "https://help.example.com/cards", "https://shop.example.com/search?q=refund+policy&page=2",
        "www.example.com", "example.com/help", "https://example.com/blog/how-to-reset-your-password-2024",
        "http://example.com/orders/12345", "https://example.com/?utm_source=mail", "and/or", "17/05/2024",
        "https://", "see example.com?",
    ])
    func negatives(text: String) {
        #expect(RedactionProbe.found("Open \(text) now.", .url).isEmpty)
    }

    @Test func emailInQueryIsPartOfURL() {
        let text = "Click https://x.example.com/unsub?email=jo@example.com&t=1 please"
        #expect(Redactor().redact(text).text == "Click [URL] please")
    }
}
