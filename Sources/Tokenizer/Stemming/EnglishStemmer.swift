// TEMPORARY STUB so the package builds while the Porter2 implementation is written; replaced wholesale.
public struct EnglishStemmer: Sendable, Hashable {
    public init() {}
    public func stem(_ word: String) -> String { word }
}
