package io.jplay.connection.ssh;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a host's key against known_hosts files as OpenSSH's StrictHostKeyChecking does, and remembers why a
 * key was refused so that the unreachable message can say what to do. The host and port checked are the
 * configured ones, not the socket's, so a key is checked for the real host even through a ProxyCommand bridge.
 */
final class HostKeyCheck implements HostKeyVerifier {

    /** Why the last key was refused, or null. */
    private volatile String refusal;
    private final SshSettings settings;

    HostKeyCheck(SshSettings settings) {
        this.settings = settings;
    }

    String refusal() {
        return refusal;
    }

    /** How OpenSSH names a host in known_hosts: {@code host}, or {@code [host]:port} off port 22. */
    String knownHostsName() {
        return settings.port() == 22 ? settings.host() : "[" + settings.host() + "]:" + settings.port();
    }

    @Override
    public boolean verify(String socketHost, int socketPort, PublicKey key) {
        if (settings.hostKeyChecking() == SshSettings.HostKeyChecking.NO) {
            return true;
        }
        KeyType type = KeyType.fromKey(key);
        String name = knownHostsName();
        for (Path file : settings.knownHostsFiles()) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                for (OpenSSHKnownHosts.KnownHostEntry entry : entries(file)) {
                    if (entry.appliesTo(type, name)) {
                        if (entry.verify(key)) {
                            return true;
                        }
                        refusal = "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! The " + label(type)
                                + " host key sent by " + name + " (" + fingerprint(key) + ") is not the one recorded for it in "
                                + file + ": the host was reinstalled, or someone is intercepting the connection."
                                + " If the change is expected, remove the old key with: ssh-keygen -f \"" + file + "\" -R \""
                                + name + "\". Host key for " + name + " has changed and you have requested strict checking."
                                + " Host key verification failed.";
                        return false;
                    }
                }
            } catch (IOException e) {
                refusal = "cannot read known hosts file " + file + ": " + e.getMessage();
                return false;
            }
        }
        if (settings.hostKeyChecking() == SshSettings.HostKeyChecking.ACCEPT_NEW) {
            remember(name, key);
            return true;
        }
        refusal = "No " + label(type) + " host key is known for " + name + " (" + fingerprint(key)
                + ") and you have requested strict checking. Add it to " + describeFiles()
                + " (ssh-keyscan -p " + settings.port() + " " + settings.host() + "), or set host_key_checking = False"
                + " / -o StrictHostKeyChecking=accept-new. Host key verification failed.";
        return false;
    }

    /** OpenSSH's name for a key type in its messages: ED25519, RSA, ECDSA. */
    private static String label(KeyType type) {
        String name = type.toString();
        if (name.startsWith("ecdsa")) {
            return "ECDSA";
        }
        return name.replaceFirst("^ssh-", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The fingerprint as ssh prints it: SHA256 of the key blob, base64 without padding. */
    static String fingerprint(PublicKey key) {
        byte[] blob = new net.schmizz.sshj.common.Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            return SecurityUtils.getFingerprint(key);
        }
    }

    /** A parsed known_hosts file, valid while the file keeps its modification time and size. */
    private record Parsed(FileTime modified, long size, List<OpenSSHKnownHosts.KnownHostEntry> entries) {
    }

    private static final Map<Path, Parsed> PARSED = new HashMap<>();

    /**
     * The file's entries, parsed once per run (again when it changes, as accept-new appends to it): parsing
     * decodes every key in the file, and with a known_hosts of a few hundred hosts doing that for each connection
     * cost more CPU than the connections themselves (half of jplay's CPU at 50 hosts).
     */
    private static synchronized List<OpenSSHKnownHosts.KnownHostEntry> entries(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Parsed parsed = PARSED.get(file);
        if (parsed == null || !parsed.modified().equals(attributes.lastModifiedTime()) || parsed.size() != attributes.size()) {
            parsed = new Parsed(attributes.lastModifiedTime(), attributes.size(),
                    List.copyOf(new OpenSSHKnownHosts(file.toFile()).entries()));
            PARSED.put(file, parsed);
        }
        return parsed.entries();
    }

    private String describeFiles() {
        List<Path> files = settings.knownHostsFiles();
        return files.isEmpty() ? "a known_hosts file" : files.get(0).toString();
    }

    /** accept-new: the first known_hosts file learns the key, as ssh would write it. */
    private void remember(String name, PublicKey key) {
        if (settings.knownHostsFiles().isEmpty()) {
            return;
        }
        Path file = settings.knownHostsFiles().get(0);
        try {
            net.schmizz.sshj.common.Buffer.PlainBuffer buffer = new net.schmizz.sshj.common.Buffer.PlainBuffer().putPublicKey(key);
            String line = name + " " + KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(buffer.getCompactData()) + "\n";
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            synchronized (HostKeyCheck.class) {
                Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the key is accepted for this run all the same; ssh warns likewise
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of();
    }
}
