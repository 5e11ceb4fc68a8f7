package io.jplay.modules.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Controller-side checksums, hex as Ansible prints them. */
public final class Digests {
    private Digests() {
    }

    public static String sha1(byte[] data) {
        return hex("SHA-1", data);
    }

    public static String md5(byte[] data) {
        return hex("MD5", data);
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
