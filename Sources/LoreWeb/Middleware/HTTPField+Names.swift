import HTTPTypes

/// Header names that swift-http-types does not predefine.
extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let xCSRFToken = Self("X-CSRF-Token")!
    static let rateLimitLimit = Self("RateLimit-Limit")!
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    static let xRequestId = Self("X-Request-Id")!
    static let xForwardedFor = Self("X-Forwarded-For")!
}
