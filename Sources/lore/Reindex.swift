import ArgumentParser
import Foundation
import LoreCore

struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the full-text search index from the articles (in one transaction: searches keep working meanwhile).")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Only merge the index's segments, as the server does each night at 3 (quicker than a rebuild; after a big import).")
    var tidy = false

    func run() async throws {
        let (database, _) = try await common.openAsAdministrator()
        let started = Date()
        let search = SearchService(database: database)
        if tidy {
            let steps = try await search.tidyIndex()
            print("Tidied in \(steps) steps, \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
            return
        }
        try await search.reindex { done, total in
            ProgressBar.draw(done: done, total: total)
        }
        print("\nIndexed in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }
}

/// A one-line progress bar redrawn in place on the terminal.
enum ProgressBar {
    static func draw(done: Int, total: Int, width: Int = 40) {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardOutput.write(Data("\r[\(bar)] \(done)/\(total) articles".utf8))
    }
}
