/**
 * A durable {@link dev.dunning.spi.CaseStore} for H2 and PostgreSQL 15+, with its schema
 * migrations: {@link dev.dunning.jdbc.JdbcCaseStore} (built with
 * {@link dev.dunning.jdbc.JdbcCaseStore#builder(javax.sql.DataSource)}), and the
 * {@link dev.dunning.jdbc.JdbcDocumentStore} and {@link dev.dunning.jdbc.JdbcPortalTokenStore} it
 * hands out over the same database. Several application instances may tick one database at once.
 * Everything in {@code dev.dunning.jdbc.internal} is unsupported.
 */
package dev.dunning.jdbc;
