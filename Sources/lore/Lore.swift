import ArgumentParser
import NIOCore
import NIOPosix

@main
struct Lore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lore",
        abstract: "A self-hosted knowledge base with a client registry.",
        subcommands: [Serve.self, Import.self, Export.self, Backup.self, RestoreCommand.self, Reindex.self, UserCommand.self],
        defaultSubcommand: Serve.self)

    static func main() async {
        // Swift's tasks run on the server's own event loops instead of a pool of their own, so a
        // request's handler does not hop between two sets of threads on its way in and out: a
        // cached article went from 13,500–15,800 to 17,800–18,400 requests a second. Only at the
        // start, before the first task; LORE_SEPARATE_EXECUTOR=1 keeps Swift's own pool, to compare.
        if Environment.value("LORE_SEPARATE_EXECUTOR") != "1" {
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await main(nil)
    }
}
