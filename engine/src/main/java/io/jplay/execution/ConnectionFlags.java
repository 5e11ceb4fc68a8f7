package io.jplay.execution;

/**
 * ansible-playbook's connection flags (those beyond {@code -u}, {@code -c}, {@code -b} in {@link ExecutorOptions}).
 * The passwords come from {@code -k}/{@code -K} prompts or their password files and are never printed.
 *
 * @param privateKeyFile     --private-key, or null
 * @param timeout            -T, or null for the config's
 * @param sshCommonArgs      --ssh-common-args, or null
 * @param sshExtraArgs       --ssh-extra-args, or null
 * @param connectionPassword -k / --connection-password-file, or null
 * @param becomePassword     -K / --become-password-file, or null
 */
public record ConnectionFlags(String privateKeyFile, Integer timeout, String sshCommonArgs, String sshExtraArgs,
                              String connectionPassword, String becomePassword) {

    public static final ConnectionFlags NONE = new ConnectionFlags(null, null, null, null, null, null);

    @Override
    public String toString() {
        return "ConnectionFlags[privateKeyFile=" + privateKeyFile + ", timeout=" + timeout + ", sshCommonArgs=" + sshCommonArgs
                + ", sshExtraArgs=" + sshExtraArgs + ", passwords hidden]";
    }
}
