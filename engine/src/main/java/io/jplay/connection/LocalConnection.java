package io.jplay.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs commands on the controller itself, Ansible's {@code connection: local}. Commands go through
 * {@code /bin/sh -c} with the same rendered command line an SSH exec channel would get, so modules
 * behave the same over both.
 */
public final class LocalConnection implements Connection {

    private final java.nio.file.Path workingDirectory;

    /** Commands start in this process's working directory. */
    public LocalConnection() {
        this(null);
    }

    /**
     * Commands start in {@code workingDirectory} (the run's, which may differ from the JVM's when jplay runs
     * in-process), so relative paths in tasks mean what they mean under ansible-playbook.
     */
    public LocalConnection(java.nio.file.Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String describe() {
        return "local";
    }

    @Override
    public ExecResult exec(Command command) {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command.toShellString());
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        try {
            Process process = pb.start();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            byte[] stdin = command.stdin();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException brokenPipe) {
                // the command exited without reading all of its stdin; its rc tells the story
            }
            int rc = process.waitFor();
            return new ExecResult(rc, out.join(), err.join());
        } catch (IOException e) {
            throw new ConnectionException("failed to run /bin/sh on the controller: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while running a command", e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void put(byte[] content, String remotePath, Integer mode) {
        try {
            Path target = Paths.get(remotePath);
            Files.write(target, content);
            if (mode != null) {
                Files.setPosixFilePermissions(target, permissions(mode));
            }
        } catch (IOException e) {
            throw new ConnectionException("failed to transfer file to " + remotePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(String remotePath) {
        try {
            return Files.readAllBytes(Paths.get(remotePath));
        } catch (IOException e) {
            throw new ConnectionException("failed to transfer file from " + remotePath + ": " + e, e);
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    @Override
    public void close() {
        // nothing is held open
    }
}
