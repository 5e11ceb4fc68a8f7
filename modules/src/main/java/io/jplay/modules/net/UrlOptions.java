package io.jplay.modules.net;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.ModuleArgs;
import io.jplay.module.OptionType;
import io.jplay.modules.support.TargetHttp;

import java.util.Map;

/**
 * Ansible's url_argument_spec (module_utils/urls.py) shared by get_url and uri, and the translation of those
 * options into a {@link TargetHttp.Request}. use_proxy, client certificates and GSSAPI are accepted but not
 * passed on (curl follows the target's proxy environment variables by itself).
 */
final class UrlOptions {

    private UrlOptions() {
    }

    /** The common options; {@code userAlias}/{@code passwordAlias} are the module's aliases for the credentials. */
    static ArgumentSpec spec(String userAlias, String passwordAlias) {
        return ArgumentSpec.builder()
                .option("force", OptionType.BOOL).defaultValue(false)
                .option("http_agent", OptionType.STR).defaultValue("ansible-httpget")
                .option("use_proxy", OptionType.BOOL).defaultValue(true)
                .option("validate_certs", OptionType.BOOL).defaultValue(true)
                .option("url_username", OptionType.STR).aliases(userAlias)
                .option("url_password", OptionType.STR).aliases(passwordAlias).noLog()
                .option("force_basic_auth", OptionType.BOOL).defaultValue(false)
                .option("client_cert", OptionType.PATH)
                .option("client_key", OptionType.PATH)
                .option("use_gssapi", OptionType.BOOL).defaultValue(false)
                .build();
    }

    static TargetHttp.Request request(ModuleArgs args, String url) {
        TargetHttp.Request r = new TargetHttp.Request();
        r.url = url;
        r.validateCerts = args.bool("validate_certs");
        r.timeout = args.integer("timeout");
        r.username = args.string("url_username");
        r.password = args.string("url_password");
        r.forceBasicAuth = args.bool("force_basic_auth");
        if (args.string("http_agent") != null) {
            r.headers.put("User-Agent", args.string("http_agent"));
        }
        Map<String, Object> headers = args.map("headers");
        if (headers != null) {
            headers.forEach((k, v) -> r.headers.put(k, v == null ? "" : io.jplay.python.PythonRepr.str(v)));
        }
        return r;
    }
}
