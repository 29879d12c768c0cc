extension Translations {
    /// The texts of attachments, in Russian.
    static let russianFiles: [String: String] = [
        "attachments": "Файлы",
        "attachments_hint": "Выберите файлы, перетащите их на текст или вставьте картинку; до 25 МиБ каждый.",
        "attach_files": "Прикрепить файлы",
        "insert_file": "Вставить",
        "delete_file_confirm": "Убрать файл из списка? Старые версии, где он показан, его сохранят.",
        "upload_empty": "Файл пустой: ничего не загружено.",
        "upload_too_large": "Файл больше {size} — это предел для Lore.",
        "notice_file_deleted": "Файл убран.",
        "no_attachments": "Файлов пока нет.",
    ]
}
