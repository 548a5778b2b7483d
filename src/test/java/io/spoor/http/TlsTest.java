package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.dashboard.Role;
import io.spoor.testkit.RunningSpoor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** With --tls-cert and --tls-key Spoor speaks https, HTTP/1.1 and HTTP/2, with a certificate made here by keytool. */
class TlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @Test
  void spoorServesHttpsOverHttp11AndHttp2() throws Exception {
    Path dir = Files.createTempDirectory("spoor-tls");
    KeyStore keys = selfSigned(dir);
    try (RunningSpoor spoor = httpsSpoor(keys, dir)) {
      URI health = URI.create("https://127.0.0.1:" + spoor.spoor().port() + "/healthz");
      for (HttpClient.Version version : HttpClient.Version.values()) {
        HttpResponse<String> answer = client(keys.getCertificate("spoor"), version)
            .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertEquals(version, answer.version());
        assertTrue(answer.body().contains("UP"), answer.body());
      }
      URI beacon = URI.create("https://127.0.0.1:" + spoor.spoor().port() + "/__ptq.gif?k=1&a=1");
      HttpResponse<byte[]> gif = client(keys.getCertificate("spoor"), HttpClient.Version.HTTP_2)
          .send(HttpRequest.newBuilder(beacon).header("User-Agent", "Mozilla/5.0").build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, gif.statusCode());
      assertEquals("GIF89a", new String(gif.body(), 0, 6, StandardCharsets.US_ASCII));
      HttpClient plain = HttpClient.newHttpClient();
      assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + spoor.spoor().port() + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString()), "plain http is not served");
    }
  }

  @Test
  void theDashboardsSessionCookieIsSecureOverHttps() throws Exception {
    Path dir = Files.createTempDirectory("spoor-tls");
    KeyStore keys = selfSigned(dir);
    try (RunningSpoor spoor = httpsSpoor(keys, dir)) {
      spoor.spoor().accounts().create(RunningSpoor.HUB_ID, "a@example.com", Role.ADMIN, "a long enough password");
      HttpResponse<String> signedIn = client(keys.getCertificate("spoor"), HttpClient.Version.HTTP_2).send(
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + spoor.spoor().port() + "/dashboard/api/sign-in"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"email\":\"a@example.com\",\"password\":\"a long enough password\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, signedIn.statusCode(), signedIn.body());
      String cookie = signedIn.headers().firstValue("set-cookie").orElseThrow().toLowerCase(java.util.Locale.ROOT);
      assertTrue(cookie.contains("; secure") && cookie.contains("; httponly") && cookie.contains("; samesite=strict"),
          cookie);
    }
  }

  /** A Spoor serving https with the certificate of {@code keys}, its PEM files written to {@code dir}. */
  private static RunningSpoor httpsSpoor(KeyStore keys, Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Files.writeString(cert, pem("CERTIFICATE", keys.getCertificate("spoor").getEncoded()));
    Files.writeString(key, pem("PRIVATE KEY", keys.getKey("spoor", PASSWORD).getEncoded()));
    return RunningSpoor.start(Map.of("tls-cert", cert.toString(), "tls-key", key.toString()));
  }

  /** A self-signed RSA certificate for 127.0.0.1 and localhost, made by the JDK's keytool. */
  private static KeyStore selfSigned(Path dir) throws Exception {
    Path store = dir.resolve("keys.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "spoor", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD),
        "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    return keys;
  }

  private static HttpClient client(Certificate trusted, HttpClient.Version version) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("spoor", trusted);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, factory.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).version(version).build();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
