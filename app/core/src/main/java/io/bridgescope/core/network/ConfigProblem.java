package io.bridgescope.core.network;

/**
 * One thing wrong with a network profile: {@code field} is the JSON path the user edits (e.g.
 * {@code root.rpcUrls[1]}), {@code message} says what is wrong and what to do.
 */
public record ConfigProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
