// Computes personal links and form (CSRF) tokens for bench/ack.sh, the way security.LinkTokens and
// acknowledgement.FormTokenSigner make them, from the signing key the bench gave Heed (HEED_LINKS_KEYS, first key).
// The bench holds the key; nothing is weakened for it. If this drifts from Heed's format, every request of the
// bench fails (404/403) and ack.sh reports it.
//
//   java bench/AckLinks.java < "recipient_id hex_nonce" lines > "token csrf" lines
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class AckLinks {

    public static void main(String[] args) throws Exception {
        String first = System.getenv("HEED_LINKS_KEYS").split(",")[0].trim();
        String keyId = first.substring(0, first.indexOf(':'));
        byte[] secret = Base64.getDecoder().decode(first.substring(first.indexOf(':') + 1));
        byte[] formSecret = hmac(secret, "heed-derived-v1:ack-form".getBytes(StandardCharsets.UTF_8));
        long issued = System.currentTimeMillis() / 1000;
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        StringBuilder out = new StringBuilder();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line; (line = in.readLine()) != null; ) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            long id = Long.parseLong(parts[0]);
            byte[] nonce = HexFormat.of().parseHex(parts[1]);
            byte[] linkMac = hmac(
                    secret,
                    "heed-link-v1".getBytes(StandardCharsets.US_ASCII),
                    ByteBuffer.allocate(8).putLong(id).array(),
                    nonce);
            byte[] body = ByteBuffer.allocate(24).putLong(id).put(linkMac, 0, 16).array();
            byte[] formMac = hmac(
                    formSecret,
                    "heed-ack-form-v1".getBytes(StandardCharsets.US_ASCII),
                    ByteBuffer.allocate(16).putLong(id).putLong(issued).array());
            out.append(keyId).append('.').append(url.encodeToString(body)).append(' ');
            out.append(issued).append('.').append(url.encodeToString(java.util.Arrays.copyOf(formMac, 16)));
            out.append('\n');
        }
        System.out.print(out);
    }

    private static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }
}
