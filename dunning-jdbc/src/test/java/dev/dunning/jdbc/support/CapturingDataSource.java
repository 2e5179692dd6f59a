package dev.dunning.jdbc.support;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that remembers the connections it handed out, so a test can cut them like a crash would. */
public final class CapturingDataSource implements DataSource {
  private final DataSource delegate;
  private final List<Connection> handedOut = new CopyOnWriteArrayList<>();

  public CapturingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Closes every connection handed out so far: their open transactions roll back, their locks go. */
  public void crash() throws SQLException {
    for (Connection c : handedOut) {
      c.close();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = delegate.getConnection();
    handedOut.add(c);
    return c;
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
