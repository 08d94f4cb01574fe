package io.fusillade.ingest;

/** The wire protocol a request used, as scripts see it in {@code response.proto}. */
public enum Protocol {
    NONE(0, ""),
    H1(1, "h1"),
    H2(2, "h2"),
    H3(3, "h3");

    private static final Protocol[] BY_CODE = new Protocol[8];

    static {
        for (Protocol value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;
    private final String label;

    Protocol(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The number stored in the journal. */
    public int code() {
        return code;
    }

    /** The label scripts see: h1, h2 or h3. */
    public String label() {
        return label;
    }

    /** The protocol for a stored code; unknown codes read as {@link #NONE}. */
    public static Protocol ofCode(int code) {
        Protocol p = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return p == null ? NONE : p;
    }
}
