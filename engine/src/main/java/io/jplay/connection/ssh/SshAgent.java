package io.jplay.connection.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;
import net.schmizz.sshj.userauth.method.AuthMethod;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of a running ssh-agent ({@code SSH_AUTH_SOCK}), offered as sshj publickey auth methods: sshj has no
 * agent client of its own. Only two requests of the agent protocol (draft-miller-ssh-agent) are needed:
 * REQUEST_IDENTITIES to list the public keys, SIGN_REQUEST to have the agent sign the login. The private keys
 * never leave the agent, so keys with a passphrase work once {@code ssh-add} has unlocked them, as with ssh.
 */
final class SshAgent {

    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    /** SSH_AGENT_RSA_SHA2_512: servers refuse SHA-1 "ssh-rsa" signatures since OpenSSH 8.8. */
    private static final int RSA_SHA2_512 = 4;

    private final Path socket;

    private SshAgent(Path socket) {
        this.socket = socket;
    }

    /** The agent listening on {@code path} (SSH_AUTH_SOCK), or null when there is none. */
    static SshAgent at(String path) {
        return path == null || path.isEmpty() || !Files.exists(Path.of(path)) ? null : new SshAgent(Path.of(path));
    }

    /** One auth method per key the agent holds; none when the agent cannot be asked. */
    List<AuthMethod> authMethods() {
        List<AuthMethod> methods = new ArrayList<>();
        try {
            Buffer.PlainBuffer answer = request(new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES), IDENTITIES_ANSWER);
            long count = answer.readUInt32();
            for (long i = 0; i < count; i++) {
                byte[] blob = answer.readBytes();
                answer.readString(); // comment
                String type = new Buffer.PlainBuffer(blob).readString();
                if (!type.contains("-cert-")) {
                    methods.add(new AgentKey(blob, type));
                }
            }
        } catch (IOException e) {
            // an agent that does not answer is no agent: other methods are tried, as ssh does
        }
        return methods;
    }

    private byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        Buffer.PlainBuffer request = new Buffer.PlainBuffer().putByte(SIGN_REQUEST);
        request.putBytes(blob).putBytes(data).putUInt32(flags);
        return request(request, SIGN_RESPONSE).readBytes();
    }

    /** One request on a fresh connection to the agent: uint32 length, then the message. */
    private Buffer.PlainBuffer request(Buffer.PlainBuffer message, byte expected) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            byte[] body = message.getCompactData();
            ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer length = readFully(channel, 4);
            ByteBuffer reply = readFully(channel, length.getInt());
            byte type = reply.get();
            if (type != expected) {
                throw new IOException(type == FAILURE ? "the agent refused the request" : "unexpected agent reply " + type);
            }
            byte[] rest = new byte[reply.remaining()];
            reply.get(rest);
            return new Buffer.PlainBuffer(rest);
        }
    }

    private static ByteBuffer readFully(SocketChannel channel, int size) throws IOException {
        if (size < 0 || size > 256 * 1024) {
            throw new IOException("agent reply of " + size + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the agent closed the connection");
            }
        }
        return buffer.flip();
    }

    /** publickey auth with a key held by the agent: the query, then the request signed by the agent. */
    private final class AgentKey extends AbstractAuthMethod {
        private final byte[] blob;
        private final String algorithm;
        private final int flags;

        AgentKey(byte[] blob, String type) {
            super("publickey");
            this.blob = blob;
            boolean rsa = type.equals("ssh-rsa");
            this.algorithm = rsa ? "rsa-sha2-512" : type;
            this.flags = rsa ? RSA_SHA2_512 : 0;
        }

        @Override
        protected SSHPacket buildReq() throws UserAuthException {
            return request(false);
        }

        private SSHPacket request(boolean signed) throws UserAuthException {
            SSHPacket packet = super.buildReq();
            packet.putBoolean(signed).putString(algorithm).putBytes(blob);
            return packet;
        }

        @Override
        public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
            if (cmd != Message.USERAUTH_60) {
                super.handle(cmd, buf);
                return;
            }
            // the server accepts this key: sign session id + request, as RFC 4252 section 7 says
            SSHPacket packet = request(true);
            byte[] data = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID())
                    .putBuffer(packet).getCompactData();
            try {
                packet.putBytes(sign(blob, data, flags));
            } catch (IOException e) {
                throw new UserAuthException("the ssh-agent could not sign: " + e.getMessage(), e);
            }
            params.getTransport().write(packet);
        }
    }
}
