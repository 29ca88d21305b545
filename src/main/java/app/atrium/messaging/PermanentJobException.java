package app.atrium.messaging;

/** A job that can never succeed (malformed payload, missing subject): dead-lettered at once. */
public class PermanentJobException extends RuntimeException {

    public PermanentJobException(String message) {
        super(message);
    }

    public PermanentJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
