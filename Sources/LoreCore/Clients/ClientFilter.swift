import Foundation

/// What the client list is narrowed to and how it is ordered.
public struct ClientFilter: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        case name
        case status
        case lastContact
        case updated
    }

    /// When the client was last contacted: within the last `days`, or not for longer (or never).
    public enum LastContact: Sendable, Equatable {
        case within(days: Int)
        case notWithin(days: Int)
    }

    /// What was typed in the search box: see ``ClientLookup``.
    public var text: String?
    public var status: ClientStatus?
    public var segment: String?
    public var managerId: Int64?
    public var tag: String?
    /// By what the purchases say (``ClientAnalysis``).
    public var rfm: ClientAnalysis.Segment?
    public var abc: ClientAnalysis.ABC?
    /// The cards those two leave, worked out before the query: see ``ClientQueries/resolved(_:for:)``.
    var onlyIds: Set<Int64>?
    public var lastContact: LastContact?
    /// Conditions on the fields administrators added.
    public var custom: [FieldMatch] = []

    /// A custom field holding `value` — exactly for choices, numbers, dates and yes/no, as a part
    /// of the text otherwise; on the card, or on one of its people.
    public struct FieldMatch: Sendable, Equatable {
        public let key: String
        public let value: String
        public let exact: Bool
        public let ofContact: Bool

        public init(key: String, value: String, exact: Bool, ofContact: Bool = false) {
            self.key = key
            self.value = value
            self.exact = exact
            self.ofContact = ofContact
        }
    }
    public var sort = Sort.name
    public var descending = false

    public init() {}

    /// The filter in words, for the audit log of exports.
    public var summary: String {
        var parts: [String] = []
        if let text { parts.append("text=\(text)") }
        if let status { parts.append("status=\(status.rawValue)") }
        if let segment { parts.append("segment=\(segment)") }
        if let managerId { parts.append("manager=\(managerId)") }
        if let tag { parts.append("tag=\(tag)") }
        if let rfm { parts.append("rfm=\(rfm.rawValue)") }
        if let abc { parts.append("abc=\(abc.rawValue)") }
        for match in custom { parts.append("\(match.ofContact ? "contact." : "")\(match.key)\(match.exact ? "=" : "~")\(match.value)") }
        switch lastContact {
        case .within(let days): parts.append("contacted within \(days) days")
        case .notWithin(let days): parts.append("not contacted for \(days) days")
        case nil: break
        }
        return parts.isEmpty ? "all" : parts.joined(separator: ", ")
    }
}
