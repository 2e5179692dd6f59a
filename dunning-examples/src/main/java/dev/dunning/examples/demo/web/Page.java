package dev.dunning.examples.demo.web;

/** One family of pages (the desk, the portal, …): answers the requests whose path it owns. */
interface Page {
  /** Handles the exchange and returns true, or returns false if the path is not this page's. */
  boolean handle(Exchange exchange) throws Exception;
}
