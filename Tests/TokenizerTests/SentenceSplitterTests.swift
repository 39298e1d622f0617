import Testing
import Tokenizer

@Suite("Sentence splitting")
struct SentenceSplitterTests {
    @Test("sentences are contiguous, non-empty and concatenate to the input", arguments: [
        "I was charged twice. Please refund me! Why?",
        "No punctuation at all",
        "Mr. Smith paid $3.50 at 10 a.m. yesterday... then left.",
        "我的卡还没到。请帮我查一下！",
        "カードが届きません。確認してください。",
        "Emoji 🎉 done. Next 👍🏽 one.\n\nNew paragraph",
        "",
    ])
    func covers(text: String) {
        let sentences = SentenceSplitter().sentences(in: text)
        #expect(sentences.joined() == text)
        #expect(sentences.allSatisfy { !$0.isEmpty })
    }

    @Test("splits where a reader would")
    func boundaries() {
        let splitter = SentenceSplitter()
        #expect(splitter.sentences(in: "I was charged twice. Please refund me! Why?") == ["I was charged twice. ", "Please refund me! ", "Why?"])
        #expect(splitter.sentences(in: "我的卡还没到。请帮我查一下！").count == 2)
        #expect(splitter.sentences(in: "It costs $3.50 today.").count == 1)
    }
}
