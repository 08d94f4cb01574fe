package io.fusillade.journal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fusillade.ingest.SampleCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run was: its id, script and the script's SHA-256, when it started and ended, the
 * Fusillade and journal format versions that made it, the effective options, and how it
 * ended. Stored as pretty JSON in the run folder's {@code run.json}, written once at the
 * start (no end yet) and again at the end.
 *
 * @param runId the run folder's id
 * @param scriptPath the script as the user named it
 * @param scriptSha256 lowercase hex SHA-256 of the script's bytes
 * @param startedAt when the run started
 * @param endedAt when it ended; null while it runs
 * @param fusilladeVersion the version that ran it
 * @param journalFormatVersion the record format of its journal ({@link SampleCodec#FORMAT_VERSION})
 * @param options the effective options, as JSON-like values (maps, lists, strings, numbers, booleans)
 * @param outcome how it ended (e.g. {@code passed}, {@code thresholds_failed}, {@code aborted}); null while it runs
 */
public record RunMetadata(
        String runId,
        String scriptPath,
        String scriptSha256,
        Instant startedAt,
        Instant endedAt,
        String fusilladeVersion,
        int journalFormatVersion,
        Map<String, Object> options,
        String outcome) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .build();

    public RunMetadata {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The metadata of a run that starts now, with this build's journal format version. */
    public static RunMetadata started(String runId, String scriptPath, String scriptSha256, Instant startedAt,
            String fusilladeVersion, Map<String, Object> options) {
        return new RunMetadata(runId, scriptPath, scriptSha256, startedAt, null, fusilladeVersion,
                SampleCodec.FORMAT_VERSION, options, null);
    }

    /** This run, ended at {@code endedAt} with {@code outcome}. */
    public RunMetadata ended(Instant endedAt, String outcome) {
        return new RunMetadata(runId, scriptPath, scriptSha256, startedAt, endedAt, fusilladeVersion,
                journalFormatVersion, options, outcome);
    }

    /**
     * Writes this as pretty JSON to {@code file}, replacing it atomically where the file system
     * allows, so a reader never sees half a file.
     */
    public void write(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            JSON.writeValue(temp.toFile(), this);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new JournalException("cannot write run metadata to " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A stray temp file is harmless; the real error, if any, is already on its way.
                }
            }
        }
    }

    /**
     * Reads run metadata from {@code file}.
     *
     * @throws JournalException naming the file when it is missing or not valid run metadata JSON
     */
    public static RunMetadata read(Path file) {
        try {
            RunMetadata metadata = JSON.readValue(file.toFile(), RunMetadata.class);
            if (metadata == null) {
                throw new JournalException("bad run metadata in " + file + ": the file holds no JSON object");
            }
            return metadata;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                where += " (field " + mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")) + ")";
            }
            throw new JournalException("bad run metadata in " + file + where + ": " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new JournalException("no run metadata at " + file + ": no such file", e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new JournalException("no run metadata at " + file + ": no such file", e);
            }
            throw new JournalException("cannot read run metadata from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lowercase hex SHA-256 of {@code file}'s bytes.
     *
     * @throws JournalException naming the file when it cannot be read
     */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[64 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                digest.update(chunk, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException e) {
            throw new JournalException("cannot hash the script " + file + ": no such file", e);
        } catch (IOException e) {
            throw new JournalException("cannot hash the script " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Instants as ISO-8601 text, so run.json reads well and sorts as text. */
    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "not an ISO-8601 instant such as 2026-11-26T14:44:05Z");
            }
        }
    }
}
