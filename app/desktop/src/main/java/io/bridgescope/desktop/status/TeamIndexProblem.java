package io.bridgescope.desktop.status;

import io.bridgescope.core.store.StoreException;

/**
 * Plain words for why a team index could not be opened, naming the typed error and what to do. The
 * messages come from core, which never puts a password in one.
 */
public final class TeamIndexProblem {

  private TeamIndexProblem() {}

  public static String words(Throwable e) {
    String m = String.valueOf(e.getMessage());
    if (e instanceof StoreException s) {
      return switch (s.reason()) {
        case UNREACHABLE -> "Server not reachable (store_unreachable). " + m;
        case AUTH -> "Login refused (store_auth): set PGPASSWORD or ~/.pgpass for this user. " + m;
        case TOO_OLD -> "Schema too old (store_too_old). " + m;
        case TOO_NEW -> "Schema too new (store_too_new). " + m;
        case CONNECTION_LOST -> "Connection lost (store_connection_lost). " + m;
        case OTHER_NETWORK -> "Another network's index (store_other_network). " + m;
        default -> m;
      };
    }
    if (e instanceof IllegalArgumentException) {
      return "Not a team index URL: " + m;
    }
    return m;
  }
}
