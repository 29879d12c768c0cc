extension Translations {
    /// The texts of API tokens, in Russian.
    static let russianApi: [String: String] = [
        "api_tokens": "Токены API",
        "api_tokens_intro": "Токен позволяет программе работать с API Lore от вашего имени — с вашими правами, и не больше; передавайте его как «Authorization: Bearer …».",
        "token_shown_once": "Ваш новый токен. Скопируйте его сейчас: он показывается только один раз.",
        "token_name": "Название",
        "token_name_hint": "Что его использует, например синхронизация с CRM",
        "token_expiry": "Срок действия (дней)",
        "token_never_expires": "Бессрочно",
        "token_read_only_hint": "Только чтение (токен ничего не может изменить)",
        "token_create": "Создать токен",
        "token_revoke": "Отозвать",
        "token_revoke_confirm": "Отозвать токен? Программы, которые им пользуются, сразу перестанут работать.",
        "token_created": "создан {date}",
        "token_read_only": "только чтение",
        "token_expires": "действует до {date}",
        "token_used": "использован {date}",
        "token_revoked_on": "отозван {date}",
        "notice_token_revoked": "Токен отозван.",
    ]
}
