import ArgumentParser
import Foundation

/// Options every command shares. Each flag falls back to a `LORE_*` environment variable.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Data directory holding lore.sqlite (env: LORE_DATA).")
    var data: String = Environment.value("LORE_DATA") ?? "data"

    @Option(name: .long, help: "Directory with Templates/, Public/ and Content/ (env: LORE_RESOURCES).")
    var resources: String = Environment.value("LORE_RESOURCES") ?? "."
}

enum Environment {
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
