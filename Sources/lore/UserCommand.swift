import ArgumentParser
import Foundation
import LoreCore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts from the command line.",
        subcommands: [Add.self, ResetPassword.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account (it always holds Employee) and print its generated password once.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "The username to sign in with.") var username: String
        @Option(name: .long, help: "Full name shown in the interface (default: the username).") var name: String?
        @Option(name: .long, help: "E-mail address, also accepted at sign-in.") var email: String?
        @Option(name: .long, help: "A role to hold, by name; repeat for several.") var role: [String] = []

        func run() async throws {
            let (database, administrator) = try await common.openAsAdministrator()
            let roles = try await RoleService(database: database).roles()
            let roleIds = try role.map { name -> Int64 in
                guard let id = roles.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })?.id else {
                    throw ValidationError("There is no role '\(name)'. Roles: \(roles.map(\.name).joined(separator: ", ")).")
                }
                return id
            }
            let password = UserService.randomPassword()
            _ = try await UserAdministration(database: database).create(
                username: username, displayName: name ?? username, email: email, password: .given(password),
                roleIds: Set(roleIds), by: administrator)
            print("Created \(username). Password (shown once): \(password)")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Give an account a new generated password and end its sessions.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "The username.") var username: String

        func run() async throws {
            let (database, administrator) = try await common.openAsAdministrator()
            let password = UserService.randomPassword()
            do {
                try await UserService(database: database).resetPassword(username: username, to: password, by: administrator)
            } catch is NotFound {
                throw ValidationError("There is no user '\(username)'.")
            }
            print("New password for \(username) (shown once): \(password)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts with their roles.")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let (database, administrator) = try await common.openAsAdministrator()
            for (user, roles) in try await UserService(database: database).list(by: administrator) {
                let state = user.isActive ? "" : "  (deactivated)"
                print("\(user.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(user.displayName) — \(roles.joined(separator: ", "))\(state)")
            }
        }
    }
}
