package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ansible.utils IP filters kubespray relies on: ipaddr, ipv4, ipv6, ipwrap, ipmath, next_nth_usable,
 * previous_nth_usable, nthhost, ipsubnet; each also under its {@code ansible.utils.} name. Results follow
 * ansible.utils' ipaddr_utils: a query that does not apply gives None (null), an invalid value False.
 */
public final class NetworkFilters {

    private static final Set<String> QUERIES = Set.of("", "address", "ip", "address/prefix", "host/prefix", "gateway",
            "gw", "hostnet", "router", "bool", "broadcast", "cidr", "first_usable", "host", "hostmask", "wildcard", "int",
            "ip/prefix", "ip_netmask", "ipv4", "v4", "ipv6", "v6", "last_usable", "link-local", "lo", "loopback",
            "multicast", "net", "next_usable", "netmask", "network", "network_id", "network/prefix", "subnet",
            "network_netmask", "network_wildcard", "prefix", "previous_usable", "private", "public", "range_usable",
            "revdns", "size", "size_usable", "type", "unicast", "version", "wrap", "peer");

    private NetworkFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        add(filters, "ipaddr", (value, args) -> ipaddr(value, args.get(0, "query", ""), 0, "ipaddr"));
        add(filters, "ipv4", (value, args) -> ipaddr(value, args.get(0, "query", ""), 4, "ipv4"));
        add(filters, "ipv6", (value, args) -> ipaddr(value, args.get(0, "query", ""), 6, "ipv6"));
        add(filters, "ipwrap", (value, args) -> ipwrap(value, args.get(0, "query", "")));
        add(filters, "ipmath", (value, args) -> ipmath(value, args.get(0, "amount", null)));
        add(filters, "next_nth_usable", (value, args) -> nthUsable(value, args.get(0, "offset", null), 1));
        add(filters, "previous_nth_usable", (value, args) -> nthUsable(value, args.get(0, "offset", null), -1));
        add(filters, "nthhost", (value, args) -> nthhost(value, args.get(0, "query", null)));
        add(filters, "ipsubnet", (value, args) -> ipsubnet(value, args.get(0, "query", ""), args.get(1, "index", null)));
        return filters;
    }

    private static void add(List<AnsibleFilter> filters, String name, AnsibleFilter.SimpleBody body) {
        filters.add(AnsibleFilter.of(name, body));
        filters.add(AnsibleFilter.of("ansible.utils." + name, body));
        filters.add(AnsibleFilter.of("ansible.netcommon." + name, body));
    }

    /** Parses a value as ipaddr does; null when it is no address (the filter then answers False). */
    static IpNetwork parse(Object value, int version) {
        if (value instanceof Number n && Py.isIntegral(n) || value instanceof CharSequence s && s.toString().matches("\\d+")) {
            BigInteger number = new BigInteger(Py.str(value));
            if (version != 6 && number.bitLength() <= 32) {
                return new IpNetwork(4, number, 32);
            }
            return number.bitLength() <= 128 ? new IpNetwork(6, number, 128) : null;
        }
        return value instanceof CharSequence s ? IpNetwork.parse(s.toString()) : null;
    }

    public static Object ipaddr(Object value, Object queryArg, int version, String alias) {
        String query = Py.str(queryArg == null ? "" : queryArg);
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (Object element : list) {
                Object item = ipaddr(Py.plain(element), query, version, alias);
                if (Py.truthy(item)) {
                    result.add(item);
                }
            }
            return result;
        }
        if (!Py.truthy(value) || Boolean.TRUE.equals(value)) {
            if (value == null) {
                throw new JplayException("Unrecognized type <<class 'NoneType'>> for " + alias + " filter <value>");
            }
            return false;
        }
        if (!(value instanceof CharSequence) && !(value instanceof Number)) {
            throw new JplayException("Unrecognized type <" + "<class '" + Py.typeName(value) + "'>> for " + alias
                    + " filter <value>");
        }
        IpNetwork v = parse(value, version);
        if (v == null) {
            return false;
        }
        String vtype = Py.str(value).contains("/") ? "network" : "address";
        String original = Py.str(value);
        if (value instanceof Number || original.matches("\\d+")) {
            original = v.toString();
            vtype = "address";
        }
        IpNetwork lookupSubnet = null;
        if (!query.isEmpty() && !QUERIES.contains(query) && !query.matches("-?\\d+")) {
            IpNetwork subnet = IpNetwork.parse(query);
            if (subnet != null && query.contains("/") || subnet != null) {
                lookupSubnet = subnet;
            }
        }
        if (version != 0 && v.version() != version) {
            return false;
        }
        if (lookupSubnet != null) {
            return lookupSubnet.contains(v) ? original : null;
        }
        return query(v, query, vtype, original, alias);
    }

    private static Object query(IpNetwork v, String query, String vtype, String value, String alias) {
        BigInteger size = v.size();
        boolean single = size.equals(BigInteger.ONE);
        boolean isNetwork = v.ip().equals(v.network());
        switch (query) {
            case "":
                return vtype.equals("address") ? v.address() : v.toString();
            case "address":
            case "ip":
                if (single) {
                    return v.address();
                }
                if (!isNetwork || v.broadcast() == null || v.version() == 6) {
                    return v.address();
                }
                return null;
            case "address/prefix":
            case "host/prefix":
            case "gateway":
            case "gw":
            case "hostnet":
            case "router":
                if (size.compareTo(BigInteger.TWO) > 0 && (isNetwork || v.ip().equals(v.broadcast()))) {
                    return false;
                }
                return v.toString();
            case "bool":
                return true;
            case "broadcast":
                return size.compareTo(BigInteger.TWO) > 0 ? IpNetwork.format(v.broadcast(), v.version()) : null;
            case "cidr":
                return v.toString();
            case "host":
                if (single) {
                    return v.toString();
                }
                return !isNetwork || v.broadcast() == null ? v.toString() : null;
            case "hostmask":
            case "wildcard":
                return IpNetwork.format(v.hostmask(), v.version());
            case "int":
                return vtype.equals("address") ? (Object) v.ip().longValue() : v.ip() + "/" + v.prefix();
            case "ip/prefix":
                if (size.equals(BigInteger.TWO) || (size.compareTo(BigInteger.ONE) > 0 && !isNetwork)) {
                    return v.toString();
                }
                return null;
            case "ip_netmask":
                if (size.equals(BigInteger.TWO) || (size.compareTo(BigInteger.ONE) > 0 && !isNetwork)) {
                    return v.address() + " " + IpNetwork.format(v.netmask(), v.version());
                }
                return null;
            case "ipv4":
            case "v4":
                if (v.version() == 6) {
                    BigInteger high = v.ip().shiftRight(32);
                    if (high.equals(BigInteger.ZERO) || high.equals(BigInteger.valueOf(0xffff))) {
                        return new IpNetwork(4, v.ip().and(BigInteger.valueOf(0xffffffffL)), Math.max(0, v.prefix() - 96)).toString();
                    }
                    return false;
                }
                return value;
            case "ipv6":
            case "v6":
                if (v.version() == 4) {
                    return new IpNetwork(6, v.ip().or(BigInteger.valueOf(0xffff).shiftLeft(32)), v.prefix() + 96).toString();
                }
                return value;
            case "first_usable":
            case "last_usable":
            case "next_usable":
            case "previous_usable":
            case "range_usable":
                return usable(v, query, vtype);
            case "link-local":
                return (v.version() == 4 ? IpNetwork.parse("169.254.0.0/16") : IpNetwork.parse("fe80::/10"))
                        .contains(v.withIp(v.ip()).withPrefix()) ? value : null;
            case "lo":
            case "loopback":
                return (v.version() == 4 ? IpNetwork.parse("127.0.0.0/8") : IpNetwork.parse("::1/128")).contains(v.withPrefix())
                        ? value : null;
            case "multicast":
                return (v.version() == 4 ? IpNetwork.parse("224.0.0.0/4") : IpNetwork.parse("ff00::/8")).contains(v) ? value : null;
            case "net":
                return size.compareTo(BigInteger.ONE) > 0 && isNetwork ? v.toString() : null;
            case "netmask":
                return IpNetwork.format(v.netmask(), v.version());
            case "network":
            case "network_id":
                return IpNetwork.format(v.network(), v.version());
            case "network/prefix":
            case "subnet":
                return IpNetwork.format(v.network(), v.version()) + "/" + v.prefix();
            case "network_netmask":
                return IpNetwork.format(v.network(), v.version()) + " " + IpNetwork.format(v.netmask(), v.version());
            case "network_wildcard":
                return IpNetwork.format(v.network(), v.version()) + " " + IpNetwork.format(v.hostmask(), v.version());
            case "prefix":
                return (long) v.prefix();
            case "private":
                return isPrivate(v) ? value : null;
            case "public":
                return !isPrivate(v.withPrefix()) && !isSpecial(v.withPrefix()) ? value : null;
            case "revdns":
                return revdns(v);
            case "size":
                return size.longValue();
            case "size_usable":
                return single ? 0L : size.equals(BigInteger.TWO) ? 2L : size.longValue() - 2;
            case "type":
                return single || !isNetwork ? "address" : "network";
            case "unicast":
                return (v.version() == 4 ? IpNetwork.parse("224.0.0.0/4") : IpNetwork.parse("ff00::/8")).contains(v) ? null : value;
            case "version":
                return (long) v.version();
            case "wrap":
                if (v.version() == 6) {
                    return vtype.equals("address") ? "[" + v.address() + "]" : "[" + v.address() + "]/" + v.prefix();
                }
                return value;
            default:
                if (query.matches("-?\\d+")) {
                    if (single) {
                        return vtype.equals("address") ? v.address() : v.toString();
                    }
                    BigInteger index = new BigInteger(query);
                    BigInteger address = index.signum() >= 0 ? v.network().add(index) : v.last().add(index).add(BigInteger.ONE);
                    if (address.compareTo(v.network()) < 0 || address.compareTo(v.last()) > 0) {
                        return false;
                    }
                    return IpNetwork.format(address, v.version()) + "/" + v.prefix();
                }
                throw new JplayException(alias + ": unknown filter type: " + query);
        }
    }

    private static Object usable(IpNetwork v, String query, String vtype) {
        if (vtype.equals("address")) {
            throw new JplayException("Not a network address");
        }
        BigInteger size = v.size();
        if (size.compareTo(BigInteger.ONE) <= 0) {
            return null;
        }
        BigInteger first = size.equals(BigInteger.TWO) ? v.network() : v.network().add(BigInteger.ONE);
        BigInteger last = size.equals(BigInteger.TWO) ? v.last() : v.last().subtract(BigInteger.ONE);
        switch (query) {
            case "first_usable":
                return IpNetwork.format(first, v.version());
            case "last_usable":
                return IpNetwork.format(last, v.version());
            case "range_usable":
                return IpNetwork.format(first, v.version()) + "-" + IpNetwork.format(last, v.version());
            default:
                BigInteger next = query.equals("next_usable") ? v.ip().add(BigInteger.ONE) : v.ip().subtract(BigInteger.ONE);
                return next.compareTo(first) >= 0 && next.compareTo(last) <= 0 ? IpNetwork.format(next, v.version()) : null;
        }
    }

    private static final List<String> PRIVATE = List.of("10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.0.0.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "239.0.0.0/8", "fc00::/7", "fec0::/10");

    private static boolean isPrivate(IpNetwork v) {
        for (String range : PRIVATE) {
            if (IpNetwork.parse(range).contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** Loopback, link-local, multicast and reserved ranges: not public. */
    private static boolean isSpecial(IpNetwork v) {
        for (String range : List.of("127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4", "0.0.0.0/8",
                "::1/128", "fe80::/10", "ff00::/8", "::/128")) {
            if (IpNetwork.parse(range).contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static String revdns(IpNetwork v) {
        StringBuilder out = new StringBuilder();
        if (v.version() == 4) {
            String[] octets = v.address().split("\\.");
            for (int i = 3; i >= 0; i--) {
                out.append(octets[i]).append('.');
            }
            return out.append("in-addr.arpa.").toString();
        }
        String hex = String.format("%032x", v.ip());
        for (int i = 31; i >= 0; i--) {
            out.append(hex.charAt(i)).append('.');
        }
        return out.append("ip6.arpa.").toString();
    }

    /** ipwrap: IPv6 addresses in brackets; anything else unchanged. */
    static Object ipwrap(Object value, Object query) {
        try {
            if (value instanceof List<?> list) {
                List<Object> result = new ArrayList<>();
                for (Object element : list) {
                    Object plain = Py.plain(element);
                    result.add(Py.truthy(ipaddr(plain, query, 0, "ipwrap")) ? ipaddr(plain, "wrap", 0, "ipwrap") : plain);
                }
                return result;
            }
            Object result = ipaddr(value, query, 0, "ipwrap");
            return Py.truthy(result) ? ipaddr(result, "wrap", 0, "ipwrap") : value;
        } catch (JplayException e) {
            return value;
        }
    }

    static String ipmath(Object value, Object amount) {
        String text = Py.str(value);
        IpNetwork ip = IpNetwork.parse(text);
        if (ip == null || (!text.contains("/") && ip.prefix() != ip.width())) {
            throw new JplayException("You must pass a valid IP address; " + text + " is invalid");
        }
        if (!(amount instanceof Number n) || !Py.isIntegral(n)) {
            throw new JplayException("You must pass an integer for arithmetic; " + Py.str(amount) + " is not a valid integer");
        }
        BigInteger result = ip.ip().add(BigInteger.valueOf(n.longValue()));
        if (result.signum() < 0 || result.bitLength() > ip.width()) {
            throw new JplayException("You must pass a valid IP address; " + text + " is invalid");
        }
        return IpNetwork.format(result, ip.version());
    }

    /** next_nth_usable / previous_nth_usable: the address offset hosts away, if still usable in the network. */
    static Object nthUsable(Object value, Object offset, int direction) {
        String name = direction > 0 ? "next_nth_usable" : "previous_nth_usable";
        IpNetwork v = Py.truthy(ipaddr(value, "", 0, name)) ? parse(value, 0) : null;
        if (v == null) {
            return false;
        }
        if (!(offset instanceof Number n) || !Py.isIntegral(n)) {
            throw new JplayException("Must pass in an integer");
        }
        if (v.size().compareTo(BigInteger.ONE) <= 0) {
            return null;
        }
        BigInteger first = v.size().equals(BigInteger.TWO) ? v.network() : v.network().add(BigInteger.ONE);
        BigInteger last = v.size().equals(BigInteger.TWO) ? v.last() : v.last().subtract(BigInteger.ONE);
        BigInteger candidate = v.ip().add(BigInteger.valueOf(direction * n.longValue()));
        if (candidate.compareTo(first) >= 0 && candidate.compareTo(last) <= 0) {
            return IpNetwork.format(candidate, v.version());
        }
        return null;
    }

    /** nthhost(n): the n-th address of the network (negative from the end), False outside it. */
    static Object nthhost(Object value, Object query) {
        IpNetwork v = value instanceof CharSequence s ? IpNetwork.parse(s.toString()) : null;
        if (v == null) {
            return false;
        }
        Long n = Py.toLongOrNull(query);
        if (n == null) {
            return false;
        }
        BigInteger address = n >= 0 ? v.network().add(BigInteger.valueOf(n)) : v.last().add(BigInteger.valueOf(n + 1));
        if (address.compareTo(v.network()) < 0 || address.compareTo(v.last()) > 0) {
            return false;
        }
        return IpNetwork.format(address, v.version());
    }

    /**
     * ipsubnet(prefix): how many subnets of that size fit (a network), or its supernet of that size (an
     * address); ipsubnet(prefix, index): the index-th of those subnets, or of the address's supernets.
     */
    static Object ipsubnet(Object value, Object query, Object index) {
        IpNetwork parsed = value instanceof CharSequence s ? IpNetwork.parse(s.toString()) : null;
        if (parsed == null) {
            return false;
        }
        IpNetwork v = new IpNetwork(parsed.version(), parsed.network(), parsed.prefix());
        boolean address = v.size().equals(BigInteger.ONE);
        String q = Py.str(query);
        if (q.isEmpty()) {
            return v.toString();
        }
        if (!q.matches("\\d+")) {
            throw new JplayException("ipsubnet: only a prefix length query is supported by jplay, not " + q);
        }
        int newPrefix = Integer.parseInt(q);
        if (newPrefix > v.width()) {
            return false;
        }
        if (address) {
            // netaddr's supernet(newPrefix): the supernets from /newPrefix up to /(prefix-1)
            int i = index == null ? 0 : Py.toLongOrNull(index).intValue();
            int count = v.prefix() - newPrefix;
            if (i < 0) {
                i += count;
            }
            if (i < 0 || i >= count) {
                return false;
            }
            int prefix = newPrefix + i;
            return new IpNetwork(v.version(), v.ip().and(IpNetwork.maskOf(prefix, v.width())), prefix).toString();
        }
        if (newPrefix < v.prefix()) {
            throw new JplayException("Requested subnet size of " + newPrefix + " is invalid");
        }
        BigInteger count = BigInteger.ONE.shiftLeft(newPrefix - v.prefix());
        if (index == null) {
            return count.toString();
        }
        long i = Py.toLongOrNull(index);
        BigInteger position = BigInteger.valueOf(i < 0 ? count.longValue() + i : i);
        if (position.signum() < 0 || position.compareTo(count) >= 0) {
            return false;
        }
        BigInteger step = BigInteger.ONE.shiftLeft(v.width() - newPrefix);
        return IpNetwork.format(v.network().add(step.multiply(position)), v.version()) + "/" + newPrefix;
    }
}
