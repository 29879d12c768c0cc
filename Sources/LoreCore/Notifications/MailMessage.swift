import Foundation

/// An e-mail as a mail transfer agent takes it: headers (non-ASCII ones encoded per RFC 2047)
/// and a plain-text part beside an HTML one, both UTF-8.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var text: String
    public var html: String
    public var messageId: String
    /// Where the recipient stops this kind of e-mail (RFC 2369 / 8058).
    public var unsubscribe: String?
    public var date = Date()

    public init(from: String, to: String, subject: String, text: String, html: String, messageId: String, unsubscribe: String? = nil) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageId = messageId
        self.unsubscribe = unsubscribe
    }

    /// The message, lines ending in CRLF.
    public func rendered() -> String {
        let boundary = "lore-" + SecretToken.digest(messageId).prefix(24)
        var headers = [
            "From: \(Self.header(from))",
            "To: \(Self.header(to))",
            "Subject: \(Self.encoded(subject))",
            "Date: \(Self.dateFormatter.string(from: date))",
            "Message-ID: \(Self.header(messageId))",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        if let unsubscribe {
            headers.append("List-Unsubscribe: <\(Self.header(unsubscribe))>")
            headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        }
        let parts = [("text/plain", text), ("text/html", html)].map { type, body in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Self.base64Lines(body)
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined(separator: "\r\n") + "\r\n--\(boundary)--\r\n"
    }

    /// A header value with no line breaks: nothing in a title or a name can add a header.
    static func header(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }

    /// `=?UTF-8?B?…?=` in words short enough for a header line, when the text is not plain ASCII.
    static func encoded(_ value: String) -> String {
        let clean = header(value)
        guard !clean.allSatisfy({ $0.isASCII }) else { return clean }
        var words: [String] = [], current = ""
        for character in clean {
            if (current + String(character)).utf8.count > 45 {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    private static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }.joined(separator: "\r\n")
    }

    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}
