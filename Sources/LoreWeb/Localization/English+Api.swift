extension Translations {
    /// The texts of API tokens.
    static let englishApi: [String: String] = [
        "api_tokens": "API tokens",
        "api_tokens_intro": "A token lets a program use Lore's API as you, with your rights and never more; send it as “Authorization: Bearer …”.",
        "token_shown_once": "Your new token. Copy it now: it is shown only this once.",
        "token_name": "Name",
        "token_name_hint": "What uses it, e.g. CRM sync",
        "token_expiry": "Expires after (days)",
        "token_never_expires": "Never",
        "token_read_only_hint": "Read only (the token cannot change anything)",
        "token_create": "Create token",
        "token_revoke": "Revoke",
        "token_revoke_confirm": "Revoke this token? Programs using it stop working at once.",
        "token_created": "created {date}",
        "token_read_only": "read only",
        "token_expires": "expires {date}",
        "token_used": "last used {date}",
        "token_revoked_on": "revoked {date}",
        "notice_token_revoked": "The token was revoked.",
    ]
}
