/**
 * The runnable demo: a recovery desk on embedded defaults (H2 file database, an in-JVM SMTP
 * server, real e-mail and letter channels, a simulated clock), started by
 * {@link dev.dunning.examples.DemoMain}. Application code to read and copy, not a library API.
 */
package dev.dunning.examples.demo;
