/// Where a field stands on the card and in its form.
public enum FieldSection: String, Sendable, CaseIterable {
    case main
    case contacts
    case legal
    case notes
    /// Fields an administrator added.
    case custom
}
