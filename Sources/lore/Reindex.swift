import ArgumentParser
import Foundation
import LoreCore

struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the full-text search index from the articles (in one transaction: searches keep working meanwhile).")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let (database, _) = try await common.openAsAdministrator()
        let started = Date()
        try await SearchService(database: database).reindex { done, total in
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
