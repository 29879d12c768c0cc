/// What a password must be: long enough, and not one of the passwords attackers try first.
enum PasswordPolicy {
    static let minimumLength = 10

    static func problem(with password: String) -> ValidationError.Problem? {
        if password.count < minimumLength { return .tooShort(minimum: minimumLength) }
        if common.contains(password.lowercased()) { return .tooCommon }
        return nil
    }

    /// The most common passwords of at least the minimum length, from public breach lists.
    static let common: Set<String> = [
        "1234567890", "12345678910", "123456789a", "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "password1",
        "password12", "password123", "password1234", "qwerty1234", "qwerty12345", "iloveyou12", "abcdefghij",
        "0987654321", "1111111111", "0000000000", "123123123123", "administrator", "welcome123", "letmein123",
        "passw0rd123", "qwertyuiop123", "zaq12wsxcde", "1234qwerasdf", "asdfghjkl1", "changeme123",
        "йцукенгшщз", "пароль1234", "qwerty123456", "1q2w3e4r5t6y", "parol12345", "password!1",
    ]
}
