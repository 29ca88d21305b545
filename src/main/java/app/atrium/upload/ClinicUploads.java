package app.atrium.upload;

import java.util.UUID;

/** What other features may read of uploads: a clinic's finished upload of one purpose. */
public interface ClinicUploads {

    /**
     * The clinic's READY upload {@code id} of {@code purpose}, with download URLs: 404 when it is
     * not that clinic's or not of that purpose, 409 while it is not READY.
     */
    UploadView.Details readyClinicUpload(UUID id, UUID clinicId, UploadPurpose purpose);
}
