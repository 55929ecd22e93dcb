package com.eventphotos.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lines one logger category writes while a test runs (Quarkus' JBoss LogManager serves {@code
 * java.util.logging} loggers): open before the action, read, close.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(formatted(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLog(String category) {
        logger = Logger.getLogger(category);
        logger.addHandler(handler);
    }

    public static CapturedLog of(String category) {
        return new CapturedLog(category);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    /** JBoss Logging's printf-style calls ({@code debugf}) leave the format and its parameters apart. */
    private static String formatted(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            return record.getLevel().intValue() <= Level.INFO.intValue() && message.contains("%")
                    ? String.format(message, parameters)
                    : message;
        } catch (java.util.IllegalFormatException e) {
            return message;
        }
    }
}
