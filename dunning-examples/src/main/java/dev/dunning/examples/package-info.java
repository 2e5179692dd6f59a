/** The runnable demo and small integration examples, one {@code …Main} per feature. */
package dev.dunning.examples;
