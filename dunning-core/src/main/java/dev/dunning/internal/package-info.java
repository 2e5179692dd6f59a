/**
 * Implementation details of Dunning. Not supported for use by hosts or adapters: anything here may
 * change or disappear in any release without notice.
 */
package dev.dunning.internal;
