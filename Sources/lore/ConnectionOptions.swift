import ArgumentParser
import Hummingbird
import LoreWeb

/// How long the server waits for slow clients, how many connections one address may hold, and
/// which reverse proxy's `X-Forwarded-For` names the real client.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds a connection has to send a whole request head (env: LORE_HEAD_TIMEOUT).")
    var headTimeout: Int = Environment.value("LORE_HEAD_TIMEOUT").flatMap { Int($0) } ?? 20

    @Option(name: .long, help: "Longest pause, in seconds, while a request body arrives (env: LORE_BODY_TIMEOUT).")
    var bodyTimeout: Int = Environment.value("LORE_BODY_TIMEOUT").flatMap { Int($0) } ?? 30

    @Option(name: .long, help: "Seconds from a request to the start of its answer before the connection is closed (env: LORE_REQUEST_TIMEOUT).")
    var requestTimeout: Int = Environment.value("LORE_REQUEST_TIMEOUT").flatMap { Int($0) } ?? 120

    @Option(name: .long, help: "Open connections one client address may hold (env: LORE_MAX_CONNECTIONS_PER_ADDRESS).")
    var maxConnectionsPerAddress: Int = Environment.value("LORE_MAX_CONNECTIONS_PER_ADDRESS").flatMap { Int($0) } ?? 128

    @Option(name: .long, parsing: .singleValue,
            help: "Address of a reverse proxy whose X-Forwarded-For is believed; repeat for several (env: LORE_TRUSTED_PROXIES, comma-separated).")
    var trustedProxy: [String] = (Environment.value("LORE_TRUSTED_PROXIES") ?? "").split(separator: ",").map(String.init)

    func validate() throws {
        for (name, value) in [("--head-timeout", headTimeout), ("--body-timeout", bodyTimeout), ("--request-timeout", requestTimeout)] {
            guard (1...3600).contains(value) else { throw ValidationError("\(name) must be between 1 and 3600 seconds.") }
        }
        guard (1...100_000).contains(maxConnectionsPerAddress) else {
            throw ValidationError("--max-connections-per-address must be between 1 and 100000.")
        }
    }

    var limits: ConnectionLimits {
        ConnectionLimits(headTimeout: .seconds(Int64(headTimeout)), bodyTimeout: .seconds(Int64(bodyTimeout)),
                         requestTimeout: .seconds(Int64(requestTimeout)), maxConnectionsPerAddress: maxConnectionsPerAddress)
    }
}
