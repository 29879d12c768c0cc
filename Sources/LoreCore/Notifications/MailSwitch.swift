import Synchronization

/// Whether e-mail is on: a mail program is configured. When it is off nothing is queued, and
/// invitations show their link to the administrator instead.
public final class MailSwitch: Sendable {
    private let on = Atomic<Bool>(false)

    public init() {}

    public var isOn: Bool { on.load(ordering: .relaxed) }

    public func set(_ value: Bool) {
        on.store(value, ordering: .relaxed)
    }
}
