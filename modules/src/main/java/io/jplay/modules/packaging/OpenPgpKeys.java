package io.jplay.modules.packaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Just enough OpenPGP (RFC 4880 packet framing, v4/v5 key fingerprints, ASCII armor) to read key IDs from a key or a
 * binary keyring and to cut keys out of one, so that apt_key needs neither gpg nor apt-key on the target.
 */
final class OpenPgpKeys {

    /** One transferable public key: its bytes in the keyring (key, user IDs, signatures, subkeys) and its key IDs. */
    record Key(String keyId, List<String> subkeyIds, byte[] bytes) {
        /** The primary key's and subkeys' 16-hex-digit IDs, as {@code apt-key adv --list-public-keys --keyid-format=long} lists them. */
        List<String> allIds() {
            List<String> ids = new ArrayList<>(List.of(keyId));
            ids.addAll(subkeyIds);
            return ids;
        }
    }

    private OpenPgpKeys() {
    }

    static boolean isArmored(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1).contains("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    }

    /** The binary packets of an armored block (what {@code gpg --dearmor} writes), or the input when it is not armored. */
    static byte[] dearmor(byte[] data) {
        if (!isArmored(data)) {
            return data;
        }
        String text = new String(data, StandardCharsets.ISO_8859_1).replace("\r", "");
        int begin = text.indexOf("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        String[] lines = text.substring(begin).split("\n");
        StringBuilder b64 = new StringBuilder();
        boolean body = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("-----END")) {
                break;
            }
            if (!body) {
                // armor headers ("Version: ...", "Comment: ...") end with an empty line
                if (line.isEmpty()) {
                    body = true;
                } else if (!line.contains(": ")) {
                    body = true;
                    b64.append(line);
                }
                continue;
            }
            if (line.startsWith("=") && line.length() == 5) {
                continue; // CRC-24
            }
            b64.append(line);
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad armor: " + e.getMessage());
        }
    }

    /** The keys of a keyring or key file (armored or binary), in order. */
    static List<Key> keys(byte[] data) {
        byte[] bin = dearmor(data);
        List<Key> keys = new ArrayList<>();
        int pos = 0;
        int keyStart = -1;
        String keyId = null;
        List<String> subs = new ArrayList<>();
        while (pos < bin.length) {
            int start = pos;
            int b = bin[pos++] & 0xff;
            if ((b & 0x80) == 0) {
                throw new IllegalArgumentException("not an OpenPGP packet at offset " + start);
            }
            int tag;
            long len;
            if ((b & 0x40) != 0) {
                tag = b & 0x3f;
                int o1 = bin[pos++] & 0xff;
                if (o1 < 192) {
                    len = o1;
                } else if (o1 < 224) {
                    len = ((o1 - 192) << 8) + (bin[pos++] & 0xff) + 192;
                } else if (o1 == 255) {
                    len = ((long) (bin[pos] & 0xff) << 24) | ((bin[pos + 1] & 0xff) << 16) | ((bin[pos + 2] & 0xff) << 8) | (bin[pos + 3] & 0xff);
                    pos += 4;
                } else {
                    throw new IllegalArgumentException("partial body length in a key packet");
                }
            } else {
                tag = (b >> 2) & 0x0f;
                int type = b & 3;
                if (type == 0) {
                    len = bin[pos++] & 0xff;
                } else if (type == 1) {
                    len = ((bin[pos] & 0xff) << 8) | (bin[pos + 1] & 0xff);
                    pos += 2;
                } else if (type == 2) {
                    len = ((long) (bin[pos] & 0xff) << 24) | ((bin[pos + 1] & 0xff) << 16) | ((bin[pos + 2] & 0xff) << 8) | (bin[pos + 3] & 0xff);
                    pos += 4;
                } else {
                    len = bin.length - pos;
                }
            }
            if (pos + len > bin.length) {
                throw new IllegalArgumentException("truncated packet at offset " + start);
            }
            byte[] body = java.util.Arrays.copyOfRange(bin, pos, (int) (pos + len));
            pos += (int) len;
            if (tag == 6) {
                if (keyId != null) {
                    keys.add(new Key(keyId, subs, java.util.Arrays.copyOfRange(bin, keyStart, start)));
                }
                keyStart = start;
                keyId = keyId(body);
                subs = new ArrayList<>();
            } else if (tag == 14 && keyId != null) {
                subs.add(keyId(body));
            }
        }
        if (keyId != null) {
            keys.add(new Key(keyId, subs, java.util.Arrays.copyOfRange(bin, keyStart, bin.length)));
        }
        return keys;
    }

    /** A key packet's 64-bit ID: the low 8 bytes of the v4 SHA-1 fingerprint, the high 8 of the v5 SHA-256 one. */
    static String keyId(byte[] body) {
        int version = body.length == 0 ? 0 : body[0];
        try {
            ByteArrayOutputStream hashed = new ByteArrayOutputStream();
            if (version == 4) {
                hashed.write(0x99);
                hashed.write(body.length >> 8);
                hashed.write(body.length);
                hashed.writeBytes(body);
                byte[] fp = MessageDigest.getInstance("SHA-1").digest(hashed.toByteArray());
                return HexFormat.of().withUpperCase().formatHex(fp, 12, 20);
            }
            if (version == 5) {
                hashed.write(0x9a);
                hashed.write(body.length >>> 24);
                hashed.write(body.length >> 16);
                hashed.write(body.length >> 8);
                hashed.write(body.length);
                hashed.writeBytes(body);
                byte[] fp = MessageDigest.getInstance("SHA-256").digest(hashed.toByteArray());
                return HexFormat.of().withUpperCase().formatHex(fp, 0, 8);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("unsupported key packet version " + version);
    }
}
