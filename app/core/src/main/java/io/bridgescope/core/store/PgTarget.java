package io.bridgescope.core.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A team index named as {@code postgresql://[USER@]HOST[:PORT]/DB[?sslmode=...&sslrootcert=...]}.
 *
 * <p>The password is never part of it: a URL with one is refused, since it would end up in shell
 * history, profiles and logs. It comes from {@code PGPASSWORD} in the environment, or from the
 * driver reading {@code ~/.pgpass} (or {@code PGPASSFILE}). The user is the URL's, else {@code
 * PGUSER}, else the login name. The TLS options ({@link #PASSED_THROUGH}) go to the driver as
 * given.
 */
public final class PgTarget {

  /** Query options handed to the driver unchanged. */
  static final Set<String> PASSED_THROUGH =
      Set.of(
          "sslmode",
          "sslrootcert",
          "sslcert",
          "sslkey",
          "sslfactory",
          "sslhostnameverifier",
          "connectTimeout",
          "socketTimeout",
          "tcpKeepAlive",
          "targetServerType");

  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final Map<String, String> options;

  private PgTarget(String host, int port, String database, String user, Map<String, String> opts) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.options = opts;
  }

  /** Whether {@code s} names a PostgreSQL store rather than a file. */
  public static boolean isUrl(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("postgresql://") || l.startsWith("postgres://");
  }

  /**
   * Parses a {@code postgresql://} URL; {@code env} is the process environment (for {@code
   * PGUSER}).
   *
   * @throws IllegalArgumentException naming what is wrong and what to write instead
   */
  public static PgTarget parse(String url, Map<String, String> env) {
    if (!isUrl(url)) {
      throw new IllegalArgumentException(
          "'" + redact(url) + "' is not a PostgreSQL URL: write postgresql://HOST[:PORT]/DB");
    }
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + redact(url) + "' is not a valid URL (" + e.getReason() + ")", e);
    }
    String userInfo = u.getRawUserInfo();
    if (userInfo != null && userInfo.contains(":")) {
      throw new IllegalArgumentException(
          "the URL holds a password; remove it and set PGPASSWORD in the environment or put it in"
              + " ~/.pgpass: passwords are never taken from command lines or profiles");
    }
    String host = u.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(
          "'" + redact(url) + "' names no host: write postgresql://HOST[:PORT]/DB");
    }
    String path = u.getPath() == null ? "" : u.getPath();
    String db = path.startsWith("/") ? path.substring(1) : path;
    if (db.isBlank() || db.contains("/")) {
      throw new IllegalArgumentException(
          "'" + redact(url) + "' names no database: write postgresql://HOST[:PORT]/DB");
    }
    Map<String, String> opts = new LinkedHashMap<>();
    String query = u.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String kv : query.split("&")) {
        int eq = kv.indexOf('=');
        String k = decode(eq < 0 ? kv : kv.substring(0, eq));
        String v = eq < 0 ? "" : decode(kv.substring(eq + 1));
        if (k.equalsIgnoreCase("password")) {
          throw new IllegalArgumentException(
              "the URL holds a password; remove it and set PGPASSWORD in the environment or put it"
                  + " in ~/.pgpass: passwords are never taken from command lines or profiles");
        }
        if (k.equalsIgnoreCase("sslpassword")) {
          throw new IllegalArgumentException(
              "the URL holds sslpassword, a key's passphrase; remove it and use a client key file"
                  + " without a passphrase, readable only by its user (chmod 600): passwords are"
                  + " never taken from command lines or profiles");
        }
        if (k.equals("user")) {
          userInfo = v;
        } else if (PASSED_THROUGH.contains(k)) {
          opts.put(k, v);
        } else {
          throw new IllegalArgumentException(
              "unknown option '"
                  + k
                  + "' in the PostgreSQL URL; known: user, "
                  + String.join(", ", PASSED_THROUGH.stream().sorted().toList()));
        }
      }
    }
    String user =
        userInfo != null && !userInfo.isBlank()
            ? decode(userInfo)
            : env.getOrDefault("PGUSER", System.getProperty("user.name", "postgres"));
    return new PgTarget(host, u.getPort() < 0 ? 5432 : u.getPort(), db, user, opts);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  /** The driver URL, without user or password. */
  String jdbcUrl() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + h + ":" + port + "/" + database;
  }

  /**
   * The driver properties: user, the password from {@code PGPASSWORD} if set (else the driver looks
   * in .pgpass), the passed-through TLS options, and {@code extra}.
   */
  Properties properties(Map<String, String> env, Map<String, String> extra) {
    Properties p = new Properties();
    p.setProperty("user", user);
    @Nullable String pw = env.get("PGPASSWORD");
    if (pw != null && !pw.isEmpty()) {
      p.setProperty("password", pw);
    }
    p.putAll(options);
    p.putAll(extra);
    return p;
  }

  /** How the store is named in messages and logs: no password can be in it. */
  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder("postgresql://")
            .append(user)
            .append('@')
            .append(host)
            .append(':')
            .append(port)
            .append('/')
            .append(database);
    if (options.containsKey("sslmode")) {
      b.append("?sslmode=").append(options.get("sslmode"));
    }
    return b.toString();
  }

  /** {@code s} with anything between "://" and "@" (user and password) cut out, for messages. */
  static String redact(String s) {
    return s.replaceAll("://[^@/]*@", "://…@").replaceAll("(?i)password=[^&]*", "password=…");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
