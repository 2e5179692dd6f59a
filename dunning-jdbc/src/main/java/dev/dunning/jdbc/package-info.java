/** A durable CaseStore for H2 and PostgreSQL, with its schema migrations. */
package dev.dunning.jdbc;
