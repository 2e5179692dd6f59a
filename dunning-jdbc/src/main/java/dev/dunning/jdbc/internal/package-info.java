/**
 * The JDBC store's implementation: SQL per dialect, row mapping, JSON columns, the migrator.
 *
 * <p>Unsupported: nothing here is API. It may change in any release without notice; use
 * {@link dev.dunning.jdbc.JdbcCaseStore} and its builder instead.
 */
package dev.dunning.jdbc.internal;
