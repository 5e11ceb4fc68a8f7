package io.jplay.template.filter;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An IP address with a prefix length, as python-netaddr's IPNetwork: the address keeps its host bits
 * ({@code 10.0.0.1/24}). Parses IPv4 ({@code a.b.c.d[/len|/netmask]}) and IPv6; prints as netaddr does.
 */
public record IpNetwork(int version, BigInteger ip, int prefix) {

    public int width() {
        return version == 4 ? 32 : 128;
    }

    /** Parses text as netaddr.IPNetwork; null when it is not an address. */
    public static IpNetwork parse(String text) {
        String address = text.strip();
        String prefixText = null;
        int slash = address.indexOf('/');
        if (slash >= 0) {
            prefixText = address.substring(slash + 1);
            address = address.substring(0, slash);
        }
        BigInteger value;
        int version;
        if (address.contains(":")) {
            value = parseV6(address);
            version = 6;
        } else {
            value = parseV4(address);
            version = 4;
        }
        if (value == null) {
            return null;
        }
        int width = version == 4 ? 32 : 128;
        int prefix = width;
        if (prefixText != null) {
            if (prefixText.matches("\\d{1,3}")) {
                prefix = Integer.parseInt(prefixText);
            } else if (version == 4 && parseV4(prefixText) != null) {
                Integer fromMask = maskLength(parseV4(prefixText), 32);
                if (fromMask == null) {
                    return null;
                }
                prefix = fromMask;
            } else {
                return null;
            }
            if (prefix > width) {
                return null;
            }
        }
        return new IpNetwork(version, value, prefix);
    }

    private static Integer maskLength(BigInteger mask, int width) {
        for (int len = 0; len <= width; len++) {
            if (maskOf(len, width).equals(mask)) {
                return len;
            }
        }
        return null;
    }

    static BigInteger parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length >= 2 && parts.length < 4) {
            // netaddr reads an abbreviated address as zero-filled: 1.2.3 is 1.2.3.0
            String[] padded = {"0", "0", "0", "0"};
            System.arraycopy(parts, 0, padded, 0, parts.length);
            parts = padded;
        }
        if (parts.length != 4) {
            return null;
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}")) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            value = value * 256 + octet;
        }
        return BigInteger.valueOf(value);
    }

    static BigInteger parseV6(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Integer> tail = new ArrayList<>();
        int lastColon = lower.lastIndexOf(':');
        String hexPart = lower;
        if (lower.substring(lastColon + 1).contains(".")) {
            BigInteger v4 = parseV4(lower.substring(lastColon + 1));
            if (v4 == null) {
                return null;
            }
            tail.add(v4.intValue() >>> 16);
            tail.add(v4.intValue() & 0xffff);
            hexPart = lower.substring(0, lastColon + 1);
            if (hexPart.endsWith("::")) {
                hexPart = hexPart + "";
            } else {
                hexPart = hexPart.substring(0, hexPart.length() - 1);
            }
        }
        int doubleColon = hexPart.indexOf("::");
        if (doubleColon != hexPart.lastIndexOf("::") && doubleColon >= 0) {
            return null;
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        if (doubleColon >= 0) {
            if (!groups(hexPart.substring(0, doubleColon), head) || !groups(hexPart.substring(doubleColon + 2), rest)) {
                return null;
            }
        } else if (!groups(hexPart, head)) {
            return null;
        }
        rest.addAll(tail);
        int missing = 8 - head.size() - rest.size();
        if (missing < 0 || (doubleColon < 0 && missing != 0) || (doubleColon >= 0 && missing < 1)) {
            return null;
        }
        BigInteger value = BigInteger.ZERO;
        List<Integer> all = new ArrayList<>(head);
        for (int i = 0; i < missing; i++) {
            all.add(0);
        }
        all.addAll(rest);
        for (int group : all) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return value;
    }

    private static boolean groups(String text, List<Integer> out) {
        if (text.isEmpty()) {
            return true;
        }
        for (String group : text.split(":", -1)) {
            if (!group.matches("[0-9a-f]{1,4}")) {
                return false;
            }
            out.add(Integer.parseInt(group, 16));
        }
        return true;
    }

    static BigInteger maskOf(int prefix, int width) {
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        return all.xor(BigInteger.ONE.shiftLeft(width - prefix).subtract(BigInteger.ONE));
    }

    public BigInteger netmask() {
        return maskOf(prefix, width());
    }

    public BigInteger hostmask() {
        return BigInteger.ONE.shiftLeft(width() - prefix).subtract(BigInteger.ONE);
    }

    public BigInteger network() {
        return ip.and(netmask());
    }

    /** netaddr has no broadcast for networks of one or two addresses. */
    public BigInteger broadcast() {
        return width() - prefix <= 1 ? null : network().or(hostmask());
    }

    public BigInteger last() {
        return network().or(hostmask());
    }

    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(width() - prefix);
    }

    public IpNetwork withIp(BigInteger newIp) {
        return new IpNetwork(version, newIp, prefix);
    }

    /** The bare address as a single-address network. */
    public IpNetwork withPrefix() {
        return new IpNetwork(version, ip, width());
    }

    public String address() {
        return format(ip, version);
    }

    /** netaddr's str(IPNetwork): address/prefix, host bits kept. */
    @Override
    public String toString() {
        return address() + "/" + prefix;
    }

    public static String format(BigInteger value, int version) {
        if (version == 4) {
            long v = value.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff) {
            return "::ffff:" + format(value.and(BigInteger.valueOf(0xffffffffL)), 4);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    public boolean contains(IpNetwork other) {
        return version == other.version && other.prefix >= prefix && other.network().and(netmask()).equals(network());
    }
}
