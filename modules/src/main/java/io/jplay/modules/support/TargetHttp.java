package io.jplay.modules.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP requests made ON THE TARGET with curl (or wget for plain downloads), for get_url and uri.
 *
 * <p>Everything secret or long (credentials, headers, a request body) goes into a curl config that the
 * module sends on the script's stdin; the script saves it to a private temp file and passes it with
 * {@code -K}, so no password ever shows on a command line ({@code ps}) or in output. The script part
 * prints {@code H|code|effective url|bytes} after the request, {@code E|rc|message} when the client
 * failed, and the response headers of the last response as {@code R|line} records.
 */
public final class TargetHttp {

    /** What to ask for. */
    public static final class Request {
        public String url;
        public String method = "GET";
        public final Map<String, String> headers = new LinkedHashMap<>();
        public String username;
        public String password;
        public boolean forceBasicAuth;
        public boolean validateCerts = true;
        public long timeout = 10;
        /** Follow redirects at all. */
        public boolean followRedirects = true;
        /** Send a body (uri). */
        public String body;
        /** Only the headers: check mode's HEAD. */
        public boolean head;
    }

    /** What came back. {@code status} is -1 when no HTTP response arrived (see {@link #error}). */
    public record Response(int status, String url, long size, String statusLine, Map<String, String> headers, String error) {

        /** Python's http reason phrase from the status line, or a standard one when the line has none (HTTP/2). */
        public String reason() {
            String[] parts = statusLine == null ? new String[0] : statusLine.split(" ", 3);
            if (parts.length == 3 && !parts[2].isBlank()) {
                return parts[2].strip();
            }
            return REASONS.getOrDefault(status, "");
        }

        /** urllib's info["msg"] for a successful response. */
        public String okMessage() {
            return "OK (" + headers.getOrDefault("content-length", "unknown") + " bytes)";
        }

        /** urllib's HTTPError text, which Ansible reports as msg or response. */
        public String errorMessage() {
            return "HTTP Error " + status + ": " + reason();
        }
    }

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(409, "Conflict"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"));

    /** The exit status the script uses when the target has neither curl nor wget. */
    public static final int NO_CLIENT = 127;

    private TargetHttp() {
    }

    /** The curl config for the request (sent on stdin). */
    public static byte[] curlConfig(Request r) {
        StringBuilder c = new StringBuilder();
        c.append("url = ").append(quote(r.url)).append('\n');
        if (r.head) {
            c.append("head\n");
        } else if (!"GET".equals(r.method) || r.body != null) {
            c.append("request = ").append(quote(r.method)).append('\n');
        }
        for (Map.Entry<String, String> h : r.headers.entrySet()) {
            c.append("header = ").append(quote(h.getKey() + ": " + h.getValue())).append('\n');
        }
        if (r.username != null) {
            c.append("user = ").append(quote(r.username + ":" + (r.password == null ? "" : r.password))).append('\n');
            c.append(r.forceBasicAuth ? "basic\n" : "anyauth\n");
        }
        if (r.body != null) {
            c.append("data-raw = ").append(quote(r.body)).append('\n');
        }
        if (!r.validateCerts) {
            c.append("insecure\n");
        }
        if (r.followRedirects) {
            // urllib gives up after 10 redirections
            c.append("location\nmax-redirs = 10\n");
        }
        // Ansible's timeout is a socket timeout, not a limit on the whole transfer
        c.append("connect-timeout = ").append(r.timeout).append('\n');
        c.append("speed-time = ").append(r.timeout).append("\nspeed-limit = 1\n");
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The wget equivalent (a wgetrc, also on stdin), for targets without curl: GET only. */
    public static byte[] wgetrc(Request r) {
        StringBuilder c = new StringBuilder();
        for (Map.Entry<String, String> h : r.headers.entrySet()) {
            c.append("header = ").append(h.getKey()).append(": ").append(h.getValue().replace("\n", " ")).append('\n');
        }
        if (r.username != null) {
            c.append("user = ").append(r.username).append('\n').append("password = ").append(r.password == null ? "" : r.password).append('\n');
            if (r.forceBasicAuth) {
                c.append("auth_no_challenge = on\n");
            }
        }
        if (!r.validateCerts) {
            c.append("check_certificate = off\n");
        }
        c.append("timeout = ").append(r.timeout).append("\nmax_redirect = ").append(r.followRedirects ? 10 : 0).append('\n');
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String WGETRC_MARK = "#@@WGETRC";

    /** The script's stdin: curl's config, a marker line, then the wgetrc (newlines in curl values are escaped). */
    public static byte[] stdin(Request r) {
        byte[] curl = curlConfig(r);
        byte[] wget = wgetrc(r);
        byte[] mark = ("\n" + WGETRC_MARK + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[curl.length + mark.length + wget.length];
        System.arraycopy(curl, 0, all, 0, curl.length);
        System.arraycopy(mark, 0, all, curl.length, mark.length);
        System.arraycopy(wget, 0, all, curl.length + mark.length, wget.length);
        return all;
    }

    /**
     * Script lines that name the request's private files under {@code tmpDir} ({@code $_jo} body, {@code $_jc}
     * curl config, {@code $_jw} wgetrc, {@code $_jh} headers), split stdin into the two configs and remove the
     * configs and headers on exit. Sets umask 077: the files may hold secrets and the body until it is moved.
     */
    public static String setupLines(String tmpDir) {
        return "umask 077\n"
                + "_jo=" + Sh.q(tmpDir) + "/jplay-http.$$; _jc=\"$_jo.cfg\"; _jw=\"$_jo.wrc\"; _jh=\"$_jo.hdr\"\n"
                + "trap 'rm -f \"$_jc\" \"$_jw\" \"$_jh\" \"$_jo.in\"' EXIT\n"
                + "cat > \"$_jo.in\" || exit 1\n"
                + "sed '/^" + WGETRC_MARK + "$/,$d' \"$_jo.in\" > \"$_jc\"; sed '1,/^" + WGETRC_MARK + "$/d' \"$_jo.in\" > \"$_jw\"; rm -f \"$_jo.in\"\n";
    }

    /**
     * Script lines that make the request. They expect {@code $_jc} (the config file, already written from
     * stdin; curl's, or wget's when only wget is there), {@code $_jo} (body output file) and {@code $_jh}
     * (headers file), and leave {@code $_jrc} as the client's exit status. When {@code $_jz} names a file, its
     * mtime goes into If-Modified-Since.
     */
    public static String requestLines(String url, boolean head, boolean allowWget) {
        StringBuilder s = new StringBuilder();
        // If-Modified-Since from the file's mtime as urllib sends it (curl -z would also judge Last-Modified itself)
        s.append("_jims=; if [ -n \"${_jz:-}\" ]; then _jims=$(LC_ALL=C date -u -r \"$_jz\" '+%a, %d %b %Y %H:%M:%S GMT' 2>/dev/null); fi\n");
        s.append("if [ -n \"$_jims\" ]; then set -- -H \"If-Modified-Since: $_jims\"; else set --; fi\n");
        s.append("if command -v curl >/dev/null 2>&1; then\n");
        s.append("  curl -q -sS -K \"$_jc\" \"$@\"")
                .append(" -o ").append(head ? "/dev/null" : "\"$_jo\"").append(" -D \"$_jh\"")
                .append(" -w 'H|%{http_code}|%{url_effective}|%{size_download}\\n' 2>\"$_jh.err\"; _jrc=$?\n");
        if (allowWget) {
            s.append("elif command -v wget >/dev/null 2>&1; then\n");
            s.append("  WGETRC=\"$_jw\" wget -S ").append(head ? "--spider " : "-O \"$_jo\" ")
                    .append("${_jims:+--header=\"If-Modified-Since: $_jims\"} ").append(Sh.q(url)).append(" 2>\"$_jh.err\"; _jrc=$?\n");
            // wget -S prints the response headers indented on stderr
            s.append("  sed -n 's/^  //p' \"$_jh.err\" > \"$_jh\"\n");
            s.append("  _jcode=$(sed -n 's/^HTTP\\/[0-9.]* \\([0-9]*\\).*/\\1/p' \"$_jh\" | tail -n 1)\n");
            s.append("  if [ -n \"$_jcode\" ]; then _jrc=0; printf 'H|%s|%s|%s\\n' \"$_jcode\" ").append(Sh.q(url))
                    .append(" \"$(wc -c < \"$_jo\" 2>/dev/null | tr -d ' ')\"; fi\n");
        }
        s.append("else _jrc=").append(NO_CLIENT).append("; echo 'neither curl nor wget is installed on the target' > \"$_jh.err\"\n");
        s.append("fi\n");
        s.append("if [ \"$_jrc\" != 0 ]; then printf 'E|%s|%s\\n' \"$_jrc\" \"$(tr '\\n' ' ' < \"$_jh.err\")\"; fi\n");
        s.append("[ -f \"$_jh\" ] && tr -d '\\r' < \"$_jh\" | sed 's/^/R|/'\n");
        s.append("rm -f \"$_jh.err\"\n");
        return s.toString();
    }

    /** Reads the records {@link #requestLines} printed. */
    public static Response parse(Probe.Result result) {
        String error = null;
        String e = result.record("E");
        if (e != null) {
            int bar = e.indexOf('|');
            String text = e.substring(bar + 1).strip();
            // curl's own words, without its "curl: (7) " prefix
            error = text.replaceFirst("^curl: \\(\\d+\\) ", "").replaceFirst("^wget: ", "");
        }
        String h = result.record("H");
        int status = -1;
        String url = null;
        long size = 0;
        if (h != null) {
            String[] f = h.split("\\|", -1);
            try {
                status = Integer.parseInt(f[0].strip());
            } catch (NumberFormatException ignored) {
                status = -1;
            }
            url = f.length > 1 ? f[1] : null;
            try {
                size = f.length > 2 ? Long.parseLong(f[2].strip()) : 0;
            } catch (NumberFormatException ignored) {
                size = 0;
            }
        }
        if (status == 0) {
            status = -1;
        }
        // -D keeps every response of a redirect chain: the last block is the one that counts
        List<String> block = new ArrayList<>();
        for (String line : result.records("R")) {
            if (line.startsWith("HTTP/")) {
                block.clear();
            }
            if (!line.isEmpty()) {
                block.add(line);
            }
        }
        String statusLine = block.isEmpty() ? null : block.get(0);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.subList(Math.min(1, block.size()), block.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                // repeated headers are joined as http.client does
                headers.merge(key, value, (a, b) -> a + ", " + b);
            }
        }
        return new Response(status, url, size, statusLine, headers, error);
    }

    /** A curl config string: double quotes with backslash escapes. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> q.append("\\\\");
                case '"' -> q.append("\\\"");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(ch);
            }
        }
        return q.append('"').toString();
    }
}
