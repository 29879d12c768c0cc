import ArgumentParser
import Foundation
import LoreCore

/// Options every command shares. Each flag falls back to a `LORE_*` environment variable.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Data directory holding lore.sqlite (env: LORE_DATA).")
    var data: String = Environment.value("LORE_DATA") ?? "data"

    @Option(name: .long, help: "Directory with Templates/, Public/ and Content/ (env: LORE_RESOURCES).")
    var resources: String = Environment.value("LORE_RESOURCES") ?? "."

    /// The database, created if needed, and the administrator that command-line work acts as:
    /// whoever can run this command can read the database file anyway.
    func openAsAdministrator() async throws -> (AppDatabase, Principal) {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        // Opening may need the write lock for a moment, which a server under load holds in turns.
        let database = try AppDatabase.open(path: URL(fileURLWithPath: data).appendingPathComponent("lore.sqlite").path, busyTimeout: 60)
        let bootstrap = try await UserService(database: database)
            .bootstrapAdministrator(password: Environment.value("LORE_ADMIN_PASSWORD"))
        if let password = bootstrap.generatedPassword {
            print("Created the administrator account: username \(UserService.administratorUsername), password \(password) (shown once).")
        }
        guard let id = bootstrap.administrator.id, let administrator = try await PrincipalLoader(database: database).principal(userId: id) else {
            throw ValidationError("The administrator account is missing or deactivated.")
        }
        return (database, administrator)
    }
}

enum Environment {
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
