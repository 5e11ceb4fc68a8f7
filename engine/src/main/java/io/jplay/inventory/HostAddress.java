package io.jplay.inventory;

import io.jplay.error.JplayException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code parse_address}: splits {@code host:port}, {@code [host]:port} and bare IPv4/IPv6
 * addresses and host names (optionally with {@code [x:y]} ranges) into host and port.
 */
public record HostAddress(String host, Integer port) {

    private static final String NUMERIC_RANGE = "\\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String HEX_RANGE = "\\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\\]";
    private static final String ALNUM_RANGE = "\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String IPV6_COMPONENT = "(?:[0-9a-f]{1,4}|" + HEX_RANGE + ")";
    private static final String IPV4_COMPONENT = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NUMERIC_RANGE + ")";
    private static final String LABEL = "(?:[\\w]|" + ALNUM_RANGE + ")(?:[\\w_-]|" + ALNUM_RANGE + ")*(?<![_-])";

    private static final Pattern BRACKETED_HOSTPORT = Pattern.compile("^\\[(.+)\\]:([0-9]+)$");
    private static final Pattern HOSTPORT = Pattern.compile("^((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)$");
    static final Pattern IPV4 = Pattern.compile("^(?:" + IPV4_COMPONENT + "\\.){3}" + IPV4_COMPONENT + "$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern IPV6 = Pattern.compile(ipv6(), Pattern.CASE_INSENSITIVE);
    private static final Pattern HOSTNAME = Pattern.compile("^" + LABEL + "(?:\\." + LABEL + ")*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private static String ipv6() {
        String c = IPV6_COMPONENT;
        String v4tail = "(?:" + c + "\\.){3}" + c;
        return "^(?:"
                + "(?:" + c + ":){7}" + c
                + "|(?:" + c + ":){1,6}:"
                + "|(?:" + c + ":)(?::" + c + "){1,6}"
                + "|(?:" + c + ":){2}(?::" + c + "){1,5}"
                + "|(?:" + c + ":){3}(?::" + c + "){1,4}"
                + "|(?:" + c + ":){4}(?::" + c + "){1,3}"
                + "|(?:" + c + ":){5}(?::" + c + "){1,2}"
                + "|(?:" + c + ":){6}(?::" + c + ")"
                + "|:(?::" + c + "){1,6}"
                + "|" + c + "?::"
                + "|(?:0:){6}" + v4tail
                + "|::(?:ffff:)?" + v4tail
                + "|(?:0:){5}ffff:" + v4tail
                + ")$";
    }

    /**
     * Parses an address; throws "Not a valid network hostname" when it is none of IPv4, IPv6 or a host name,
     * and refuses {@code [x:y]} ranges unless {@code allowRanges}.
     */
    public static HostAddress parse(String address, boolean allowRanges) {
        Integer port = null;
        for (Pattern p : new Pattern[]{BRACKETED_HOSTPORT, HOSTPORT}) {
            Matcher m = p.matcher(address);
            if (m.matches()) {
                address = m.group(1);
                port = Integer.valueOf(m.group(2));
            }
        }
        String host = null;
        for (Pattern p : new Pattern[]{IPV4, IPV6, HOSTNAME}) {
            if (p.matcher(address).matches()) {
                host = address;
            }
        }
        if (host == null) {
            throw new JplayException("Not a valid network hostname: " + address);
        }
        if (!allowRanges && host.contains("[")) {
            throw new JplayException("Detected range in host but was asked to ignore ranges");
        }
        return new HostAddress(host, port);
    }

    /** True if the name is an IPv4 or IPv6 address (inventory_hostname_short keeps those whole). */
    public static boolean isIpAddress(String name) {
        return IPV4.matcher(name).matches() || IPV6.matcher(name).matches();
    }
}
