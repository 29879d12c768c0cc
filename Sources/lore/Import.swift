import ArgumentParser
import Foundation
import LoreCore

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a folder of Markdown files (one folder per category). Unchanged files make no new revision.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The folder to import, laid out like Content/.")
    var directory: String

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("'\(directory)' is not a folder.")
        }
        let (database, administrator) = try await common.openAsAdministrator()
        let files = FileStore(root: URL(fileURLWithPath: common.data).appendingPathComponent("files"))
        // A line that counts up on a terminal; nothing in a log, where the summary below says it all.
        let terminal = isatty(STDERR_FILENO) == 1
        let report = try await ContentImporter(database: database, files: files)
            .importFolder(at: URL(fileURLWithPath: directory, isDirectory: true), by: administrator, progress: { done, total in
                guard terminal else { return }
                FileHandle.standardError.write(Data("\rImporting: \(done) of \(total) pages\(done == total ? "\n" : "")".utf8))
            })
        for renamed in report.renamed { print("Address made from the name: \(renamed)") }
        guard report.problems.isEmpty else {
            for problem in report.problems { print("Problem: \(problem)") }
            print("Nothing was imported: the run is all or nothing. Fix the \(report.problems.count) problems above and run it again.")
            throw ExitCode(1)
        }
        // Saved in one go, the pages left the index in many pieces: merged now rather than at night.
        try await SearchService(database: database).tidyIndex()
        print("""
            Categories created: \(report.categoriesCreated)
            Articles created: \(report.articlesCreated), updated: \(report.articlesUpdated), unchanged: \(report.articlesUnchanged)
            """)
    }
}
