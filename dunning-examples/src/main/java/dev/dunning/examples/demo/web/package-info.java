/**
 * The demo's server-rendered pages on Jetty 12's Handler API: one class per page family (demand
 * form, desk, case, debtor portal, mailbox), a tiny HTML helper that escapes every value, CSRF
 * tokens on every form, and a strict Content-Security-Policy (no script, no inline style).
 */
package dev.dunning.examples.demo.web;
