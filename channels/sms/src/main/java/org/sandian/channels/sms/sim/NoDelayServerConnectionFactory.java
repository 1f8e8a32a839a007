package org.sandian.channels.sms.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/** The simulator's listening socket: accepted connections get TCP_NODELAY, like the ESME's. */
final class NoDelayServerConnectionFactory implements ServerConnectionFactory {

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port), backlog);
        server.setSoTimeout(timeout);
        return new ServerConnection() {
            @Override
            public Connection accept() throws IOException {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                return new SocketConnection(s);
            }

            @Override
            public void setSoTimeout(int t) throws IOException {
                server.setSoTimeout(t);
            }

            @Override
            public int getSoTimeout() throws IOException {
                return server.getSoTimeout();
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }
}
