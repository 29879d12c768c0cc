/// What an import did, for the command line to print.
public struct ImportReport: Sendable, Equatable {
    public var categoriesCreated = 0
    public var articlesCreated = 0
    public var articlesUpdated = 0
    public var articlesUnchanged = 0
    /// Markdown files read as articles: imported, unchanged or refused.
    public var articleFilesRead = 0
    /// Files that could not be imported, with the reason. A run with any problem writes nothing.
    public var problems: [String] = []
    /// Files and folders whose names are not addresses, with the address made from them
    /// ("Отпуск.md → otpusk").
    public var renamed: [String] = []

    public init() {}

    /// The report of a run whose writes were undone: its problems, and nothing created or changed.
    var rolledBack: ImportReport {
        var report = self
        report.categoriesCreated = 0
        report.articlesCreated = 0
        report.articlesUpdated = 0
        report.articlesUnchanged = 0
        return report
    }
}
