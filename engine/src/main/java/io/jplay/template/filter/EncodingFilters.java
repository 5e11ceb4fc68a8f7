package io.jplay.template.filter;

import io.jplay.error.JplayException;
import io.jplay.python.PythonJson;
import io.jplay.yaml.YamlLoader;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Serialisation and encoding filters: to_json, to_nice_json, from_json, to_yaml, to_nice_yaml, from_yaml,
 * from_yaml_all, b64encode, b64decode, hash, md5, sha1, checksum, to_uuid, urlsplit, urldecode.
 */
public final class EncodingFilters {

    /** Ansible's UUID namespace for to_uuid. */
    private static final UUID ANSIBLE_NAMESPACE = UUID.fromString("361E6D51-FAEC-444A-9079-341386DA8E2E");

    private EncodingFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        // string-type filters: results marked so the Templar keeps them as text (see NativeText)
        filters.add(AnsibleFilter.of("to_json", (value, args) -> new NativeText(toJson(value, args, false))));
        filters.add(AnsibleFilter.of("to_nice_json", (value, args) -> new NativeText(toJson(value, args, true))));
        filters.add(AnsibleFilter.of("tojson", EncodingFilters::jinjaToJson));
        filters.add(AnsibleFilter.of("from_json", (value, args) -> PyJson.loads(Py.str(value))));
        filters.add(AnsibleFilter.of("to_yaml", (value, args) -> new NativeText(toYaml(value, args, false))));
        filters.add(AnsibleFilter.of("to_nice_yaml", (value, args) -> new NativeText(toYaml(value, args, true))));
        filters.add(AnsibleFilter.of("from_yaml", (value, args) ->
                value instanceof CharSequence s ? YamlLoader.load(s.toString(), null) : value));
        filters.add(AnsibleFilter.of("from_yaml_all", (value, args) ->
                value instanceof CharSequence s ? YamlLoader.loadAll(s.toString(), null) : value));
        filters.add(AnsibleFilter.of("b64encode", (value, args) ->
                Base64.getEncoder().encodeToString(Py.str(value).getBytes(charset(args.string(0, "encoding", "utf-8"))))));
        filters.add(AnsibleFilter.of("b64decode", (value, args) -> b64decode(value, args)));
        filters.add(AnsibleFilter.of("hash", (value, args) -> hash(Py.str(value), args.string(0, "hashtype", "sha1"))));
        filters.add(AnsibleFilter.of("md5", (value, args) -> hash(Py.str(value), "md5")));
        filters.add(AnsibleFilter.of("sha1", (value, args) -> hash(Py.str(value), "sha1")));
        filters.add(AnsibleFilter.of("checksum", (value, args) -> hash(Py.str(value), "sha1")));
        filters.add(AnsibleFilter.of("to_uuid", EncodingFilters::toUuid));
        filters.add(AnsibleFilter.of("urlsplit", EncodingFilters::urlsplit));
        filters.add(AnsibleFilter.of("urldecode", (value, args) -> URLDecoder.decode(Py.str(value), StandardCharsets.UTF_8)));
        return filters;
    }

    /** to_json(**kw) is json.dumps(**kw); to_nice_json is indent=4, sort_keys=True, separators=(',', ': '). */
    static String toJson(Object value, Args args, boolean nice) {
        Map<String, Object> kw = args.keywords();
        Object indentArg = nice ? args.get(0, "indent", 4L) : kw.get("indent");
        Integer indent = indentArg == null ? null : Py.toLongOrNull(indentArg).intValue();
        boolean sortKeys = nice ? args.bool(1, "sort_keys", true) : Py.truthy(kw.getOrDefault("sort_keys", false));
        String itemSeparator = indent == null ? ", " : ",";
        String keySeparator = ": ";
        if (kw.get("separators") instanceof List<?> separators && separators.size() == 2) {
            itemSeparator = Py.str(separators.get(0));
            keySeparator = Py.str(separators.get(1));
        }
        if (nice) {
            itemSeparator = ",";
        }
        boolean ensureAscii = Py.truthy(kw.getOrDefault("ensure_ascii", true));
        return PyJson.dumps(value, new PythonJson.Options(indent, sortKeys, itemSeparator, keySeparator, ensureAscii));
    }

    /** Jinja2's tojson(indent=None): sorted keys, and &lt; &gt; &amp; ' escaped for HTML. */
    static String jinjaToJson(Object value, Args args) {
        Object indentArg = args.get(0, "indent", null);
        Integer indent = indentArg == null ? null : Py.toLongOrNull(indentArg).intValue();
        String json = PyJson.dumps(value, new PythonJson.Options(indent, true, indent == null ? ", " : ",", ": ", true));
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
    }

    static String toYaml(Object value, Args args, boolean nice) {
        Map<String, Object> kw = args.keywords();
        Integer indent = null;
        Object indentArg = nice ? args.get(0, "indent", 4L) : kw.get("indent");
        if (indentArg != null) {
            indent = Py.toLongOrNull(indentArg).intValue();
        }
        Boolean flow = nice ? Boolean.FALSE
                : kw.get("default_flow_style") == null ? null : Py.truthy(kw.get("default_flow_style"));
        Integer width = kw.get("width") == null ? null : Py.toLongOrNull(kw.get("width")).intValue();
        boolean sortKeys = Py.truthy(kw.getOrDefault("sort_keys", true));
        boolean explicitStart = Py.truthy(kw.getOrDefault("explicit_start", false));
        return PyYamlDump.dump(value, indent, flow, width, sortKeys, explicitStart);
    }

    static String b64decode(Object value, Args args) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(Py.str(value).strip());
            return new String(bytes, charset(args.string(0, "encoding", "utf-8")));
        } catch (IllegalArgumentException e) {
            throw new JplayException("Incorrect padding");
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            throw new JplayException("unknown encoding: " + name);
        }
    }

    /** hashlib.new(hashtype).hexdigest() of the UTF-8 text. */
    public static String hash(String text, String hashType) {
        String algorithm = switch (hashType.toLowerCase(Locale.ROOT)) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "sha3_256" -> "SHA3-256";
            case "sha3_512" -> "SHA3-512";
            default -> throw new JplayException("unsupported hash type " + hashType);
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new JplayException("unsupported hash type " + hashType);
        }
    }

    /** uuid.uuid5(namespace, text). */
    static String toUuid(Object value, Args args) {
        Object namespaceArg = args.get(0, "namespace", null);
        UUID namespace = ANSIBLE_NAMESPACE;
        if (namespaceArg != null) {
            try {
                namespace = UUID.fromString(Py.str(namespaceArg));
            } catch (IllegalArgumentException e) {
                throw new JplayException("Invalid value '" + Py.str(namespaceArg) + "' for 'namespace': badly formed hexadecimal UUID string");
            }
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            byte[] hash = sha1.digest(Py.str(value).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (8 * (7 - i)));
            bytes[i + 8] = (byte) (lsb >>> (8 * (7 - i)));
        }
        return bytes;
    }

    /** Ansible's urlsplit(query=''): urllib.parse.urlsplit as a dict, or one of its fields. */
    static Object urlsplit(Object value, Args args) {
        String url = Py.str(value);
        String query = args.string(0, "query", "");
        Map<String, Object> parts = new LinkedHashMap<>();
        String scheme = "";
        String rest = url;
        int colon = url.indexOf(':');
        if (colon > 0 && url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            rest = url.substring(colon + 1);
        }
        String netloc = "";
        if (rest.startsWith("//")) {
            int end = rest.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int at = rest.indexOf(c, 2);
                if (at >= 0) {
                    end = Math.min(end, at);
                }
            }
            netloc = rest.substring(2, end);
            rest = rest.substring(end);
        }
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String queryText = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            queryText = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String userinfo = netloc.contains("@") ? netloc.substring(0, netloc.lastIndexOf('@')) : null;
        String hostport = netloc.contains("@") ? netloc.substring(netloc.lastIndexOf('@') + 1) : netloc;
        String hostname = hostport;
        Object port = null;
        if (hostport.startsWith("[")) {
            int close = hostport.indexOf(']');
            hostname = hostport.substring(1, close);
            String after = hostport.substring(close + 1);
            if (after.startsWith(":") && after.length() > 1) {
                port = Long.parseLong(after.substring(1));
            }
        } else if (hostport.contains(":")) {
            hostname = hostport.substring(0, hostport.indexOf(':'));
            String portText = hostport.substring(hostport.indexOf(':') + 1);
            if (!portText.isEmpty()) {
                port = Long.parseLong(portText);
            }
        }
        parts.put("fragment", fragment);
        parts.put("hostname", hostname.isEmpty() ? null : hostname.toLowerCase(Locale.ROOT));
        parts.put("netloc", netloc);
        parts.put("password", userinfo != null && userinfo.contains(":") ? userinfo.substring(userinfo.indexOf(':') + 1) : null);
        parts.put("path", rest);
        parts.put("port", port);
        parts.put("query", queryText);
        parts.put("scheme", scheme);
        parts.put("username", userinfo == null ? null : userinfo.contains(":") ? userinfo.substring(0, userinfo.indexOf(':')) : userinfo);
        if (query.isEmpty()) {
            return parts;
        }
        if (!parts.containsKey(query)) {
            throw new JplayException("urlsplit: unknown URL component: " + query);
        }
        return parts.get(query);
    }
}
