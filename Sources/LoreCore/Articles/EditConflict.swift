/// Someone else saved the article after this edit began. Nothing was written; the
/// caller still holds its text and gets the version that is now current.
public struct EditConflict: Error, Sendable, Equatable {
    public let current: Article
}
