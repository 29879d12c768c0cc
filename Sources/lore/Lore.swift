import ArgumentParser

@main
struct Lore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lore",
        abstract: "A self-hosted knowledge base with a client registry.",
        subcommands: [Serve.self, Import.self, Export.self, Backup.self, RestoreCommand.self, Reindex.self, UserCommand.self],
        defaultSubcommand: Serve.self)
}
