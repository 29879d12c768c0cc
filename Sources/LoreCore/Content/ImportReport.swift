/// What an import did, for the command line to print.
public struct ImportReport: Sendable, Equatable {
    public var categoriesCreated = 0
    public var articlesCreated = 0
    public var articlesUpdated = 0
    public var articlesUnchanged = 0
    /// Markdown files read as articles: imported, unchanged or refused.
    public var articleFilesRead = 0
    /// Files that could not be imported, with the reason; the rest of the import goes on.
    public var problems: [String] = []
    /// Files and folders whose names are not addresses, with the address made from them
    /// ("Отпуск.md → otpusk").
    public var renamed: [String] = []

    public init() {}
}
