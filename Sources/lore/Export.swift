import ArgumentParser
import Foundation
import LoreCore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every article as Markdown with front matter, in a folder per category, with its files (`lore import` reads it back), and the client registry as clients.csv.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "A new or empty folder.")
    var directory: String

    func run() async throws {
        let (database, administrator) = try await common.openAsAdministrator()
        let files = FileStore(root: URL(fileURLWithPath: common.data).appendingPathComponent("files"))
        do {
            let report = try await MarkdownExport(database: database, files: files)
                .export(to: URL(fileURLWithPath: directory, isDirectory: true), by: administrator)
            print("Exported \(report.categories) categories, \(report.articles) articles and \(report.files) files to \(directory).")
            if let rows = report.clientRows { print("The client registry is in \(MarkdownExport.clientsFile): \(rows) rows, one per person.") }
        } catch let error as ExportError {
            print(error.description)
            throw ExitCode(1)
        }
    }
}
