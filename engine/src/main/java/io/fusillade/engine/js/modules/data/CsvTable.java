package io.fusillade.engine.js.modules.data;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * A CSV file read once for {@code SharedCSV}: the header row's column names and the other
 * rows' fields, which VUs read without a copy of their own. Quoted fields (RFC 4180: commas, doubled quotes and line
 * breaks inside quotes) are understood; blank lines are skipped.
 */
public final class CsvTable {
    private final Object[] headers;
    private final String[][] rows;

    private CsvTable(Object[] headers, String[][] rows) {
        this.headers = headers;
        this.rows = rows;
    }

    /**
     * Parses {@code text}; {@code source} names the file in errors.
     *
     * @throws IllegalArgumentException for a file without a header row or with an unclosed quote
     */
    public static CsvTable parse(String text, String source) {
        List<List<String>> records = records(text, source);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + ": the CSV file is empty (it needs a header row)");
        }
        Object[] headers = records.getFirst().toArray();
        String[][] rows = new String[records.size() - 1][];
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            String[] row = new String[headers.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = c < fields.size() ? fields.get(c) : "";
            }
            rows[r - 1] = row;
        }
        return new CsvTable(headers, rows);
    }

    private static List<List<String>> records(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int quoteLine = 0;
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                quoteLine = line;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                if (any || !field.isEmpty()) {
                    fields.add(field.toString());
                    records.add(fields);
                    fields = new ArrayList<>();
                    field.setLength(0);
                    any = false;
                }
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ":" + quoteLine + ": unclosed quote in the CSV file");
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** The column names. */
    @HostAccess.Export
    public ProxyArray headers() {
        return ProxyArray.fromArray(headers.clone());
    }

    @HostAccess.Export
    public int length() {
        return rows.length;
    }

    /** Row {@code index}'s fields, in column order (a missing field is empty). */
    @HostAccess.Export
    public ProxyArray row(int index) {
        return ProxyArray.fromArray((Object[]) rows[index].clone());
    }
}
