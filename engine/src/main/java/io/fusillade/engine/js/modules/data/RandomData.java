package io.fusillade.engine.js.modules.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Random test data for {@code utils}: ids, numbers, strings, e-mail addresses, phones, names, dates. */
public final class RandomData {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> FIRST = List.of("James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
            "Linda", "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
            "Charles", "Karen", "Amir", "Mei", "Sofia", "Lucas", "Aisha", "Kenji", "Olga", "Mateo", "Priya", "Noah");
    private static final List<String> LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
            "Moore", "Jackson", "Martin", "Lee", "Tanaka", "Novak", "Silva", "Khan", "Nguyen", "Kowalski", "Rossi", "Müller", "Dubois");

    private RandomData() {
    }

    /** A whole number in [min, max], both included. */
    public static long randomInt(long min, long max) {
        if (max < min) {
            throw new IllegalArgumentException("randomInt: max (" + max + ") is below min (" + min + ")");
        }
        return ThreadLocalRandom.current().nextLong(min, max + 1);
    }

    /** {@code length} characters drawn from {@code charset} (letters and digits by default). */
    public static String randomString(int length, String charset) {
        String chars = charset == null || charset.isEmpty() ? ALPHANUMERIC : charset;
        if (length < 0) {
            throw new IllegalArgumentException("randomString: length must not be negative");
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    /** An address such as {@code xk7f2b1q@test.com}. */
    public static String email() {
        return randomString(8, LOWER_ALPHANUMERIC) + "@test.com";
    }

    /** A US phone number in the fictional 555 range: {@code +1-555-NNN-NNNN}. */
    public static String phone() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "+1-555-%03d-%04d", r.nextInt(1000), r.nextInt(10_000));
    }

    /** A name as JSON {@code {"first":..,"last":..,"full":..}}. */
    public static String nameJson() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first = FIRST.get(r.nextInt(FIRST.size()));
        String last = LAST.get(r.nextInt(LAST.size()));
        return "{\"first\":\"" + first + "\",\"last\":\"" + last + "\",\"full\":\"" + first + " " + last + "\"}";
    }

    /** A date between 1 January of {@code startYear} and 31 December of {@code endYear}, as YYYY-MM-DD. */
    public static String date(int startYear, int endYear) {
        if (endYear < startYear) {
            throw new IllegalArgumentException("randomDate: end year " + endYear + " is before start year " + startYear);
        }
        long from = LocalDate.of(startYear, 1, 1).toEpochDay();
        long to = LocalDate.of(endYear, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(ThreadLocalRandom.current().nextLong(from, to + 1)).toString();
    }
}
