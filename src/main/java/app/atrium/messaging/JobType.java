package app.atrium.messaging;

/** The kinds of job that cross the broker: the routing key binds each to its worker queue. */
public enum JobType {
    UPLOAD_PROCESS("upload.process", "upload.process");

    private final String type;
    private final String routingKey;

    JobType(String type, String routingKey) {
        this.type = type;
        this.routingKey = routingKey;
    }

    public String type() {
        return type;
    }

    public String routingKey() {
        return routingKey;
    }
}
