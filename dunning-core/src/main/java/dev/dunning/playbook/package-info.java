/** Playbooks: a creditor's escalation ladder as data, built in code or loaded from JSON. */
package dev.dunning.playbook;
