package io.fusillade.journal;

import java.nio.file.Path;

/** Opens a journal writer and prints the error a user would see, if any. */
public final class OpenWriterMain {
    private OpenWriterMain() {
    }

    public static void main(String[] args) {
        try {
            new JournalWriter(Path.of(args[0])).close();
            System.out.println("opened");
        } catch (JournalException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
