package dev.dunning.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP responder on 127.0.0.1 that answers every RCPT TO with a fixed reply (e.g.
 * {@code 550 5.1.1 No such user}), which GreenMail cannot be told to do. One connection at a time;
 * stops when closed.
 */
final class RejectingSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String rcptReply;
  private final Thread thread;
  private final AtomicInteger rejected = new AtomicInteger();

  RejectingSmtpServer(String rcptReply) throws IOException {
    this.rcptReply = rcptReply;
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "rejecting-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  int rejected() {
    return rejected.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(5_000);
        converse(client);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // a client that hangs up mid-conversation: wait for the next one
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 reject.test ESMTP");
    for (String line; (line = in.readLine()) != null; ) {
      String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO", "HELO" -> reply(out, "250 reject.test");
        case "RCPT" -> {
          rejected.incrementAndGet();
          reply(out, rcptReply);
        }
        case "DATA" -> reply(out, "554 5.5.1 No valid recipients");
        case "QUIT" -> {
          reply(out, "221 Bye");
          return;
        }
        default -> reply(out, "250 OK");
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
