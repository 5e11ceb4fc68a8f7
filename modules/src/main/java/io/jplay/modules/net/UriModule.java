package io.jplay.modules.net;

import io.jplay.connection.Command;
import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.FileAttributes;
import io.jplay.modules.support.FileFacts;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.RemoteStat;
import io.jplay.modules.support.Sh;
import io.jplay.modules.support.TargetHttp;
import io.jplay.python.PythonJson;
import io.jplay.python.PythonRepr;
import io.jplay.template.filter.PyJson;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.builtin.uri: one curl request made on the target, in one round trip with the creates/removes checks.
 * The response headers become lower-cased result keys as Ansible makes them; the body comes back only when
 * the task needs it (return_content, a JSON answer, or a status that fails the task). With {@code dest} a
 * second round trip moves the saved body into place, as Ansible rewrites dest on every 2xx answer. Like the
 * real module, it does not run in check mode. Request bodies are text (raw, json, form-urlencoded).
 */
public final class UriModule implements Module {

    private static final List<String> JSON_CANDIDATES = List.of("json", "javascript");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("url", OptionType.STR).required()
            .option("dest", OptionType.PATH)
            .option("body", OptionType.RAW)
            .option("body_format", OptionType.STR).defaultValue("raw").choices("form-urlencoded", "json", "raw", "form-multipart")
            .option("src", OptionType.PATH)
            .option("method", OptionType.STR).defaultValue("GET")
            .option("return_content", OptionType.BOOL).defaultValue(false)
            .option("follow_redirects", OptionType.STR).defaultValue("safe").choices("all", "no", "none", "safe", "urllib2", "yes")
            .option("creates", OptionType.PATH)
            .option("removes", OptionType.PATH)
            .option("status_code", OptionType.LIST).elements(OptionType.INT).defaultValue(List.of(200L))
            .option("timeout", OptionType.INT).defaultValue(30L)
            .option("headers", OptionType.DICT).defaultValue(Map.of())
            .option("unix_socket", OptionType.PATH)
            .option("remote_src", OptionType.BOOL).defaultValue(false)
            .option("ca_path", OptionType.PATH)
            .option("unredirected_headers", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
            .option("decompress", OptionType.BOOL).defaultValue(true)
            .option("ciphers", OptionType.LIST).elements(OptionType.STR)
            .option("use_netrc", OptionType.BOOL).defaultValue(true)
            .include(UrlOptions.spec("user", "password"))
            .include(FileAttributes.SPEC)
            .mutuallyExclusive("body", "src")
            .build();

    @Override
    public String name() {
        return "uri";
    }

    @Override
    public boolean supportsCheckMode() {
        return false;
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String url = args.string("url");
        String method = args.string("method").toUpperCase(Locale.ROOT);
        if (!method.matches("[A-Z]+")) {
            throw new ModuleFailure("Parameter 'method' needs to be a single word in uppercase, like GET or POST.");
        }
        if (args.string("src") != null) {
            throw new ModuleFailure("src is not supported by jplay's uri yet: use body (or lookup('file', ...))", Map.of("elapsed", 0L));
        }
        if (args.string("unix_socket") != null) {
            throw new ModuleFailure("unix_socket is not supported by jplay's uri yet", Map.of("elapsed", 0L));
        }
        List<Long> statusCodes = new ArrayList<>();
        for (Object code : (List<?>) args.get("status_code")) {
            statusCodes.add(((Number) code).longValue());
        }
        TargetHttp.Request request = UrlOptions.request(args, url);
        request.method = method;
        // urllib closes every connection; servers answer in kind and Ansible shows it
        request.headers.put("Connection", "close");
        Object body = args.get("body");
        String format = args.string("body_format").toLowerCase(Locale.ROOT);
        if (body != null) {
            switch (format) {
                case "json" -> {
                    request.body = body instanceof String s ? s : PythonJson.dumps(body);
                    addContentType(request, "application/json");
                }
                case "form-urlencoded" -> {
                    request.body = body instanceof String s ? s : formUrlencoded(body);
                    addContentType(request, "application/x-www-form-urlencoded");
                }
                case "form-multipart" -> throw new ModuleFailure("body_format=form-multipart is not supported by jplay's uri yet");
                default -> request.body = PythonRepr.str(body);
            }
        }
        String follow = args.string("follow_redirects");
        request.followRedirects = switch (follow) {
            case "all", "yes", "urllib2" -> true;
            case "safe" -> method.equals("GET") || method.equals("HEAD");
            default -> false;
        };

        String dest = args.string("dest");
        StringBuilder s = new StringBuilder(Probe.PREAMBLE);
        if (args.string("creates") != null) {
            s.append("if [ -e ").append(Sh.q(args.string("creates"))).append(" ]; then echo 'Y|creates'; exit 0; fi\n");
        }
        if (args.string("removes") != null) {
            s.append("if [ ! -e ").append(Sh.q(args.string("removes"))).append(" ]; then echo 'Y|removes'; exit 0; fi\n");
        }
        s.append("_jz=\n");
        if (dest != null) {
            s.append(Probe.stat("d", dest, true, false));
            s.append("if [ -f ").append(Sh.q(dest)).append(" ]; then _jz=").append(Sh.q(dest)).append("; fi\n");
        }
        s.append(TargetHttp.setupLines(ctx.remoteTmp()));
        if (dest == null) {
            s.append("trap 'rm -f \"$_jc\" \"$_jw\" \"$_jh\" \"$_jo\"' EXIT\n");
        }
        s.append(TargetHttp.requestLines(url, false, false));
        s.append("printf 'T|%s\\n' \"$_jo\"\n");
        // the body is read back only when the task may need it; the controller decides, so send it when small
        String small = dest != null && !args.bool("return_content") ? " && [ \"$(wc -c < \"$_jo\")\" -lt 1048576 ]" : "";
        s.append("if [ -f \"$_jo\" ]").append(small).append("; then printf '@@CONTENT\\n'; cat \"$_jo\"; fi\n");
        ExecResult r = ctx.connection().exec(Command.shell(s.toString()).withStdin(TargetHttp.stdin(request)));
        Probe.Result facts = Probe.parse(r.stdout());
        String skip = facts.record("Y");
        if (skip != null) {
            String path = skip.strip().equals("creates") ? args.string("creates") : args.string("removes");
            return ModuleResult.builder().put("stdout", skip.strip().equals("creates")
                    ? "skipped, since '" + path + "' exists" : "skipped, since '" + path + "' does not exist").build();
        }
        if (facts.record("T") == null) {
            throw new ModuleFailure("uri failed on the target: " + r.stderrText().strip(), Map.of("elapsed", 0L));
        }
        String tmp = facts.record("T").strip();
        TargetHttp.Response response = TargetHttp.parse(facts);
        byte[] content = facts.content() == null ? new byte[0] : facts.content();

        Map<String, Object> resp = new LinkedHashMap<>();
        resp.put("redirected", response.url() != null && !response.url().equals(url));
        if (response.status() < 0) {
            resp.put("url", url);
            resp.put("msg", "Request failed: " + (response.error() == null ? "no response" : response.error()));
            resp.put("status", -1L);
        } else {
            response.headers().forEach(resp::put);
            resp.put("msg", response.status() < 400 ? response.okMessage() : response.errorMessage());
            resp.put("url", response.url());
            resp.put("status", (long) response.status());
            if (response.status() < 400) {
                Map<String, Object> cookies = cookies(response.headers().get("set-cookie"));
                resp.put("cookies_string", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
                resp.put("cookies", cookies);
            }
        }
        resp.put("elapsed", 0L);
        resp.put("changed", false);

        String contentType = response.headers().getOrDefault("content-type", "application/octet-stream");
        String[] type = contentType.split(";")[0].strip().split("/", 2);
        String subType = type.length > 1 ? type[1].toLowerCase(Locale.ROOT) : "";
        String suffix = subType.contains("+") ? subType.substring(subType.indexOf('+') + 1) : subType;
        boolean maybeJson = JSON_CANDIDATES.contains(suffix);
        boolean returnContent = args.bool("return_content");
        boolean ok = statusCodes.contains((long) response.status());

        if (dest != null && response.status() >= 0) {
            RemoteStat destStat = facts.stat("d");
            String path = dest;
            if (destStat.isDir()) {
                String name = GetUrlModule.filenameFromHeaders(response.headers());
                if (name == null && response.url() != null) {
                    String p = response.url().replaceFirst("^[a-zA-Z]+://[^/]*", "").replaceFirst("[?#].*$", "").replaceAll("/+$", "");
                    name = p.substring(p.lastIndexOf('/') + 1);
                }
                path = dest.replaceAll("/+$", "") + "/" + (name == null || name.isEmpty() ? "index.html" : name);
                destStat = FileFacts.probe(ctx.connection(), Probe.stat("f", path, true, false)).stat("f");
            }
            if (ok && response.status() != 304) {
                RemoteStat written = destStat.exists() ? destStat
                        : new RemoteStat(true, 0100000 | (0666 & ~facts.umask()), -1, -1, null, null, 0, 0, 0, 0, 0, 1, 0, null, null);
                FileAttributes.Plan plan = FileAttributes.plan(args, path, written, facts.umask(), true);
                String move = "chmod " + Integer.toOctalString(written.permissions()) + " " + Sh.q(tmp)
                        + (destStat.exists() ? " && { chown " + destStat.uid() + ":" + destStat.gid() + " " + Sh.q(tmp) + " 2>/dev/null || true; }" : "")
                        + " && mv -f -- " + Sh.q(tmp) + " " + Sh.q(path) + (plan.changed() ? " && " + plan.commands() : "");
                RemoteStat after = FileFacts.change(ctx.connection(), move, path, true).stat("a");
                resp.put("changed", true);
                resp.putAll(FileAttributes.pathInfo(after));
            } else {
                ctx.connection().sh("rm -f -- " + Sh.q(tmp));
                if (destStat.exists()) {
                    resp.putAll(FileAttributes.pathInfo(destStat));
                }
            }
            resp.put("path", path);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        resp.forEach((k, v) -> result.put(k.replace("-", "_").toLowerCase(Locale.ROOT), v));
        if (result.get("location") instanceof String location) {
            result.put("location", absoluteLocation(url, location));
        }
        String text = null;
        if (maybeJson || returnContent || !ok) {
            text = new String(content, charset(contentType));
            if (maybeJson) {
                try {
                    result.put("json", PyJson.loads(text));
                } catch (RuntimeException notJson) {
                    // Ansible leaves json out when the body does not parse
                }
            }
        }
        if (!ok) {
            result.put("msg", "Status code was " + response.status() + " and not " + statusCodes + ": " + result.getOrDefault("msg", ""));
            if (returnContent) {
                result.put("content", text);
            }
            Object changed = result.remove("changed");
            Map<String, Object> extra = new LinkedHashMap<>(result);
            extra.remove("msg");
            extra.put("changed", changed);
            throw new ModuleFailure((String) result.get("msg"), extra);
        }
        if (returnContent) {
            result.put("content", text);
        }
        return ModuleResult.builder().putAll(result).build();
    }

    private static void addContentType(TargetHttp.Request request, String type) {
        if (request.headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
            request.headers.put("Content-Type", type);
        }
    }

    /** Python's urlencode(..., doseq=True) over a dict or a list of pairs, as uri's form_urlencoded does. */
    static String formUrlencoded(Object body) {
        List<String> parts = new ArrayList<>();
        List<Map.Entry<?, ?>> pairs = new ArrayList<>();
        if (body instanceof Map<?, ?> map) {
            pairs.addAll(map.entrySet());
        } else if (body instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof List<?> pair && pair.size() == 2) {
                    pairs.add(Map.entry(pair.get(0), pair.get(1)));
                } else {
                    throw new ModuleFailure("failed to parse body as form_urlencoded: cannot convert dictionary update sequence element",
                            Map.of("elapsed", 0L));
                }
            }
        } else {
            return PythonRepr.str(body);
        }
        for (Map.Entry<?, ?> e : pairs) {
            List<?> values = e.getValue() instanceof List<?> l ? l : java.util.Collections.singletonList(e.getValue());
            for (Object v : values) {
                if (v != null) {
                    parts.add(quotePlus(PythonRepr.str(e.getKey())) + "=" + quotePlus(PythonRepr.str(v)));
                }
            }
        }
        return String.join("&", parts);
    }

    /** urllib's quote_plus: like URLEncoder but keeping {@code ~} (and {@code *} encoded). */
    private static String quotePlus(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    private static final Pattern COOKIE = Pattern.compile("(?:^|,\\s*)([^=;,\\s]+)=([^;,]*)");

    /** name → value of each Set-Cookie (http.client joins repeated headers with ", "). */
    private static Map<String, Object> cookies(String header) {
        Map<String, Object> cookies = new LinkedHashMap<>();
        if (header == null) {
            return cookies;
        }
        for (String one : header.split(",\\s*(?=[^=;,\\s]+=)")) {
            Matcher m = COOKIE.matcher(one);
            if (m.find()) {
                cookies.put(m.group(1), m.group(2));
            }
        }
        return cookies;
    }

    static String absoluteLocation(String url, String location) {
        if (location.contains("://")) {
            return location;
        }
        if (location.startsWith("/")) {
            Matcher m = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*)").matcher(url);
            return (m.find() ? m.group(1) : "") + location;
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + location;
    }

    private static Charset charset(String contentType) {
        Matcher m = Pattern.compile("charset=\"?([^\";]+)", Pattern.CASE_INSENSITIVE).matcher(contentType);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1).strip());
            } catch (RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
