/**
 * Implementation details of the debtor portal: file inspection, instalment arithmetic, the rules
 * of which portal action is allowed when. Not supported for use by hosts or adapters: anything
 * here may change or disappear in any release without notice.
 */
package dev.dunning.portal.internal;
