package io.jplay.module;

import java.util.List;

/**
 * A task action: Java on the controller that does its work on the target through the context's
 * connection with POSIX shell commands, ideally one round trip. Implementations are stateless and
 * registered in {@code META-INF/services/io.jplay.module.Module}.
 *
 * <p>Modules read facts first and change state only when needed (idempotence), do nothing that changes
 * the target in check mode (but report {@code changed} as a real run would), and add a {@code diff} to the
 * result when the context asks for diff mode.
 */
public interface Module {

    /** The short name, for example {@code copy}. */
    String name();

    /** Other names the task may use; by default the FQCNs {@code ansible.builtin.NAME} and {@code ansible.legacy.NAME}. */
    default List<String> aliases() {
        return List.of("ansible.builtin." + name(), "ansible.legacy." + name());
    }

    /** Whether the module can run in check mode; if not, the invoker skips it there as Ansible does. */
    default boolean supportsCheckMode() {
        return true;
    }

    ArgumentSpec argumentSpec();

    /**
     * Does the work. Throws {@link ModuleFailure} for Ansible's fail_json; any other exception is a bug
     * or a transport failure, which the invoker reports as a failed result.
     */
    ModuleResult run(ModuleContext context);
}
