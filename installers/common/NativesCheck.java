import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Loads every native library left in the packaged jars after trimming (common/TrimJar.java):
 * sqlite-jdbc, jblst (BLS12-381) and c-kzg. The demo does not reach all of them, so the smoke test
 * runs this against the installed jars: java -cp "<app>/lib/app/*" NativesCheck.java
 */
public final class NativesCheck {

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        ResultSet r = c.createStatement().executeQuery("select sqlite_version()")) {
      r.next();
      System.out.println("sqlite " + r.getString(1));
    }
    new supranational.blst.SecretKey().keygen(new byte[32]);
    System.out.println("blst ok");
    ethereum.ckzg4844.CKZG4844JNI.loadNativeLibrary();
    System.out.println("c-kzg ok");
  }
}
