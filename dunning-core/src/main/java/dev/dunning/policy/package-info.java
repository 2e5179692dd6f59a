/** The creditor's choices as small interfaces with playbook-driven defaults; hosts may plug their own. */
package dev.dunning.policy;
