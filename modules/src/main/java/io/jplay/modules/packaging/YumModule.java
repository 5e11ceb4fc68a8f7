package io.jplay.modules.packaging;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;

import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.yum with its action plugin: {@code use_backend: auto} picks yum or dnf from ansible_pkg_mgr
 * (gathered or probed) and fails as Ansible does when the target has neither (a Debian target says "apt").
 */
public final class YumModule extends YumDnfModule {

    private static final List<String> VALID_BACKENDS = List.of("yum", "yum4", "dnf");
    private static final ArgumentSpec SPEC = commonSpec()
            .option("use_backend", OptionType.STR).defaultValue("auto").choices("auto", "yum", "yum4", "dnf")
            .build();
    private final DnfModule dnf = new DnfModule();

    @Override
    public String name() {
        return "yum";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    List<String> tools() {
        return List.of("yum-deprecated", "yum");
    }

    /** The yum module's own message (Ansible 2.14 on a host without yum's Python modules). */
    @Override
    ModuleFailure toolMissing() {
        return new ModuleFailure("The Python 2 bindings for rpm are needed for this module. If you require Python 3 support use the"
                + " `dnf` Ansible module instead.. The Python 2 yum module is needed for this module. If you require Python 3 support"
                + " use the `dnf` Ansible module instead.");
    }

    @Override
    ModuleResult apply(ModuleContext ctx) {
        String backend = ctx.args().string("use_backend");
        String probed = null;
        if ("auto".equals(backend)) {
            probed = PkgMgr.of(ctx);
            backend = probed;
        }
        if (!VALID_BACKENDS.contains(backend)) {
            ModuleResult.Builder failed = ModuleResult.builder();
            if (probed != null && ctx.hostVar("ansible_pkg_mgr") == null) {
                failed.put("ansible_facts", Map.of("pkg_mgr", probed));
            }
            return failed.failed(null)
                    .put("msg", List.of("Could not detect which major revision of yum is in use, which is required to determine module backend.",
                            "You should manually specify use_backend to tell the module whether to use the yum (yum3) or dnf (yum4) backend})"))
                    .build();
        }
        ModuleResult result = backend.equals("yum") ? super.apply(ctx) : dnf.apply(ctx);
        return probed == null || ctx.hostVar("ansible_pkg_mgr") != null ? result
                : result.with(Map.of("ansible_facts", Map.of("pkg_mgr", probed)));
    }
}
