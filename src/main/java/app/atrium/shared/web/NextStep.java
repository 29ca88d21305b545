package app.atrium.shared.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the client has to do next for the answer to be useful, as text and as the call to make. */
@Schema(name = "NextStep")
public record NextStep(
        @Schema(required = true) String message,
        @Schema(required = true, examples = "POST") String method,
        @Schema(required = true, examples = "/api/v1/auth/switch-clinic") String path) {
}
