package io.jplay.execution;

import io.jplay.connection.BecomeConnection;
import io.jplay.connection.Connection;
import io.jplay.connection.ConnectionException;
import io.jplay.connection.EnvironmentConnection;
import io.jplay.connection.LocalConnection;

import java.util.Map;

/**
 * Chooses a host's transport from its connection variables: local for {@code ansible_connection=local}
 * (and the implicit localhost); SSH arrives with issue 4, so an SSH host is unreachable with a message
 * saying so. Become and a task's environment wrap the transport.
 */
final class Connections {

    static final String SSH_NOT_BUILT = "Failed to connect to the host via ssh: the SSH connection arrives with issue 4";

    private final String cliConnection;
    private final java.nio.file.Path workingDirectory;

    /** @param workingDirectory where local commands start: the run's working directory */
    Connections(String cliConnection, java.nio.file.Path workingDirectory) {
        this.cliConnection = cliConnection;
        this.workingDirectory = workingDirectory;
    }

    /** The connection type a host's task uses: the task/play keyword, else ansible_connection, else -c, else ssh. */
    String type(Object keyword, Map<String, Object> vars) {
        Object type = keyword != null ? keyword : vars.get("ansible_connection");
        if (type == null) {
            type = cliConnection;
        }
        String name = type == null ? "ssh" : String.valueOf(type);
        if (name.equals("smart") || name.equals("paramiko")) {
            name = "ssh";
        }
        return name.replace("ansible.builtin.", "").replace("ansible.legacy.", "");
    }

    /**
     * @throws ConnectionException for transports jplay does not have yet (the host becomes unreachable)
     */
    Connection open(String type, String[] address, BecomeSettings become, Map<String, String> environment) {
        Connection base = switch (type) {
            case "local" -> new LocalConnection(workingDirectory);
            case "ssh" -> throw new ConnectionException(sshUnreachable(address));
            default -> throw new ConnectionException("the connection plugin '" + type + "' was not found");
        };
        Connection connection = base;
        if (become != null && become.enabled()) {
            BecomeConnection.Method method = "su".equals(become.method()) ? BecomeConnection.Method.SU
                    : BecomeConnection.Method.SUDO;
            connection = new BecomeConnection(connection, method, become.user(), become.password());
        }
        if (environment != null && !environment.isEmpty()) {
            connection = new EnvironmentConnection(connection, environment);
        }
        return connection;
    }

    /**
     * Why an SSH host cannot be reached: when nothing listens on its port, the message ssh itself would give
     * (as Ansible shows it); otherwise that jplay's SSH transport is not built yet.
     */
    static String sshUnreachable(String[] address) {
        String host = address[0];
        int port = Integer.parseInt(address[1]);
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 5000);
        } catch (java.net.ConnectException e) {
            return "Failed to connect to the host via ssh: ssh: connect to host " + host + " port " + port + ": Connection refused";
        } catch (java.net.UnknownHostException e) {
            return "Failed to connect to the host via ssh: ssh: Could not resolve hostname " + host + ": Name or service not known";
        } catch (java.io.IOException e) {
            return "Failed to connect to the host via ssh: ssh: connect to host " + host + " port " + port + ": Connection timed out";
        }
        return SSH_NOT_BUILT;
    }

    /** A task's become keywords, resolved. */
    record BecomeSettings(boolean enabled, String method, String user, String password) {
    }
}
