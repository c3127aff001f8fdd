package com.platform.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A component's log file with a size cap: when {@code NAME.log} passes {@link #maxBytes} at the end of a line it
 * becomes {@code NAME.log.1} (the older ones shift up, the oldest beyond {@link #keep} is dropped), so one
 * component that logs in a loop can never fill the disk. {@code tail -F} (./platform logs) follows the rotation.
 */
final class RollingLog {

    static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    static final int DEFAULT_KEEP = 4;

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;

    RollingLog(Path file, long maxBytes, int keep) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    /** Copies everything the stream yields until it ends (the process exited), rotating on the way. */
    void copy(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        try (in) {
            open();
            for (int read; (read = in.read(buffer)) != -1; ) {
                write(buffer, read);
            }
        }
        finally {
            if (out != null) {
                out.close();
            }
        }
    }

    private void write(byte[] buffer, int length) throws IOException {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n' && size + (i + 1 - start) >= maxBytes) {
                out.write(buffer, start, i + 1 - start);
                rotate();
                start = i + 1;
            }
        }
        out.write(buffer, start, length - start);
        out.flush();
        size += length - start;
    }

    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path rotated(int generation) {
        return file.resolveSibling(file.getFileName() + "." + generation);
    }
}
