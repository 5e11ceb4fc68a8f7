package io.jplay.vars;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The value of {@code omit}: {@code __omit_place_holder__} followed by the SHA-1 of 64 random bytes, new for
 * each run, as Ansible makes it. A module argument equal to it is left out.
 */
public final class OmitToken {

    public static final String PREFIX = "__omit_place_holder__";

    private OmitToken() {
    }

    public static String generate() {
        byte[] random = new byte[64];
        new SecureRandom().nextBytes(random);
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(random));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
