package dev.dunning.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads every {@code *.mustache} file under a directory or a classpath prefix, keyed by its path
 * relative to that root without the extension ({@code email/reminder1_fr.subject}). Reading them
 * all up front is what lets the engine's builder check every template before anything is sent.
 */
public final class TemplateSources {
  public static final String EXTENSION = ".mustache";

  private TemplateSources() {}

  /** The templates under {@code directory}. */
  public static Map<String, String> directory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("directory: " + directory + " is not a directory");
    }
    Map<String, String> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = directory.relativize(file).toString().replace('\\', '/');
        if (name.endsWith(EXTENSION) && Files.isRegularFile(file)) {
          found.put(strip(name), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read templates under " + directory, e);
    }
    return found;
  }

  /**
   * The templates under {@code prefix} on the class path, in directories and jars; a prefix present
   * in several class-path entries is merged, the first entry winning as class loading would.
   */
  public static Map<String, String> classpath(ClassLoader loader, String prefix) {
    String root = prefix.endsWith("/") ? prefix : prefix + "/";
    Map<String, String> found = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources(root);
      while (roots.hasMoreElements()) {
        URL url = roots.nextElement();
        Map<String, String> entry = "file".equals(url.getProtocol())
            ? directory(Paths.get(url.toURI()))
            : jar(url, root);
        entry.forEach(found::putIfAbsent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list templates under classpath:" + root, e);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("classpath prefix: " + root + " has an invalid location", e);
    }
    return found;
  }

  private static Map<String, String> jar(URL url, String root) throws IOException {
    URLConnection connection = url.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      throw new IllegalArgumentException("classpath prefix: cannot list templates in " + url
          + " (neither a directory nor a jar); use Templates.Builder.directory(…) instead");
    }
    jarConnection.setUseCaches(false);
    Map<String, String> found = new TreeMap<>();
    try (JarFile jar = jarConnection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!entry.isDirectory() && name.startsWith(root) && name.endsWith(EXTENSION)) {
          try (InputStream in = jar.getInputStream(entry)) {
            found.put(strip(name.substring(root.length())), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return found;
  }

  private static String strip(String name) {
    return name.substring(0, name.length() - EXTENSION.length());
  }
}
