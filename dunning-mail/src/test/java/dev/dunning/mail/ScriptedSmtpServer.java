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
 * A tiny SMTP responder on 127.0.0.1 that gives one scripted reply where GreenMail cannot be told
 * to: to AUTH (a wrong password), to MAIL FROM (a relay refusing the sender), to RCPT TO (no such
 * user), after the message data (content refused); or that accepts the connection and never says a
 * word. Every other command is accepted. It counts the connections it accepted, so a test can see
 * whether a batch reused one. One connection at a time; stops when closed.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private static final String OK = "250 2.0.0 OK";

  private final ServerSocket socket;
  private final boolean silent;
  private final String authReply;
  private final String mailReply;
  private final String rcptReply;
  private final String dataReply;
  private final Thread thread;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();

  private ScriptedSmtpServer(boolean silent, String authReply, String mailReply, String rcptReply, String dataReply)
      throws IOException {
    this.silent = silent;
    this.authReply = authReply;
    this.mailReply = mailReply;
    this.rcptReply = rcptReply;
    this.dataReply = dataReply;
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  /** Accepts every message. */
  static ScriptedSmtpServer accepting() throws IOException {
    return new ScriptedSmtpServer(false, "235 2.7.0 Authentication successful", OK, OK, OK);
  }

  /** Answers every AUTH with {@code reply}, e.g. {@code 535 5.7.8 Authentication credentials invalid}. */
  static ScriptedSmtpServer rejectingLogin(String reply) throws IOException {
    return new ScriptedSmtpServer(false, reply, OK, OK, OK);
  }

  /** Answers every MAIL FROM with {@code reply}, e.g. {@code 553 5.7.1 Sender address rejected}. */
  static ScriptedSmtpServer rejectingSender(String reply) throws IOException {
    return new ScriptedSmtpServer(false, "235 2.7.0 Authentication successful", reply, OK, OK);
  }

  /** Answers every RCPT TO with {@code reply}, e.g. {@code 550 5.1.1 No such user}. */
  static ScriptedSmtpServer rejectingRecipients(String reply) throws IOException {
    return new ScriptedSmtpServer(false, "235 2.7.0 Authentication successful", OK, reply, OK);
  }

  /** Takes the message data and then answers {@code reply}, e.g. {@code 554 5.7.1 Message refused}. */
  static ScriptedSmtpServer rejectingContent(String reply) throws IOException {
    return new ScriptedSmtpServer(false, "235 2.7.0 Authentication successful", OK, OK, reply);
  }

  /** Accepts the TCP connection and never answers, like a hung server or a black-holing firewall. */
  static ScriptedSmtpServer silent() throws IOException {
    return new ScriptedSmtpServer(true, null, null, null, null);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** The scripted rejections given so far (to AUTH, MAIL FROM, RCPT TO or the data). */
  int rejected() {
    return rejected.get();
  }

  /** The messages taken (data accepted) so far. */
  int accepted() {
    return accepted.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        connections.incrementAndGet();
        if (silent) {
          // hold the connection open without a greeting until the client gives up
          client.getInputStream().transferTo(OutputStream.nullOutputStream());
          continue;
        }
        client.setSoTimeout(5_000);
        converse(client);
      } catch (SocketException closed) {
        if (socket.isClosed()) {
          return;
        }
      } catch (IOException e) {
        // a client that hangs up mid-conversation: wait for the next one
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    reply(out, "220 scripted.test ESMTP");
    for (String line; (line = in.readLine()) != null; ) {
      String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> reply(out, "250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
        case "HELO" -> reply(out, "250 scripted.test");
        case "AUTH" -> authenticate(line, in, out);
        case "MAIL" -> scripted(out, mailReply);
        case "RCPT" -> scripted(out, rcptReply);
        case "DATA" -> {
          reply(out, "354 End data with <CR><LF>.<CR><LF>");
          for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
            // the message itself is not kept
          }
          if (scripted(out, dataReply)) {
            accepted.incrementAndGet();
          }
        }
        case "QUIT" -> {
          reply(out, "221 2.0.0 Bye");
          return;
        }
        default -> reply(out, OK);
      }
    }
  }

  /** AUTH PLAIN with or without an initial response, or AUTH LOGIN: read the credentials, then give the scripted reply. */
  private void authenticate(String line, BufferedReader in, OutputStream out) throws IOException {
    String[] words = line.split(" ");
    String mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
    int challenges = mechanism.equals("LOGIN") ? (words.length > 2 ? 1 : 2) : (words.length > 2 ? 0 : 1);
    for (int i = 0; i < challenges; i++) {
      reply(out, "334 ");
      if (in.readLine() == null) {
        return;
      }
    }
    scripted(out, authReply);
  }

  /** Sends {@code reply}; whether it was a positive one. */
  private boolean scripted(OutputStream out, String reply) throws IOException {
    boolean positive = reply.startsWith("2") || reply.startsWith("3");
    if (!positive) {
      rejected.incrementAndGet();
    }
    reply(out, reply);
    return positive;
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
