import HummingbirdBcrypt

/// bcrypt, off the request threads (see ``BlockingWork``).
enum PasswordHash {
    static func make(_ password: String, cost: UInt8) async -> String {
        await BlockingWork.passwords.run { Bcrypt.hash(password, cost: cost) }
    }

    static func matches(_ password: String, hash: String) async -> Bool {
        await BlockingWork.passwords.run { Bcrypt.verify(password, hash: hash) }
    }
}
