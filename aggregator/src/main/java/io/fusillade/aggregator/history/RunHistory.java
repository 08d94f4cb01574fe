package io.fusillade.aggregator.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --save-history} and {@code fusillade history}: past runs in a local SQLite file
 * ({@code fusillade_history.db} by default), one row per run. The schema is created on first
 * use; every run keeps its full JSON summary, so later versions can show more of it.
 */
public final class RunHistory implements AutoCloseable {
    /** The database file's default name, in the working directory. */
    public static final String DEFAULT_FILE = "fusillade_history.db";

    private static final String COLUMNS = "id, started_at, script, run_directory, outcome, duration_secs, requests, errors, "
            + "rps, avg_ms, p95_ms, p99_ms, thresholds_passed, summary_json";

    private final Path file;
    private final Connection connection;

    private RunHistory(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating when {@code create} and missing) the history database at {@code file}.
     *
     * @throws HistoryException naming the file when it cannot be opened, is missing (and not to be
     *     created), or is not a Fusillade history database
     */
    public static RunHistory open(Path file, boolean create) {
        if (!create && !Files.exists(file)) {
            throw new HistoryException("no run history at " + file + " (runs are saved there with --save-history)");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS runs ("
                        + "id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, script TEXT NOT NULL, "
                        + "run_directory TEXT, outcome TEXT, duration_secs REAL, requests INTEGER, errors INTEGER, rps REAL, "
                        + "avg_ms REAL, p95_ms REAL, p99_ms REAL, thresholds_passed INTEGER, summary_json TEXT NOT NULL)");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new RunHistory(file, connection);
        } catch (SQLException | java.io.IOException e) {
            throw new HistoryException("cannot open the run history " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves {@code entry} (its id is ignored) and returns the id it was given. */
    public long save(HistoryEntry entry) {
        String sql = "INSERT INTO runs (" + COLUMNS.substring("id, ".length()) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, entry.startedAt().toString());
            insert.setString(2, entry.script());
            insert.setString(3, entry.runDirectory());
            insert.setString(4, entry.outcome());
            insert.setDouble(5, entry.durationSecs());
            insert.setLong(6, entry.requests());
            insert.setLong(7, entry.errors());
            insert.setDouble(8, entry.rps());
            insert.setDouble(9, entry.avgMs());
            insert.setDouble(10, entry.p95Ms());
            insert.setDouble(11, entry.p99Ms());
            insert.setInt(12, entry.thresholdsPassed() ? 1 : 0);
            insert.setString(13, entry.summaryJson());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot save the run in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code limit} most recent runs, newest first. */
    public List<HistoryEntry> recent(int limit) {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs ORDER BY id DESC LIMIT ?")) {
            query.setInt(1, limit);
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new HistoryException("cannot read the run history " + file + ": " + e.getMessage(), e);
        }
    }

    /** The run saved with {@code id}, if there is one. */
    public Optional<HistoryEntry> find(long id) {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot read the run history " + file + ": " + e.getMessage(), e);
        }
    }

    private static HistoryEntry entry(ResultSet row) throws SQLException {
        return new HistoryEntry(row.getLong("id"), Instant.parse(row.getString("started_at")), row.getString("script"),
                row.getString("run_directory"), row.getString("outcome"), row.getDouble("duration_secs"),
                row.getLong("requests"), row.getLong("errors"), row.getDouble("rps"), row.getDouble("avg_ms"),
                row.getDouble("p95_ms"), row.getDouble("p99_ms"), row.getInt("thresholds_passed") != 0,
                row.getString("summary_json"));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new HistoryException("cannot close the run history " + file + ": " + e.getMessage(), e);
        }
    }
}
