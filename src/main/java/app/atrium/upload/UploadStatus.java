package app.atrium.upload;

/** PENDING_UPLOAD → (complete) → PROCESSING → READY | REJECTED | FAILED. */
public enum UploadStatus {
    PENDING_UPLOAD,
    PROCESSING,
    READY,
    REJECTED,
    FAILED
}
