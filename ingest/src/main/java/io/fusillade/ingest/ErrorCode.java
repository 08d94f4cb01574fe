package io.fusillade.ingest;

/**
 * Why a request produced no HTTP status. Stored as its ordinal-independent code in the
 * journal; the names are what scripts see in {@code response.errorCode}.
 */
public enum ErrorCode {
    NONE(0, "", ""),
    ETIMEDOUT(1, "TIMEOUT", "request timeout"),
    ENOTFOUND(2, "DNS", "host not found"),
    ECERT(3, "TLS", "TLS handshake failed"),
    ECONNREFUSED(4, "CONNECT", "connection refused"),
    ECONNRESET(5, "RESET", "connection reset by peer"),
    EPIPE(6, "NETWORK", "broken pipe"),
    ENETWORK(7, "NETWORK", "network error"),
    /** Dropped on purpose by chaos injection; never sent. */
    EDROPPED(8, "NETWORK", "Simulated network drop");

    private static final ErrorCode[] BY_CODE = new ErrorCode[16];

    static {
        for (ErrorCode error : values()) {
            BY_CODE[error.code] = error;
        }
    }

    private final int code;
    private final String category;
    private final String message;

    ErrorCode(int code, String category, String message) {
        this.code = code;
        this.category = category;
        this.message = message;
    }

    /** The number stored in the journal. */
    public int code() {
        return code;
    }

    /** The error class scripts see in {@code response.error}: TIMEOUT, DNS, TLS, CONNECT, RESET, NETWORK. */
    public String category() {
        return category;
    }

    /** A short human-readable description. */
    public String message() {
        return message;
    }

    /** The error for a stored code; unknown codes read as {@link #ENETWORK}. */
    public static ErrorCode ofCode(int code) {
        ErrorCode error = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return error == null ? ENETWORK : error;
    }
}
