import ArgumentParser
import Foundation
import LoreCore

/// Where the replica's uploaded files are and which Litestream to run: shared by `serve
/// --replicate` and `restore --from-replica`.
struct ReplicaOptions: ParsableArguments {
    @Option(name: .customLong("replica-files"), help: "Folder for the replica's uploaded files; needed with a bucket (env: LORE_REPLICA_FILES; default: LOCATION/files).")
    var givenReplicaFiles: String?
    /// The option, else $LORE_REPLICA_FILES.
    var replicaFiles: String? { givenReplicaFiles ?? Environment.value("LORE_REPLICA_FILES") }

    @Option(name: .customLong("litestream"), help: "The Litestream program (env: LORE_LITESTREAM; default: litestream on the PATH).")
    var givenLitestream: String?
    /// The option, else $LORE_LITESTREAM.
    var litestream: String? { givenLitestream ?? Environment.value("LORE_LITESTREAM") }

    /// The replica at `location` and the Litestream that serves it, or a clear complaint.
    func resolve(_ location: String) throws -> (Replica, URL) {
        do {
            return (try Replica(location: location, filesFolder: replicaFiles), try Litestream.executable(litestream))
        } catch let problem as Replica.Problem {
            throw ValidationError(problem.description)
        } catch let failure as Litestream.Failed {
            throw ValidationError(failure.message)
        }
    }
}
