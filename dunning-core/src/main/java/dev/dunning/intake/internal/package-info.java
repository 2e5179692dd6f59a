/**
 * Implementation details of demand intake: check-digit algorithms and field checks. Not supported
 * for use by hosts or adapters: anything here may change or disappear in any release without notice.
 */
package dev.dunning.intake.internal;
