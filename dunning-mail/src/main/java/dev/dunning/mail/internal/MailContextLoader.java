package dev.dunning.mail.internal;

import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The thread context class loader {@code EmailChannel} puts in place while it builds and sends a
 * batch, so that Jakarta Mail finds its {@code StreamProvider} without scanning the class path.
 *
 * <p>Why: jakarta.mail-api 2.1 calls {@code StreamProvider.provider()} for every body part and
 * multipart it creates, every header word it encodes and every encoder stream it opens while
 * writing a message (about ten times per e-mail). Each call goes through {@code FactoryFinder},
 * which asks the thread context class loader first: unless the JVM-wide system property
 * {@code jakarta.mail.util.StreamProvider} is set, that is a fresh {@code ServiceLoader} reading
 * {@code META-INF/services/jakarta.mail.util.StreamProvider} from every jar of the class path. This
 * loader answers that one resource from memory, naming the provider class the channel's
 * {@link Session} found when it was built, and hands out that class when it is loaded. Every other
 * class and resource request goes to the context class loader it replaces, so Jakarta Mail's
 * transports, mailcap and content handlers resolve exactly as they would without it.
 *
 * <p>Immutable and thread-safe; one per channel and original context class loader.
 */
public final class MailContextLoader extends ClassLoader {
  static final String SERVICE_FILE = "META-INF/services/jakarta.mail.util.StreamProvider";

  private final Class<?> provider;
  private final URL serviceFile;

  private MailContextLoader(ClassLoader original, Class<?> provider) {
    super(original);
    this.provider = provider;
    this.serviceFile = inMemory(SERVICE_FILE, (provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A loader over {@code original} serving the session's stream provider, or {@code original}
   * itself where no shortcut applies: without a context class loader, Jakarta Mail asks its own
   * class loader; and a provider in a named module is found through the module graph, cheaply, while
   * a class-path service file naming it would be ignored.
   */
  public static ClassLoader over(ClassLoader original, Session session) {
    Class<?> provider = session.getStreamProvider().getClass();
    if (original == null || original instanceof MailContextLoader || provider.getModule().isNamed()) {
      return original;
    }
    return new MailContextLoader(original, provider);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    // nothing is defined here, so no class loading lock is needed: the parent does its own locking
    return name.equals(provider.getName()) ? provider : getParent().loadClass(name);
  }

  @Override
  public URL getResource(String name) {
    return SERVICE_FILE.equals(name) ? serviceFile : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return SERVICE_FILE.equals(name) ? Collections.enumeration(List.of(serviceFile)) : getParent().getResources(name);
  }

  @Override
  public String toString() {
    return "MailContextLoader[" + provider.getName() + " over " + getParent() + "]";
  }

  private static URL inMemory(String name, byte[] content) {
    URLStreamHandler handler = new URLStreamHandler() {
      @Override
      protected URLConnection openConnection(URL url) {
        return new URLConnection(url) {
          @Override
          public void connect() {}

          @Override
          public InputStream getInputStream() {
            return new ByteArrayInputStream(content);
          }
        };
      }
    };
    try {
      return new URL(null, "dunning-mail:" + name, handler);
    } catch (MalformedURLException e) {
      throw new IllegalStateException("cannot make an in-memory URL for " + name, e);
    }
  }
}
