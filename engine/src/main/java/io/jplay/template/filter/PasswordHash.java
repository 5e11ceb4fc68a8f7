package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's password_hash for sha256 and sha512 ({@code $5$}/{@code $6$}, Drepper's SHA-crypt), with passlib's
 * default rounds (535000 / 656000; 5000 is written implicitly), as Ansible computes it when passlib is
 * installed. Other hash types are refused.
 */
public final class PasswordHash {

    private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[][] SHA512_ORDER = {{0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4},
        {47, 5, 26}, {6, 27, 48}, {28, 49, 7}, {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54},
        {34, 55, 13}, {56, 14, 35}, {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19}, {62, 20, 41}};
    private static final int[][] SHA256_ORDER = {{0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14},
        {15, 25, 5}, {6, 16, 26}, {27, 7, 17}, {18, 28, 8}, {9, 19, 29}};

    private PasswordHash() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.of("password_hash", PasswordHash::passwordHash));
        return filters;
    }

    static String passwordHash(Object value, Args args) {
        String type = args.string(0, "hashtype", "sha512");
        Object saltArg = args.get(1, "salt", null);
        Object saltSize = args.get(2, "salt_size", null);
        Object roundsArg = args.get(3, "rounds", null);
        boolean sha512 = switch (type) {
            case "sha512", "sha512_crypt" -> true;
            case "sha256", "sha256_crypt" -> false;
            default -> throw new JplayException("password_hash: the hash type " + type + " is not supported by jplay");
        };
        String salt = saltArg == null ? randomSalt(saltSize == null ? 16 : Py.toLongOrNull(saltSize).intValue()) : Py.str(saltArg);
        for (char c : salt.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                throw new JplayException("invalid characters in " + (sha512 ? "sha512_crypt" : "sha256_crypt") + " salt");
            }
        }
        int rounds = roundsArg == null ? (sha512 ? 656000 : 535000) : Py.toLongOrNull(roundsArg).intValue();
        return shaCrypt(Py.str(value), salt.length() > 16 ? salt.substring(0, 16) : salt, rounds, sha512);
    }

    private static String randomSalt(int size) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < size; i++) {
            salt.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return salt.toString();
    }

    /** SHA-crypt as specified by Ulrich Drepper (glibc crypt's $5$ and $6$). */
    static String shaCrypt(String password, String salt, int rounds, boolean sha512) {
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = salt.getBytes(StandardCharsets.UTF_8);
        int size = sha512 ? 64 : 32;
        byte[] b = digest(sha512, p, s, p);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.writeBytes(p);
        a.writeBytes(s);
        int count;
        for (count = p.length; count > size; count -= size) {
            a.write(b, 0, size);
        }
        a.write(b, 0, count);
        for (count = p.length; count > 0; count >>= 1) {
            a.writeBytes((count & 1) != 0 ? b : p);
        }
        byte[] c = digest(sha512, a.toByteArray());
        byte[] pSequence = sequence(digest(sha512, repeat(p, p.length)), p.length);
        byte[] sSequence = sequence(digest(sha512, repeat(s, 16 + (c[0] & 0xff))), s.length);
        for (int i = 0; i < rounds; i++) {
            ByteArrayOutputStream round = new ByteArrayOutputStream();
            round.writeBytes((i & 1) != 0 ? pSequence : c);
            if (i % 3 != 0) {
                round.writeBytes(sSequence);
            }
            if (i % 7 != 0) {
                round.writeBytes(pSequence);
            }
            round.writeBytes((i & 1) != 0 ? c : pSequence);
            c = digest(sha512, round.toByteArray());
        }
        StringBuilder out = new StringBuilder(sha512 ? "$6$" : "$5$");
        if (rounds != 5000) {
            out.append("rounds=").append(rounds).append('$');
        }
        out.append(salt).append('$');
        for (int[] group : sha512 ? SHA512_ORDER : SHA256_ORDER) {
            encode(out, c[group[0]], c[group[1]], c[group[2]], 4);
        }
        if (sha512) {
            encode(out, (byte) 0, (byte) 0, c[63], 2);
        } else {
            encode(out, (byte) 0, c[31], c[30], 3);
        }
        return out.toString();
    }

    private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int chars) {
        int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
        for (int i = 0; i < chars; i++) {
            out.append(ALPHABET.charAt(w & 0x3f));
            w >>= 6;
        }
    }

    private static byte[] repeat(byte[] bytes, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] sequence(byte[] digest, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = digest[i % digest.length];
        }
        return out;
    }

    private static byte[] digest(boolean sha512, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance(sha512 ? "SHA-512" : "SHA-256");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
