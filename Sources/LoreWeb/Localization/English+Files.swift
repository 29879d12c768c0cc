extension Translations {
    /// The texts of attachments: uploading, listing and serving files.
    static let englishFiles: [String: String] = [
        "attachments": "Files",
        "attachments_hint": "Choose files, drop them on the text or paste an image; up to 25 MiB each.",
        "attach_files": "Attach files",
        "insert_file": "Insert",
        "delete_file_confirm": "Remove this file from the list? Old revisions that show it keep it.",
        "upload_empty": "The file is empty: nothing was uploaded.",
        "upload_too_large": "The file is larger than {size}, the most Lore accepts.",
        "notice_file_deleted": "The file was removed.",
        "no_attachments": "No files yet.",
    ]
}
