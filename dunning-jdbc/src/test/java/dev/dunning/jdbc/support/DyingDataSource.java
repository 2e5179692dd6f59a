package dev.dunning.jdbc.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A data source whose instance dies the moment it is about to run a statement containing a given
 * text: every connection it handed out is closed without commit, as when the process is killed,
 * and the statement fails. What the instance held only in its sessions (locks, open transactions)
 * goes with them; what it committed stays.
 */
public final class DyingDataSource {
  private final DataSource delegate;
  private final String fatal;
  private final List<Connection> handedOut = new CopyOnWriteArrayList<>();
  private volatile boolean dead;

  private DyingDataSource(DataSource delegate, String fatal) {
    this.delegate = delegate;
    this.fatal = fatal;
  }

  /** A data source over {@code delegate} that dies before running SQL containing {@code fatal}. */
  public static DataSource diesAt(DataSource delegate, String fatal) {
    DyingDataSource dying = new DyingDataSource(delegate, fatal);
    return proxy(DataSource.class, (proxy, method, args) -> {
      Object result = call(delegate, method, args);
      return result instanceof Connection c ? dying.wrap(c) : result;
    });
  }

  private Connection wrap(Connection c) {
    handedOut.add(c);
    return proxy(Connection.class, (proxy, method, args) -> {
      if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
        check(sql);
      }
      Object result = call(c, method, args);
      return result instanceof Statement s && !method.getName().startsWith("prepare") ? wrap(s) : result;
    });
  }

  private Statement wrap(Statement s) {
    return proxy(Statement.class, (proxy, method, args) -> {
      if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
        check(sql);
      }
      return call(s, method, args);
    });
  }

  private void check(String sql) throws SQLException {
    if (dead || sql.contains(fatal)) {
      dead = true;
      for (Connection c : handedOut) {
        c.close();
      }
      throw new SQLException("the instance died before running: " + sql.lines().findFirst().orElse(""));
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
