package io.jplay.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: jplay's version and the ansible-core version whose behaviour it follows. */
final class VersionProvider implements IVersionProvider {
    static final String ANSIBLE_COMPAT = "2.14.18";

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[]{
                "jplay " + (version == null ? "dev" : version) + " (ansible-core " + ANSIBLE_COMPAT + " compatible)",
                "  java version = " + System.getProperty("java.version")};
    }
}
