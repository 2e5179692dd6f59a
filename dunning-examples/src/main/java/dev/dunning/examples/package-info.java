/** The runnable demo on embedded defaults and small integration examples. */
package dev.dunning.examples;
