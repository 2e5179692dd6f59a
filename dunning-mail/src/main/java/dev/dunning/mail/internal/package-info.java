/**
 * The implementation of {@code dev.dunning.mail}: template catalogue, MIME assembly, SMTP failure
 * classification, PDF layout. Unsupported: these classes may change or disappear in any release;
 * use the public types of {@code dev.dunning.mail} instead.
 */
package dev.dunning.mail.internal;
